package org.openhotline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openhotline.workforce.internal.forecast.CallSeries;
import org.openhotline.workforce.internal.forecast.ForecastAccuracy;
import org.openhotline.workforce.internal.forecast.Forecaster;

/**
 * The forecast on a year of calls made here, independently of the model and of the demo history: weekday levels
 * (busy Mondays), quiet weekends, a week-long national holiday with its two make-up Saturdays/Sundays inside the
 * four held-out weeks, an upward trend, and Poisson noise per half hour. The calendar knows the holidays; the
 * seasonal-naive baseline does not, and the model must beat it.
 */
class ForecastTest {

    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7));
    static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 4, 26), LocalDate.of(2026, 5, 9),
            LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));
    static final Predicate<LocalDate> WORKING = d -> MAKE_UP.contains(d)
            || !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    /** A year ending {@code last}: about 600 calls on an ordinary weekday. */
    static CallSeries year(LocalDate last, long seed) {
        Random random = new Random(seed);
        double[] shape = new double[CallSeries.SLOTS];
        for (int s = 0; s < CallSeries.SLOTS; s++) {
            double h = s / 2.0;
            shape[s] = 0.2 + 3 * Math.exp(-Math.pow(h - 10, 2) / 3) + 2.5 * Math.exp(-Math.pow(h - 15, 2) / 4);
        }
        double shapeSum = java.util.Arrays.stream(shape).sum();
        CallSeries series = new CallSeries();
        LocalDate first = last.minusDays(364);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            double level = 600 * (1 + 0.15 * (d.toEpochDay() - first.toEpochDay()) / 365.0);
            double factor = MAKE_UP.contains(d) ? 0.92 : HOLIDAYS.contains(d) ? 0.35 : switch (d.getDayOfWeek()) {
                case MONDAY -> 1.15;
                case FRIDAY -> 0.95;
                case SATURDAY -> 0.55;
                case SUNDAY -> 0.45;
                default -> 1.0;
            };
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                int calls = poisson(random, level * factor * shape[s] / shapeSum);
                series.add(d, s, calls, calls * (200 + 40 * random.nextGaussian()), calls);
            }
        }
        return series;
    }

    static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Test
    void beatsSeasonalNaiveOnFourHeldOutWeeksWithANationalHoliday() {
        LocalDate last = LocalDate.of(2026, 10, 25);
        var result = ForecastAccuracy.evaluate(year(last, 7), new Forecaster(WORKING), last, 28);
        assertThat(result.days()).hasSize(28);
        assertThat(result.dailyMape()).as("daily MAPE").isLessThan(0.06);
        assertThat(result.dailyMape()).isLessThan(result.baselineDailyMape() / 2);
        assertThat(result.halfHourWape()).as("half-hour WAPE").isLessThan(result.baselineHalfHourWape());
        var holiday = result.days().stream().filter(d -> d.date().equals(LocalDate.of(2026, 10, 6))).findFirst().orElseThrow();
        assertThat(Math.abs(holiday.forecast() - holiday.actual()) / holiday.actual()).as("a holiday Tuesday").isLessThan(0.15);
    }

    @Test
    void eventAdjustmentRaisesOnlyItsDaysAndHalfHours() {
        LocalDate last = LocalDate.of(2026, 10, 25);
        var history = year(last, 11);
        var forecaster = new Forecaster(WORKING);
        LocalDate typhoon = LocalDate.of(2026, 10, 28);
        var plain = forecaster.forecast(history, typhoon, typhoon.plusDays(1), List.of());
        var adjusted = forecaster.forecast(history, typhoon, typhoon.plusDays(1),
                List.of(new Forecaster.Adjustment("台风", typhoon, typhoon, 16, 35, 1.5)));
        assertThat(adjusted.day(typhoon).calls()[20]).isCloseTo(plain.day(typhoon).calls()[20] * 1.5,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(adjusted.day(typhoon).calls()[10]).isEqualTo(plain.day(typhoon).calls()[10]);
        assertThat(adjusted.day(typhoon.plusDays(1)).total()).isEqualTo(plain.day(typhoon.plusDays(1)).total());
        assertThat(plain.day(typhoon).aht(20)).isBetween(190.0, 210.0);
    }
}
