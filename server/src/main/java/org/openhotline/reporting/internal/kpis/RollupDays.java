package org.openhotline.reporting.internal.kpis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Local days of the hotline's zone as time ranges, and the SQL predicates that place rows in them: the rolled-up days
 * of a KPI page and the others read from the facts. The instants go into the SQL as literals of this class, never
 * text from a request.
 */
final class RollupDays {

    private RollupDays() {}

    static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The runs of consecutive days, as [start, end) instants. */
    static List<Instant[]> ranges(Collection<LocalDate> days, ZoneId zone) {
        List<Instant[]> ranges = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate day : new TreeSet<>(days)) {
            if (previous == null || !day.equals(previous.plusDays(1))) {
                if (runStart != null) {
                    ranges.add(new Instant[] {start(runStart, zone), start(previous.plusDays(1), zone)});
                }
                runStart = day;
            }
            previous = day;
        }
        if (runStart != null) {
            ranges.add(new Instant[] {start(runStart, zone), start(previous.plusDays(1), zone)});
        }
        return ranges;
    }

    /** {@code column} in one of the ranges (index-friendly: one range scan each); "false" for none. */
    static String within(String column, List<Instant[]> ranges) {
        if (ranges.isEmpty()) {
            return "false";
        }
        List<String> parts = new ArrayList<>();
        for (Instant[] r : ranges) {
            parts.add(column + " >= " + literal(r[0]) + " and " + column + " < " + literal(r[1]));
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    /** A {@code date} column in one of the runs of {@code days}; "false" for none. */
    static String dayIn(String column, Collection<LocalDate> days) {
        List<String> parts = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate day : new TreeSet<>(days)) {
            if (previous == null || !day.equals(previous.plusDays(1))) {
                if (runStart != null) {
                    parts.add(column + " between date '" + runStart + "' and date '" + previous + "'");
                }
                runStart = day;
            }
            previous = day;
        }
        if (runStart != null) {
            parts.add(column + " between date '" + runStart + "' and date '" + previous + "'");
        }
        return parts.isEmpty() ? "false" : "(" + String.join(" or ", parts) + ")";
    }

    static String literal(Instant i) {
        return "timestamptz '" + i + "'";
    }
}
