package org.openhotline.workforce.internal.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * The Spring Festival's own clock. The festival moves by up to a month against the solar calendar, and the calls move
 * with it for weeks (the wage-arrears rush before it, the empty days of the break, the slow refill after it), so the
 * forecast aligns those weeks across years by the day's distance from 正月初一, not by date or weekday. The business
 * calendar knows only that the days are off; which break is the Spring Festival is this table of 正月初一 dates.
 */
final class LunarNewYear {

    /** From 35 days before 初一 to 25 days after: the weeks the festival shapes. */
    static final int BEFORE = 35;
    static final int AFTER = 25;

    private static final List<LocalDate> FIRST_DAYS = List.of("2018-02-16", "2019-02-05", "2020-01-25",
            "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06",
            "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19",
            "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24", "2040-02-12").stream()
            .map(LocalDate::parse).toList();

    private LunarNewYear() {}

    /** 正月初一 of the festival whose weeks hold the day, or null (also outside the table's years). */
    static LocalDate festivalOf(LocalDate day) {
        for (LocalDate first : FIRST_DAYS) {
            long offset = day.toEpochDay() - first.toEpochDay();
            if (offset >= -BEFORE && offset <= AFTER) {
                return first;
            }
        }
        return null;
    }

    /** 正月初一 a year before the given one, or null when the table does not go back that far. */
    static LocalDate yearBefore(LocalDate firstDay) {
        int i = FIRST_DAYS.indexOf(firstDay);
        return i > 0 ? FIRST_DAYS.get(i - 1) : null;
    }
}
