package org.openhotline.workforce.internal.forecast;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls offered and seconds handled per local day and half hour (48 slots), the forecast's input and output alike.
 * {@code handled[s]} counts the answered calls whose {@code handleSeconds[s]} are summed, so AHT is their quotient.
 */
public final class CallSeries {

    public static final int SLOTS = 48;

    public record Day(double[] calls, double[] handleSeconds, double[] handled) {
        public Day() {
            this(new double[SLOTS], new double[SLOTS], new double[SLOTS]);
        }

        public double total() {
            double sum = 0;
            for (double c : calls) {
                sum += c;
            }
            return sum;
        }

        public double aht(int slot) {
            return handled[slot] > 0 ? handleSeconds[slot] / handled[slot] : 0;
        }
    }

    private final TreeMap<LocalDate, Day> days = new TreeMap<>();

    public Day day(LocalDate date) {
        return days.computeIfAbsent(date, d -> new Day());
    }

    public void add(LocalDate date, int slot, double calls, double handleSeconds, double handled) {
        Day day = day(date);
        day.calls()[slot] += calls;
        day.handleSeconds()[slot] += handleSeconds;
        day.handled()[slot] += handled;
    }

    /** The days in [first, last], with empty days where nothing was recorded. */
    public CallSeries between(LocalDate first, LocalDate last) {
        CallSeries part = new CallSeries();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Day day = days.get(d);
            part.days.put(d, day == null ? new Day() : day);
        }
        return part;
    }

    public java.util.NavigableMap<LocalDate, Day> days() {
        return days;
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }
}
