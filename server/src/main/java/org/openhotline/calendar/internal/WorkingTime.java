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
 * day. Days without an exception row follow the week: Monday to Friday work, weekends rest. Working time is the
 * working hours of working days; limits counted in it get their yellow moment as a share of it.
 */
public record WorkingTime(ZoneId zone, Map<LocalDate, String> exceptions, Map<Integer, LocalTime> workStarts,
                          Map<Integer, LocalTime> workEnds, LocalTime defaultWorkStart, LocalTime defaultWorkEnd) {

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
            case WORKING_HOURS -> afterWorking(start, 3600L * limit.amount());
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
                yield end(day);
            }
        };
    }

    /**
     * The moment {@code percent} % of the working time between {@code start} and {@code due} has passed. With no
     * working time between them (a deadline inside a holiday) the share of calendar time is all there is.
     */
    public Instant yellowAt(Instant start, Instant due, int percent) {
        long total = workingSeconds(start, due);
        if (total <= 0) {
            return start.plusMillis(Math.max(0, due.toEpochMilli() - start.toEpochMilli()) * percent / 100);
        }
        Instant yellow = afterWorking(start, total * percent / 100);
        return yellow.isAfter(due) ? due : yellow;
    }

    /** Seconds of working hours on working days between two instants. */
    public long workingSeconds(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long seconds = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int scanned = 0; !day.isAfter(last) && scanned <= MAX_DAYS_SCANNED; scanned++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant a = latest(from, start(day));
                Instant b = earliest(to, end(day));
                if (b.isAfter(a)) {
                    seconds += b.getEpochSecond() - a.getEpochSecond();
                }
            }
        }
        return seconds;
    }

    /** The moment {@code seconds} of working time after {@code from}. */
    public Instant afterWorking(Instant from, long seconds) {
        long left = seconds;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int scanned = 0; scanned <= MAX_DAYS_SCANNED; scanned++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant a = latest(from, start(day));
            Instant b = end(day);
            if (!b.isAfter(a)) {
                continue;
            }
            long window = b.getEpochSecond() - a.getEpochSecond();
            if (left <= window) {
                return a.plusSeconds(left);
            }
            left -= window;
        }
        throw new IllegalStateException("no working time found after " + from);
    }

    private Instant start(LocalDate day) {
        return day.atTime(workStarts.getOrDefault(day.getYear(), defaultWorkStart)).atZone(zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return day.atTime(workEnds.getOrDefault(day.getYear(), defaultWorkEnd)).atZone(zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
