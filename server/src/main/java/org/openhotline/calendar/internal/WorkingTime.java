package org.openhotline.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.openhotline.calendar.TimeLimit;

/**
 * Deadline arithmetic over one snapshot of the calendar. Working days are counted from the day after the start
 * (the common 12345 rule "自次日起计算"), and a working-day deadline ends at the working hours' end of its last
 * day. Days without an exception row follow the week: Monday to Friday work, weekends rest.
 */
public record WorkingTime(ZoneId zone, Map<LocalDate, String> exceptions, Map<Integer, LocalTime> workEnds,
                          LocalTime defaultWorkEnd) {

    /** Longest stretch searched for working days: a year of holidays would be a data error. */
    private static final int MAX_DAYS_SCANNED = 3660;

    public boolean isWorkingDay(LocalDate day) {
        String kind = exceptions.get(day);
        if (kind != null) {
            return kind.equals("WORKDAY");
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public Instant deadline(Instant start, TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> start.plusSeconds(60L * limit.amount());
            case HOURS -> start.plusSeconds(3600L * limit.amount());
            case NATURAL_DAYS -> start.atZone(zone).plusDays(limit.amount()).toInstant();
            case WORKING_DAYS -> {
                LocalDate day = start.atZone(zone).toLocalDate();
                int counted = 0;
                for (int scanned = 0; counted < limit.amount(); scanned++) {
                    if (scanned > MAX_DAYS_SCANNED) {
                        throw new IllegalStateException("no working days found after " + start);
                    }
                    day = day.plusDays(1);
                    if (isWorkingDay(day)) {
                        counted++;
                    }
                }
                yield day.atTime(workEnds.getOrDefault(day.getYear(), defaultWorkEnd)).atZone(zone).toInstant();
            }
        };
    }
}
