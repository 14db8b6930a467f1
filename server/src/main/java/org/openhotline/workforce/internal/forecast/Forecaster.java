package org.openhotline.workforce.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The forecast model, in logs of daily totals: {@code level + season + day factor}, split over half hours by the shape
 * of the day's group.
 * <ul>
 * <li><b>level</b>: exponential smoothing of the weekday-adjusted ordinary days, each day's pull clipped to
 * {@value #CLIP} times their usual spread so that a typhoon barely moves it; the smoothing constant is chosen from
 * {@link #ALPHAS} by how well it foresaw the last half year {@value #AHEAD} days ahead, and a level shift (a hotline
 * merged in) is jumped to once it has held for {@value #SHIFT_DAYS} days;</li>
 * <li><b>weekday factors</b>: re-estimated on the last {@value #WEEKDAY_DAYS} days' ordinary days, with the week's
 * level taken out (two-way fixed effects), so they follow a changed weekly rhythm;</li>
 * <li><b>season</b>: when a year of history is there, last year's level within {@value #SEASON_DAYS} days of the same
 * day (the Spring Festival's weeks aligned by their distance from 正月初一 and a long break's (Golden Week) day by its
 * place in the break, not by date), plus the <b>growth</b> over last year: every recent ordinary day against last
 * year's level around its own analog day, smoothed like the level. The shape of the year comes from last year, the
 * growth from this year's days each read against the same time last year; until {@value #GROWTH_DAYS} ordinary days
 * have that, today's level against last year's level where today's level stands;</li>
 * <li><b>day factor</b>: breaks (a holiday with its weekend) by their place in the break (first, middle, last day),
 * the first and second working day after a break (backlog), the working day before one and make-up working days
 * — each the median of its past days over the level of their time; inside the Spring Festival's weeks and a long
 * break, last year's aligned day itself.</li>
 * </ul>
 * Handling time per half hour is the recent average of the slot in the day's group. Event adjustments multiply what
 * the model says for their days and half hours.
 */
public final class Forecaster {

    static final double[] ALPHAS = {0.03, 0.06, 0.1, 0.15, 0.25};
    static final int AHEAD = 10;
    static final double PARSIMONY = 0.03;
    static final int SHIFT_DAYS = 14;
    static final double CLIP = 1.5;
    static final int WEEKDAY_DAYS = 140;
    static final int SHAPE_DAYS = 56;
    /**
     * Half width in days of the window of last year's ordinary days that gives the season: wide, because a day's noise
     * (about 5 %, with runs of days above or below) read from last year would otherwise come back as this year's
     * forecast; the season itself changes little over six weeks. Chosen on the development and validation holdouts.
     */
    static final int SEASON_DAYS = 21;
    static final int YEAR = 364;
    static final int LONG_BREAK = 6;
    static final int GROWTH_DAYS = 28;

    /** A manual change: calls in slots [fromSlot, toSlot] of days [first, last] multiplied by {@code factor}. */
    public record Adjustment(String name, LocalDate first, LocalDate last, int fromSlot, int toSlot, double factor) {}

    /** What a day is for the level: an ordinary day moves it, the others are measured against it. */
    enum Role { ORDINARY, MAKE_UP, BREAK, AFTER_FIRST, AFTER_SECOND, BEFORE }

    private final Predicate<LocalDate> workingDay;
    private final HolidayBreaks breaks;

    public Forecaster(Predicate<LocalDate> workingDay) {
        this.workingDay = workingDay;
        this.breaks = new HolidayBreaks(workingDay);
    }

    public CallSeries forecast(CallSeries history, LocalDate first, LocalDate last, List<Adjustment> adjustments) {
        CallSeries result = new CallSeries();
        var observed = new TreeMap<LocalDate, CallSeries.Day>();
        history.days().forEach((d, day) -> {
            if (day.total() > 0) {
                observed.put(d, day);
            }
        });
        if (observed.isEmpty()) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                result.day(d);
            }
            return result;
        }
        Fit fit = new Fit(observed);
        LocalDate end = observed.lastKey();
        double[][] shapes = shapes(observed, end);
        double[][] aht = handlingTimes(observed, end);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            double total = Math.exp(fit.logTotal(d));
            int group = groupOf(d);
            CallSeries.Day day = result.day(d);
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                double calls = total * shapes[group][s];
                for (Adjustment a : adjustments) {
                    if (!d.isBefore(a.first()) && !d.isAfter(a.last()) && s >= a.fromSlot() && s <= a.toSlot()) {
                        calls *= a.factor();
                    }
                }
                day.calls()[s] = calls;
                day.handled()[s] = calls;
                day.handleSeconds()[s] = calls * aht[group][s];
            }
        }
        return result;
    }

    Role role(LocalDate d) {
        if (breaks.of(d) != null) {
            return Role.BREAK;
        }
        if (!workingDay.test(d)) {
            return Role.ORDINARY; // a plain weekend
        }
        if (weekend(d)) {
            return Role.MAKE_UP;
        }
        if (breaks.endingBefore(d) != null) {
            return Role.AFTER_FIRST;
        }
        if (workingDay.test(d.minusDays(1)) && breaks.endingBefore(d.minusDays(1)) != null) {
            return Role.AFTER_SECOND;
        }
        if (breaks.startingAfter(d) != null) {
            return Role.BEFORE;
        }
        return Role.ORDINARY;
    }

    /**
     * The day a year before that plays the same part: inside the Spring Festival's weeks the same distance from 正月初一,
     * in a long break the same place in last year's long break (the first half counted from its start, the second from
     * its end, as breaks differ by a day), otherwise 52 weeks before.
     */
    LocalDate analog(LocalDate d) {
        LocalDate festival = LunarNewYear.festivalOf(d);
        if (festival != null) {
            LocalDate before = LunarNewYear.yearBefore(festival);
            if (before != null) {
                return before.plusDays(d.toEpochDay() - festival.toEpochDay());
            }
        }
        HolidayBreaks.Break b = breaks.of(d);
        if (b != null && b.days() >= LONG_BREAK) {
            HolidayBreaks.Break match = null;
            for (int shift = 0; shift <= 20 && match == null; shift++) {
                for (int sign : new int[] {-1, 1}) {
                    LocalDate x = b.first().minusDays(YEAR + (long) sign * shift);
                    HolidayBreaks.Break lb = breaks.of(x);
                    if (match == null && lb != null && lb.first().equals(x) && lb.days() >= LONG_BREAK) {
                        match = lb;
                    }
                }
            }
            if (match != null) {
                int pos = b.position(d);
                return pos < b.days() / 2.0 ? match.first().plusDays(pos) : match.last().minusDays(b.days() - 1 - pos);
            }
        }
        return d.minusDays(YEAR);
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The fitted daily model: level, weekday factors, the ordinary days' adjusted logs and the other days' factors. */
    private final class Fit {

        final TreeMap<LocalDate, Double> logs = new TreeMap<>();
        final Map<LocalDate, Role> roles = new HashMap<>();
        final TreeMap<LocalDate, Double> adjusted = new TreeMap<>(); // ordinary days: log total − weekday factor
        final Map<LocalDate, Double> levelBefore = new HashMap<>();
        final double[] weekday = new double[7];
        final Map<String, Double> factors = new HashMap<>();
        final LocalDate end;
        double level;
        double alpha = ALPHAS[0];
        double reference = Double.NaN;
        /** This year against last year (log): smoothed over the ordinary days that have last year's season; NaN without. */
        double growth = Double.NaN;

        Fit(TreeMap<LocalDate, CallSeries.Day> observed) {
            observed.forEach((d, day) -> {
                logs.put(d, Math.log(day.total()));
                roles.put(d, role(d));
            });
            end = observed.lastKey();
            weekdayFactors();
            smoothLevel();
            dayFactors();
            LocalDate lagged = end.minusDays(Math.round((1 - alpha) / alpha));
            LocalDate a = analog(lagged);
            if (!a.isBefore(logs.firstKey())) {
                reference = centered(a, LunarNewYear.festivalOf(lagged) != null ? 3 : SEASON_DAYS);
            }
            smoothGrowth();
        }

        double adjustment(Role role, LocalDate d) {
            return switch (role) {
                case BREAK, MAKE_UP -> 0;
                default -> weekday[d.getDayOfWeek().getValue() - 1];
            };
        }

        double logTotal(LocalDate d) {
            Role role = role(d);
            double adj = adjustment(role, d);
            if (!Double.isNaN(growth)) {
                LocalDate a = analog(d);
                boolean aligned = !a.equals(d.minusDays(YEAR));
                if (role != Role.ORDINARY && aligned && logs.containsKey(a) && roles.get(a) == role) {
                    return growth + logs.get(a) - adjustment(role, a) + adj;
                }
                double s = season(d);
                if (!Double.isNaN(s)) {
                    return growth + s + adj + (role == Role.ORDINARY ? 0 : factor(role, d));
                }
            }
            double shift = 0;
            if (!Double.isNaN(reference)) {
                LocalDate a = analog(d);
                boolean aligned = !a.equals(d.minusDays(YEAR));
                if (role != Role.ORDINARY && aligned && logs.containsKey(a) && roles.get(a) == role) {
                    return level + logs.get(a) - adjustment(role, a) - reference + adj;
                }
                double c = centered(a, LunarNewYear.festivalOf(d) != null ? 3 : SEASON_DAYS);
                if (!Double.isNaN(c)) {
                    shift = c - reference;
                }
            }
            return level + shift + adj + (role == Role.ORDINARY ? 0 : factor(role, d));
        }

        /** Mean adjusted log of the ordinary days within {@code half} days of x, widened until three are found. */
        double centered(LocalDate x, int half) {
            for (int h = half; h <= 35; h += 7) {
                var near = adjusted.subMap(x.minusDays(h), true, x.plusDays(h), true);
                if (near.size() >= 3) {
                    return near.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                }
            }
            return Double.NaN;
        }

        /** Weekday factors (Monday…Friday averaging 0) from the recent ordinary days, the weeks' levels taken out. */
        private void weekdayFactors() {
            List<LocalDate> days = new ArrayList<>();
            int[] count = new int[7];
            for (LocalDate d : logs.subMap(end.minusDays(WEEKDAY_DAYS - 1), true, end, true).keySet()) {
                if (roles.get(d) == Role.ORDINARY) {
                    days.add(d);
                    count[d.getDayOfWeek().getValue() - 1]++;
                }
            }
            if (java.util.Arrays.stream(count).anyMatch(c -> c < 2)) {
                days.clear();
                java.util.Arrays.fill(count, 0);
                for (LocalDate d : logs.keySet()) {
                    if (roles.get(d) == Role.ORDINARY) {
                        days.add(d);
                        count[d.getDayOfWeek().getValue() - 1]++;
                    }
                }
            }
            // medians rather than means, so that a surge week or a typhoon day does not tilt the weekly rhythm
            Map<Long, Double> week = new HashMap<>();
            double[] b = new double[7];
            for (int iteration = 0; iteration < 10; iteration++) {
                Map<Long, List<Double>> byWeek = new HashMap<>();
                for (LocalDate d : days) {
                    byWeek.computeIfAbsent(Math.floorDiv(d.toEpochDay(), 7), k -> new ArrayList<>())
                            .add(logs.get(d) - b[d.getDayOfWeek().getValue() - 1]);
                }
                byWeek.forEach((k, list) -> week.put(k, median(list)));
                List<List<Double>> byDay = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    byDay.add(new ArrayList<>());
                }
                for (LocalDate d : days) {
                    byDay.get(d.getDayOfWeek().getValue() - 1).add(logs.get(d) - week.get(Math.floorDiv(d.toEpochDay(), 7)));
                }
                for (int i = 0; i < 7; i++) {
                    b[i] = count[i] == 0 ? 0 : median(byDay.get(i));
                }
            }
            double workdays = 0;
            int n = 0;
            for (int i = 0; i < 5; i++) {
                if (count[i] > 0) {
                    workdays += b[i];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : workdays / n;
            for (int i = 0; i < 7; i++) {
                weekday[i] = count[i] == 0 ? Double.NaN : b[i] - mean;
            }
            for (int i = 0; i < 5; i++) {
                if (Double.isNaN(weekday[i])) {
                    weekday[i] = 0;
                }
            }
            double rest = Math.log(0.5);
            if (Double.isNaN(weekday[5])) {
                weekday[5] = Double.isNaN(weekday[6]) ? rest : weekday[6];
            }
            if (Double.isNaN(weekday[6])) {
                weekday[6] = weekday[5];
            }
        }

        /**
         * Exponential smoothing over the ordinary days; every calendar day remembers the level before it. The smoothing
         * constant is the one of {@link #ALPHAS} whose level of two weeks before missed the last half year's ordinary
         * days least (a steady hotline gets a long memory, a shifting one a short one).
         */
        private void smoothLevel() {
            List<Double> zs = new ArrayList<>();
            for (var e : logs.entrySet()) {
                if (roles.get(e.getKey()) == Role.ORDINARY) {
                    double z = e.getValue() - weekday[e.getKey().getDayOfWeek().getValue() - 1];
                    adjusted.put(e.getKey(), z);
                    zs.add(z);
                }
            }
            if (zs.isEmpty()) { // only holidays and make-up days seen
                level = logs.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                logs.keySet().forEach(d -> levelBefore.put(d, level));
                return;
            }
            double initial = initial(zs);
            double clip = CLIP * scale();
            alpha = chosenAlpha(zs, initial, clip);
            level = initial;
            double spread = scale();
            java.util.ArrayDeque<Double> recent = new java.util.ArrayDeque<>();
            for (LocalDate d = logs.firstKey(); !d.isAfter(end); d = d.plusDays(1)) {
                levelBefore.put(d, level);
                Double z = adjusted.get(d);
                if (z != null) {
                    level += alpha * Math.max(-clip, Math.min(clip, z - level));
                    recent.addLast(z);
                    if (recent.size() > SHIFT_DAYS) {
                        recent.removeFirst();
                    }
                    level = afterShift(recent, level, spread);
                }
            }
        }

        /**
         * The growth over last year: each ordinary day against last year's season around its analog day, smoothed like
         * the level (same choice of memory, same clip, same jump after a shift). Read this way the level and the season
         * come from the same days, where a level read at one point of time against last year's season at another
         * mixed last year's luck on a few days (a cold wave before the festival) into every forecast day. Left NaN
         * until {@value #GROWTH_DAYS} ordinary days have a full season window of last year behind them.
         */
        private void smoothGrowth() {
            List<Double> gs = new ArrayList<>();
            adjusted.forEach((d, z) -> {
                double s = season(d);
                if (!Double.isNaN(s)) {
                    gs.add(z - s);
                }
            });
            if (gs.size() < GROWTH_DAYS) {
                return;
            }
            double spread = scale();
            double clip = CLIP * spread;
            double g = initial(gs);
            double a = chosenAlpha(gs, g, clip);
            java.util.ArrayDeque<Double> recent = new java.util.ArrayDeque<>();
            for (double x : gs) {
                g += a * Math.max(-clip, Math.min(clip, x - g));
                recent.addLast(x);
                if (recent.size() > SHIFT_DAYS) {
                    recent.removeFirst();
                }
                g = afterShift(recent, g, spread);
            }
            growth = g;
        }

        /** Last year's level around the day's analog, or NaN when last year's window is not all in the history. */
        double season(LocalDate d) {
            LocalDate a = analog(d);
            int half = LunarNewYear.festivalOf(d) != null ? 3 : SEASON_DAYS;
            return a.minusDays(half).isBefore(logs.firstKey()) ? Double.NaN : centered(a, half);
        }

        /** The median of the first two weeks' values: where smoothing starts. */
        private static double initial(List<Double> values) {
            List<Double> start = new ArrayList<>(values.subList(0, Math.min(14, values.size())));
            start.sort(null);
            return start.get(start.size() / 2);
        }

        /**
         * The smoothing constant of {@link #ALPHAS} whose level of {@value #AHEAD} days before missed the last half year's
         * values least — the longest memory that misses about as little (a steady series gets a long memory, a
         * shifting one a short one).
         */
        private static double chosenAlpha(List<Double> values, double initial, double clip) {
            double[] misses = new double[ALPHAS.length];
            for (int k = 0; k < ALPHAS.length; k++) {
                double l = initial;
                double[] levels = new double[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    if (i >= values.size() - 180 && i >= AHEAD) {
                        misses[k] += Math.min(clip, Math.abs(values.get(i) - levels[i - AHEAD]));
                    }
                    l += ALPHAS[k] * Math.max(-clip, Math.min(clip, values.get(i) - l));
                    levels[i] = l;
                }
            }
            double best = java.util.Arrays.stream(misses).min().orElseThrow();
            int k = 0;
            while (misses[k] > best * (1 + PARSIMONY)) {
                k++;
            }
            return ALPHAS[k];
        }

        /**
         * A level shift (a hotline merged in, a channel taking calls away): when all but one of the last
         * {@value #SHIFT_DAYS} ordinary days lie on one side of the level and their median is more than a day's usual
         * spread away, the level jumps to that median instead of creeping after it; a surge of a few days (a typhoon)
         * does not pass that test.
         */
        private double afterShift(java.util.ArrayDeque<Double> recent, double level, double spread) {
            if (recent.size() < SHIFT_DAYS) {
                return level;
            }
            int above = 0;
            for (double z : recent) {
                if (z > level) {
                    above++;
                }
            }
            double m = median(new ArrayList<>(recent));
            boolean oneSide = above >= SHIFT_DAYS - 1 || above <= 1;
            if (oneSide && Math.abs(m - level) > spread) {
                recent.clear();
                return m;
            }
            return level;
        }

        /** Robust spread of an ordinary day around its week (1.4826 × median absolute deviation), at least 2 %. */
        private double scale() {
            Map<Long, double[]> weeks = new HashMap<>();
            adjusted.forEach((d, z) -> {
                double[] w = weeks.computeIfAbsent(Math.floorDiv(d.toEpochDay(), 7), k -> new double[2]);
                w[0] += z;
                w[1]++;
            });
            List<Double> deviations = new ArrayList<>();
            adjusted.forEach((d, z) -> {
                double[] w = weeks.get(Math.floorDiv(d.toEpochDay(), 7));
                if (w[1] >= 4) {
                    deviations.add(Math.abs(z - w[0] / w[1]));
                }
            });
            if (deviations.isEmpty()) {
                return 0.05;
            }
            deviations.sort(null);
            return Math.max(0.02, 1.4826 * deviations.get(deviations.size() / 2));
        }

        /** Median factor of each kind of special day over the level of its time. */
        private void dayFactors() {
            Map<String, List<Double>> samples = new HashMap<>();
            for (var e : logs.entrySet()) {
                LocalDate d = e.getKey();
                Role role = roles.get(d);
                if (role == Role.ORDINARY) {
                    continue;
                }
                double r = e.getValue() - levelBefore.get(d) - adjustment(role, d);
                for (String key : keys(role, d)) {
                    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                }
            }
            samples.forEach((key, list) -> factors.put(key, median(list)));
        }

        double factor(Role role, LocalDate d) {
            for (String key : keys(role, d)) {
                Double f = factors.get(key);
                if (f != null) {
                    return f;
                }
            }
            return switch (role) {
                case BREAK -> (weekday[5] + weekday[6]) / 2 + Math.log(0.8);
                case MAKE_UP -> Math.log(0.95);
                default -> 0;
            };
        }

        /** From the most particular to the most general: a long break's last weekday, …, any break day. */
        private List<String> keys(Role role, LocalDate d) {
            if (LunarNewYear.festivalOf(d) != null) { // the festival's weeks are like no other: they come from last year's
                return List.of("festival " + role);
            }
            return switch (role) {
                case BREAK -> {
                    HolidayBreaks.Break b = breaks.of(d);
                    int pos = b.position(d);
                    String place = pos == 0 ? "first" : pos == b.days() - 1 ? "last" : "middle";
                    String length = b.days() >= LONG_BREAK ? "long" : "short";
                    String day = weekend(d) ? "weekend" : "weekday";
                    yield List.of("break " + length + " " + place + " " + day, "break " + place + " " + day,
                            "break " + day, "break");
                }
                case AFTER_FIRST -> List.of("after " + (breaks.endingBefore(d).days() >= 3 ? "long" : "short"), "after");
                default -> List.of(role.name());
            };
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** 0: working day, 1: plain weekend, 2: a break's day. */
    private int groupOf(LocalDate d) {
        return breaks.of(d) != null ? 2 : workingDay.test(d) ? 0 : 1;
    }

    /** Share of the day's calls per half hour per group, over the recent weeks (breaks: over the whole history). */
    private double[][] shapes(TreeMap<LocalDate, CallSeries.Day> observed, LocalDate end) {
        double[][] sums = new double[3][CallSeries.SLOTS];
        double[][] all = new double[3][CallSeries.SLOTS];
        for (var e : observed.entrySet()) {
            boolean recent = e.getKey().toEpochDay() > end.toEpochDay() - SHAPE_DAYS;
            double[] calls = e.getValue().calls();
            int g = groupOf(e.getKey());
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                all[g][s] += calls[s];
                if (recent || g == 2) {
                    sums[g][s] += calls[s];
                }
            }
        }
        for (int g = 0; g < 3; g++) {
            if (sumOf(sums[g]) == 0) {
                sums[g] = all[g];
            }
        }
        int[][] fallback = {{1, 2}, {0, 2}, {1, 0}};
        for (int g = 0; g < 3; g++) {
            for (int f : fallback[g]) {
                if (sumOf(sums[g]) == 0) {
                    sums[g] = sums[f].clone();
                }
            }
            double total = sumOf(sums[g]);
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                sums[g][s] = total == 0 ? 1.0 / CallSeries.SLOTS : sums[g][s] / total;
            }
        }
        return sums;
    }

    /** Average handling seconds per half hour and group, recent weeks; thin slots take the overall average. */
    private double[][] handlingTimes(TreeMap<LocalDate, CallSeries.Day> observed, LocalDate end) {
        double[][] seconds = new double[3][CallSeries.SLOTS];
        double[][] handled = new double[3][CallSeries.SLOTS];
        for (var e : observed.entrySet()) {
            int g = groupOf(e.getKey());
            if (g != 2 && e.getKey().toEpochDay() <= end.toEpochDay() - SHAPE_DAYS) {
                continue;
            }
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                seconds[g][s] += e.getValue().handleSeconds()[s];
                handled[g][s] += e.getValue().handled()[s];
            }
        }
        double allSeconds = sumOf(seconds[0]) + sumOf(seconds[1]);
        double allHandled = sumOf(handled[0]) + sumOf(handled[1]);
        double overall = allHandled == 0 ? 0 : allSeconds / allHandled;
        double[][] aht = new double[3][CallSeries.SLOTS];
        for (int g = 0; g < 3; g++) {
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                aht[g][s] = handled[g][s] >= 20 ? seconds[g][s] / handled[g][s]
                        : g == 2 && handled[1][s] >= 20 ? seconds[1][s] / handled[1][s] : overall;
            }
        }
        return aht;
    }

    private static double sumOf(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
