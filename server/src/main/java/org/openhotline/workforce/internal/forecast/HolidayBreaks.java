package org.openhotline.workforce.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The breaks of the business calendar, read from its working-day answer alone: a break (假期) is a run of non-working
 * days that holds at least one non-working weekday, so a holiday's weekend belongs to it — the 7th of October is day 7
 * of the Golden Week whatever weekday it falls on — while a plain weekend is no break. A day's place around a break
 * (first or second working day after it, with the backlog; the working day before it) is told here too.
 */
final class HolidayBreaks {

    /** The break {@code first}…{@code last}; {@code days()} long. */
    record Break(LocalDate first, LocalDate last) {
        int days() {
            return (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        }

        int position(LocalDate day) {
            return (int) (day.toEpochDay() - first.toEpochDay());
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    private static final int LONGEST = 20;
    private final Predicate<LocalDate> workingDay;
    private final Map<LocalDate, Break> cache = new HashMap<>();

    HolidayBreaks(Predicate<LocalDate> workingDay) {
        this.workingDay = workingDay;
    }

    /** The break the day is part of, or null on a working day and on a plain weekend. */
    Break of(LocalDate day) {
        if (workingDay.test(day)) {
            return null;
        }
        return cache.computeIfAbsent(day, d -> {
            LocalDate first = d;
            while (!workingDay.test(first.minusDays(1)) && d.toEpochDay() - first.toEpochDay() < LONGEST) {
                first = first.minusDays(1);
            }
            LocalDate last = d;
            while (!workingDay.test(last.plusDays(1)) && last.toEpochDay() - d.toEpochDay() < LONGEST) {
                last = last.plusDays(1);
            }
            for (LocalDate x = first; !x.isAfter(last); x = x.plusDays(1)) {
                if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    return new Break(first, last);
                }
            }
            return null;
        });
    }

    /** The break a working day directly follows (the backlog comes in on it), else null. */
    Break endingBefore(LocalDate day) {
        return workingDay.test(day) ? of(day.minusDays(1)) : null;
    }

    /** The break whose first day is the day after this working day, else null. */
    Break startingAfter(LocalDate day) {
        return workingDay.test(day) ? of(day.plusDays(1)) : null;
    }
}
