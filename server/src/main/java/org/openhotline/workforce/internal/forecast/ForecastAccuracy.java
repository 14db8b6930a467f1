package org.openhotline.workforce.internal.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How good the forecast is, measured honestly: the last {@code holdout} days are hidden, the model learns from the days
 * before, and its daily totals (MAPE) and half hours (WAPE: Σ|error| / Σ actual, which empty night slots cannot blow
 * up) are compared with the actual calls — beside a seasonal-naive baseline that repeats the last week seen.
 */
public final class ForecastAccuracy {

    public record DayFigures(LocalDate date, double actual, double forecast, double baseline) {}

    public record Result(int holdoutDays, double dailyMape, double halfHourWape, double baselineDailyMape,
                         double baselineHalfHourWape, List<DayFigures> days) {}

    private ForecastAccuracy() {}

    public static Result evaluate(CallSeries history, Forecaster forecaster, LocalDate lastDay, int holdout) {
        return evaluate(history, forecaster, lastDay, holdout, List.of());
    }

    /** The same with the manager's adjustments for the held-out days entered (the events announced in advance). */
    public static Result evaluate(CallSeries history, Forecaster forecaster, LocalDate lastDay, int holdout,
                                  List<Forecaster.Adjustment> adjustments) {
        LocalDate firstHidden = lastDay.minusDays(holdout - 1);
        LocalDate lastSeen = firstHidden.minusDays(1);
        LocalDate start = history.isEmpty() ? lastSeen : (history.days().firstKey().isBefore(lastSeen) ? history.days().firstKey() : lastSeen);
        CallSeries train = history.between(start, lastSeen);
        CallSeries forecast = forecaster.forecast(train, firstHidden, lastDay, adjustments);
        List<DayFigures> days = new ArrayList<>();
        double dayErrors = 0;
        double baseDayErrors = 0;
        int counted = 0;
        double slotErrors = 0;
        double baseSlotErrors = 0;
        double slotActual = 0;
        for (LocalDate d = firstHidden; !d.isAfter(lastDay); d = d.plusDays(1)) {
            CallSeries.Day actual = history.day(d);
            CallSeries.Day model = forecast.day(d);
            long weeksBack = (ChronoUnit.DAYS.between(lastSeen, d) + 6) / 7;
            CallSeries.Day naive = train.day(d.minusWeeks(weeksBack));
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                slotErrors += Math.abs(model.calls()[s] - actual.calls()[s]);
                baseSlotErrors += Math.abs(naive.calls()[s] - actual.calls()[s]);
                slotActual += actual.calls()[s];
            }
            double a = actual.total();
            if (a > 0) {
                dayErrors += Math.abs(model.total() - a) / a;
                baseDayErrors += Math.abs(naive.total() - a) / a;
                counted++;
            }
            days.add(new DayFigures(d, a, Math.round(model.total() * 10) / 10.0, naive.total()));
        }
        return new Result(holdout, counted == 0 ? 0 : dayErrors / counted, slotActual == 0 ? 0 : slotErrors / slotActual,
                counted == 0 ? 0 : baseDayErrors / counted, slotActual == 0 ? 0 : baseSlotErrors / slotActual, days);
    }
}
