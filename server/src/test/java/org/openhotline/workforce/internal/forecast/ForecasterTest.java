package org.openhotline.workforce.internal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The forecaster's parts on series made here from stated rules, without noise, so that each rule's answer is known:
 * the Spring Festival's days aligned by 正月初一 across years, a public holiday lowering its day, a level shift followed
 * within days, last year's season
 * carried forward with the growth read against the same time last year, and the calendar's breaks read from the
 * working-day answer alone.
 */
class ForecasterTest {

    /** 2025 and 2026 Spring Festival breaks with their make-up days (国务院办公厅), nothing else. */
    static final Set<LocalDate> OFF = new HashSet<>();
    static final Set<LocalDate> ON = Set.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8),
            LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28));

    static {
        for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
            OFF.add(d);
        }
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            OFF.add(d);
        }
    }

    static final Predicate<LocalDate> WORKING = d -> ON.contains(d)
            || !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    static double weekly(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case MONDAY -> 1.1;
            case SATURDAY -> 0.7;
            case SUNDAY -> 0.65;
            default -> 1.0;
        };
    }

    static CallSeries series(LocalDate first, LocalDate last, ToDoubleFunction<LocalDate> total) {
        CallSeries series = new CallSeries();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            double t = total.applyAsDouble(d);
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                series.add(d, s, t / CallSeries.SLOTS, t / CallSeries.SLOTS * 240, t / CallSeries.SLOTS);
            }
        }
        return series;
    }

    static double error(CallSeries forecast, CallSeries actual, LocalDate d) {
        return Math.abs(forecast.day(d).total() / actual.day(d).total() - 1);
    }

    /** The festival by its distance from 初一: 除夕 0.40, 初一 0.33, then refilling; ordinary days otherwise. */
    static double festival(LocalDate d) {
        LocalDate first = d.getYear() == 2025 || d.isBefore(LocalDate.of(2025, 6, 1)) ? LocalDate.of(2025, 1, 29)
                : LocalDate.of(2026, 2, 17);
        long k = d.toEpochDay() - first.toEpochDay();
        if (k >= -1 && k <= 6) {
            return new double[] {0.40, 0.33, 0.40, 0.45, 0.50, 0.54, 0.58, 0.63}[(int) k + 1];
        }
        if (k > 6 && k <= 20) {
            return 0.85 * weekly(d); // the slow refill: migrant workers come back by 元宵
        }
        return WORKING.test(d) ? weekly(d) : d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                ? weekly(d) : 0.6;
    }

    @Test
    void springFestivalDaysAreAlignedByTheirDistanceFromNewYearNotByDateOrWeekday() {
        var all = series(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 3, 8), d -> 1000 * festival(d));
        var history = all.between(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 2, 8));
        var forecast = new Forecaster(WORKING).forecast(history, LocalDate.of(2026, 2, 9), LocalDate.of(2026, 3, 8), List.of());
        // 初一 falls on a Tuesday in 2026 and a Wednesday in 2025, 20 days later in the solar year: still 0.33
        assertThat(error(forecast, all, LocalDate.of(2026, 2, 17))).as("初一").isLessThan(0.03);
        assertThat(error(forecast, all, LocalDate.of(2026, 2, 16))).as("除夕").isLessThan(0.03);
        assertThat(error(forecast, all, LocalDate.of(2026, 2, 22))).as("初六").isLessThan(0.03);
        assertThat(error(forecast, all, LocalDate.of(2026, 3, 4))).as("the refill, 15 days after").isLessThan(0.03);
        assertThat(error(forecast, all, LocalDate.of(2026, 3, 5))).as("an ordinary Thursday after it").isLessThan(0.03);
    }

    @Test
    void aLevelShiftIsFollowedWithinDays() {
        LocalDate shift = LocalDate.of(2025, 11, 10);
        var all = series(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 7),
                d -> 1000 * weekly(d) * (d.isBefore(shift) ? 1 : 1.10) * (1 + 0.04 * Math.sin(d.toEpochDay() * 2.1)));
        var history = all.between(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 11, 23));
        var forecast = new Forecaster(WORKING).forecast(history, LocalDate.of(2025, 11, 24), LocalDate.of(2025, 12, 7), List.of());
        double f = 0;
        double a = 0;
        for (LocalDate d = LocalDate.of(2025, 11, 24); !d.isAfter(LocalDate.of(2025, 12, 7)); d = d.plusDays(1)) {
            f += forecast.day(d).total();
            a += all.day(d).total();
        }
        assertThat(Math.abs(f / a - 1)).as("two weeks, 14 days after a +10 % merger").isLessThan(0.03);
    }

    @Test
    void aPublicHolidayLowersTheForecastForThatDayOnly() {
        // 清明 and 劳动节 2025 seen, 端午 (Sat 05-31 – Mon 06-02) held out: a Monday off is forecast like the break days
        // seen before (0.6 of a working day), not like a Monday (1.1), and the Monday after it is a Monday again
        Set<LocalDate> off = new HashSet<>(OFF);
        for (String d : List.of("2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02", "2025-05-03",
                "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02")) {
            off.add(LocalDate.parse(d));
        }
        Predicate<LocalDate> working = d -> ON.contains(d) || LocalDate.of(2025, 4, 27).equals(d)
                || !off.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        var all = series(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 15),
                d -> 1000 * (off.contains(d) && !OFF.contains(d) ? 0.6 : weekly(d)) * (1 + 0.03 * Math.sin(d.toEpochDay() * 2.1)));
        var history = all.between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 25));
        var forecast = new Forecaster(working).forecast(history, LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 15), List.of());
        double holiday = forecast.day(LocalDate.of(2025, 6, 2)).total();
        double monday = forecast.day(LocalDate.of(2025, 5, 26)).total();
        assertThat(holiday / monday).as("端午's Monday against an ordinary Monday").isLessThan(0.7);
        assertThat(error(forecast, all, LocalDate.of(2025, 6, 2))).as("端午's Monday").isLessThan(0.08);
        assertThat(error(forecast, all, LocalDate.of(2025, 6, 10))).as("an ordinary Tuesday after it").isLessThan(0.08);
    }

    @Test
    void lastYearsSeasonIsCarriedForwardWithThisYearsLevel() {
        ToDoubleFunction<LocalDate> summer = d -> 1000 * weekly(d) * (1 + 0.15 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 120) / 365.0))
                * (1 + 0.08 * (d.toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay()) / 365.0);
        var all = series(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 7, 26), summer);
        var history = all.between(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 6, 28));
        var forecast = new Forecaster(WORKING).forecast(history, LocalDate.of(2026, 6, 29), LocalDate.of(2026, 7, 26), List.of());
        double worst = 0;
        for (LocalDate d = LocalDate.of(2026, 6, 29); !d.isAfter(LocalDate.of(2026, 7, 26)); d = d.plusDays(1)) {
            worst = Math.max(worst, error(forecast, all, d));
        }
        assertThat(worst).as("worst day of the four weeks into the summer peak").isLessThan(0.03);
    }

    /**
     * Four weeks of spring forecast from just after the festival, with a season rising into spring and 8 % growth a year:
     * the growth must be read day by day against the same time last year. Read as today's level against last year's level
     * at one lagged day (inside last year's festival weeks) it put the whole month 10–12 % too high.
     */
    @Test
    void growthOverLastYearIsReadAgainstTheSameTimeLastYearAfterTheFestival() {
        ToDoubleFunction<LocalDate> spring = d -> 1000 * festival(d)
                * (1 + 0.08 * (d.toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay()) / 365.0)
                * (1 + 0.10 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 60) / 365.0))
                * (1 + 0.04 * Math.sin(d.toEpochDay() * 2.1));
        var all = series(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 4, 12), spring);
        for (LocalDate end : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 15))) {
            var history = all.between(LocalDate.of(2024, 12, 1), end);
            var forecast = new Forecaster(WORKING).forecast(history, end.plusDays(1), end.plusDays(28), List.of());
            double f = 0;
            double a = 0;
            for (LocalDate d = end.plusDays(1); !d.isAfter(end.plusDays(28)); d = d.plusDays(1)) {
                f += forecast.day(d).total();
                a += all.day(d).total();
            }
            assertThat(Math.abs(f / a - 1)).as("four weeks after %s", end).isLessThan(0.05);
        }
    }

    @Test
    void breaksAreReadFromTheWorkingDaysAlone() {
        var breaks = new HolidayBreaks(WORKING);
        var festival = breaks.of(LocalDate.of(2026, 2, 17));
        assertThat(festival.first()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(festival.days()).isEqualTo(9);
        assertThat(breaks.of(LocalDate.of(2026, 3, 7))).as("a plain Saturday").isNull();
        var forecaster = new Forecaster(WORKING);
        assertThat(forecaster.role(LocalDate.of(2026, 2, 14))).isEqualTo(Forecaster.Role.MAKE_UP);
        assertThat(forecaster.role(LocalDate.of(2026, 2, 24))).isEqualTo(Forecaster.Role.AFTER_FIRST);
        assertThat(forecaster.role(LocalDate.of(2026, 2, 25))).isEqualTo(Forecaster.Role.AFTER_SECOND);
        assertThat(forecaster.role(LocalDate.of(2026, 2, 13))).as("Friday before a make-up Saturday").isEqualTo(Forecaster.Role.ORDINARY);
        assertThat(forecaster.role(LocalDate.of(2025, 1, 27))).isEqualTo(Forecaster.Role.BEFORE);
        assertThat(forecaster.analog(LocalDate.of(2026, 2, 17))).as("初一 a year before").isEqualTo(LocalDate.of(2025, 1, 29));
    }

    @Test
    void aHistoryOfOneHolidayStillGivesAForecast() {
        var one = series(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 17), d -> 480);
        var forecast = new Forecaster(WORKING).forecast(one, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), List.of());
        assertThat(forecast.day(LocalDate.of(2026, 3, 2)).total()).isPositive();
    }
}
