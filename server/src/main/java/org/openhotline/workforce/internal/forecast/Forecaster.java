package org.openhotline.workforce.internal.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The forecast model. A day's total is {@code exp(level of its kind + trend·t)}, fitted by weighted least squares on
 * the log of past totals (recent weeks weigh more: half-life eight weeks) so that one quiet holiday week a year ago
 * barely moves it; the trend is damped when carried forward, because a hotline's volume bends with campaigns rather
 * than growing in a straight line. The day is split over half hours by the recent shape of its group (working-day
 * shape or rest-day shape), and handling time per half hour is the recent average of that slot. Event adjustments
 * multiply what the model says for their days and half hours.
 */
public final class Forecaster {

    static final double HALF_LIFE_DAYS = 56;
    static final double DAMPING = 0.985;
    static final int SHAPE_DAYS = 56;
    private static final int KINDS = DayKind.values().length;

    /** A manual change: calls in slots [fromSlot, toSlot] of days [first, last] multiplied by {@code factor}. */
    public record Adjustment(String name, LocalDate first, LocalDate last, int fromSlot, int toSlot, double factor) {}

    private final Predicate<LocalDate> workingDay;

    public Forecaster(Predicate<LocalDate> workingDay) {
        this.workingDay = workingDay;
    }

    public CallSeries forecast(CallSeries history, LocalDate first, LocalDate last, List<Adjustment> adjustments) {
        CallSeries result = new CallSeries();
        var observed = history.days().entrySet().stream().filter(e -> e.getValue().total() > 0).toList();
        if (observed.isEmpty()) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                result.day(d);
            }
            return result;
        }
        LocalDate end = observed.getLast().getKey();
        double[] fit = fitDailyModel(observed, end);
        double[][] shapes = shapes(observed, end);
        double[][] aht = handlingTimes(observed, end);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            DayKind kind = DayKind.of(d, workingDay);
            long ahead = ChronoUnit.DAYS.between(end, d);
            double damped = ahead <= 0 ? ahead : DAMPING * (1 - Math.pow(DAMPING, ahead)) / (1 - DAMPING);
            double total = Math.exp(fit[kind.ordinal()] + fit[KINDS] * damped + fit[KINDS + 1]);
            int group = kind.working() ? 0 : 1;
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

    /**
     * Weighted least squares of log(total) on one indicator per day kind and t (days before the last observed day).
     * Answers the nine kind levels, the slope, and the log-normal bias correction σ²/2. A kind never seen (no make-up
     * day in the history) borrows a neighbour's level.
     */
    private double[] fitDailyModel(List<Map.Entry<LocalDate, CallSeries.Day>> observed, LocalDate end) {
        int p = KINDS + 1;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        boolean[] seen = new boolean[KINDS];
        var kinds = new DayKind[observed.size()];
        for (int i = 0; i < observed.size(); i++) {
            var e = observed.get(i);
            kinds[i] = DayKind.of(e.getKey(), workingDay);
        }
        for (int i = 0; i < observed.size(); i++) {
            var e = observed.get(i);
            double t = -ChronoUnit.DAYS.between(e.getKey(), end);
            double w = Math.pow(0.5, -t / HALF_LIFE_DAYS);
            double y = Math.log(e.getValue().total());
            int k = kinds[i].ordinal();
            seen[k] = true;
            double[] x = new double[p];
            x[k] = 1;
            x[KINDS] = t / 100;
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a[r][c] += w * x[r] * x[c];
                }
                b[r] += w * x[r] * y;
            }
        }
        for (int k = 0; k < KINDS; k++) {
            if (!seen[k]) {
                a[k][k] = 1; // solved to 0, replaced below
            }
        }
        a[KINDS][KINDS] += 1e-6; // a history of one day has no slope
        double[] beta = solve(a, b);
        fillUnseen(beta, seen);
        double sw = 0;
        double sr = 0;
        for (int i = 0; i < observed.size(); i++) {
            var e = observed.get(i);
            double t = -ChronoUnit.DAYS.between(e.getKey(), end);
            double w = Math.pow(0.5, -t / HALF_LIFE_DAYS);
            double r = Math.log(e.getValue().total()) - beta[kinds[i].ordinal()] - beta[KINDS] * t / 100;
            sw += w;
            sr += w * r * r;
        }
        double[] fit = new double[KINDS + 2];
        System.arraycopy(beta, 0, fit, 0, KINDS);
        fit[KINDS] = beta[KINDS] / 100;
        fit[KINDS + 1] = sr / sw / 2;
        return fit;
    }

    private static void fillUnseen(double[] beta, boolean[] seen) {
        double weekdays = 0;
        int n = 0;
        for (int k = 0; k < 5; k++) {
            if (seen[k]) {
                weekdays += beta[k];
                n++;
            }
        }
        double weekday = n == 0 ? 0 : weekdays / n;
        double rest = seen[DayKind.SUNDAY.ordinal()] ? beta[DayKind.SUNDAY.ordinal()]
                : seen[DayKind.SATURDAY.ordinal()] ? beta[DayKind.SATURDAY.ordinal()] : weekday + Math.log(0.5);
        for (int k = 0; k < KINDS; k++) {
            if (!seen[k]) {
                beta[k] = switch (DayKind.values()[k]) {
                    case HOLIDAY, SATURDAY, SUNDAY -> rest;
                    case MAKE_UP_DAY -> weekday + Math.log(0.9);
                    default -> weekday;
                };
            }
        }
    }

    /** Share of the day's calls per half hour, for working-day and rest-day shapes, over the recent weeks. */
    private double[][] shapes(List<Map.Entry<LocalDate, CallSeries.Day>> observed, LocalDate end) {
        double[][] sums = new double[2][CallSeries.SLOTS];
        double[][] all = new double[2][CallSeries.SLOTS];
        for (var e : observed) {
            boolean recent = ChronoUnit.DAYS.between(e.getKey(), end) < SHAPE_DAYS;
            double[] calls = e.getValue().calls();
            int g = groupOf(e.getKey());
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                all[g][s] += calls[s];
                if (recent) {
                    sums[g][s] += calls[s];
                }
            }
        }
        for (int g = 0; g < 2; g++) {
            if (sumOf(sums[g]) == 0) {
                sums[g] = all[g];
            }
        }
        for (int g = 0; g < 2; g++) {
            double total = sumOf(sums[g]);
            if (total == 0) {
                sums[g] = sums[1 - g].clone();
                total = sumOf(sums[g]);
            }
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                sums[g][s] = total == 0 ? 1.0 / CallSeries.SLOTS : sums[g][s] / total;
            }
        }
        return sums;
    }

    /** Average handling seconds per half hour and group, recent weeks; thin slots take the group's average. */
    private double[][] handlingTimes(List<Map.Entry<LocalDate, CallSeries.Day>> observed, LocalDate end) {
        double[][] seconds = new double[2][CallSeries.SLOTS];
        double[][] handled = new double[2][CallSeries.SLOTS];
        for (var e : observed) {
            if (ChronoUnit.DAYS.between(e.getKey(), end) >= SHAPE_DAYS) {
                continue;
            }
            int g = groupOf(e.getKey());
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                seconds[g][s] += e.getValue().handleSeconds()[s];
                handled[g][s] += e.getValue().handled()[s];
            }
        }
        double allSeconds = sumOf(seconds[0]) + sumOf(seconds[1]);
        double allHandled = sumOf(handled[0]) + sumOf(handled[1]);
        double overall = allHandled == 0 ? 0 : allSeconds / allHandled;
        double[][] aht = new double[2][CallSeries.SLOTS];
        for (int g = 0; g < 2; g++) {
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                aht[g][s] = handled[g][s] >= 20 ? seconds[g][s] / handled[g][s] : overall;
            }
        }
        return aht;
    }

    private int groupOf(LocalDate d) {
        return DayKind.of(d, workingDay).working() ? 0 : 1;
    }

    private static double sumOf(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the systems here are 10×10. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
