package org.openhotline.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the demo history covers: its days (with whether each is a working day of the business calendar and how busy
 * it is), the totals of calls and orders spread over them, and the random seed that makes every run write the same
 * history. {@code rowsBefore} tells the later hooks (the reports' rebuild) what the earlier ones wrote.
 */
public record HistoryPlan(List<Day> days, ZoneId zone, int calls, int orders, long seed, long rowsBefore) {

    /** A day of history; {@code weight} 1.0 is an ordinary working day. */
    public record Day(LocalDate date, boolean workingDay, double weight) {}

    /**
     * Share of a day's calls in each hour (0–23) of a 24-hour hotline: quiet nights, a morning peak at 9–11 and an
     * afternoon peak at 14–16 with a lunch dip between (the shape of 12345 traffic reports).
     */
    private static final double[] HOURS = {0.6, 0.4, 0.3, 0.25, 0.25, 0.4, 0.9, 2.0, 5.5, 8.5, 9.0, 7.5, 4.5, 5.0,
            7.8, 8.2, 7.5, 5.5, 3.5, 3.0, 2.6, 2.0, 1.4, 0.9};

    /**
     * The days [{@code first}, {@code last}] weighted: working days 1.0, weekends about half, public holidays on
     * weekdays about a third, make-up working days on weekends nearly full, each ±10 % at random.
     */
    public static HistoryPlan of(LocalDate first, LocalDate last, ZoneId zone, java.util.function.Predicate<LocalDate> workingDay,
                                 int calls, int orders, long seed) {
        Random random = new Random(seed);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean working = workingDay.test(d);
            double weight = working ? (weekend ? 0.9 : 1.0)
                    : weekend ? (d.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.55 : 0.45) : 0.35;
            days.add(new Day(d, working, weight * (0.9 + 0.2 * random.nextDouble())));
        }
        return new HistoryPlan(List.copyOf(days), zone, calls, orders, seed, 0);
    }

    public HistoryPlan after(long rows) {
        return new HistoryPlan(days, zone, calls, orders, seed, rowsBefore + rows);
    }

    public Instant start() {
        return days.getFirst().date().atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return days.getLast().date().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** {@code total} split over the days by their weights (largest remainders), so the parts add up exactly. */
    public int[] perDay(int total) {
        double sum = days.stream().mapToDouble(Day::weight).sum();
        int[] counts = new int[days.size()];
        double[] rest = new double[days.size()];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = total * days.get(i).weight() / sum;
            counts[i] = (int) exact;
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                best = rest[i] > rest[best] ? i : best;
            }
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        return counts;
    }

    /** A second of the day drawn from the hourly shape (u uniform in [0, 1)). */
    public static int secondOfDay(double u) {
        double sum = 0;
        for (double h : HOURS) {
            sum += h;
        }
        double x = u * sum;
        for (int h = 0; h < 24; h++) {
            if (x < HOURS[h]) {
                return h * 3600 + (int) (3600 * x / HOURS[h]);
            }
            x -= HOURS[h];
        }
        return 86399;
    }
}
