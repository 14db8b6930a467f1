package org.openhotline.workforce.internal.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.workforce.internal.staffing.Staffing;
import org.springframework.stereotype.Component;

/**
 * The forecast as the screens and the roster use it: a year of history up to yesterday, the calendar's day kinds,
 * the stored adjustments, and per half hour the agents to schedule for the hotline's service level.
 */
@Component
public class CallForecasts {

    public static final int HISTORY_DAYS = 400; // a year back from the last of up to 62 forecast days, for last year's season
    static final int HOLDOUT_DAYS = 28;

    /** One forecast day: calls, AHT and agents to schedule per half hour. */
    public record DayPlan(LocalDate date, String kind, double[] calls, double[] aht, int[] agents, int[] scheduled) {
        public double total() {
            double s = 0;
            for (double c : calls) {
                s += c;
            }
            return s;
        }
    }

    private final CallHistory history;
    private final ForecastEvents events;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CallForecasts(CallHistory history, ForecastEvents events, BusinessCalendar calendar, Clock clock) {
        this.history = history;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    CallSeries pastYear() {
        LocalDate yesterday = today().minusDays(1);
        return history.between(yesterday.minusDays(HISTORY_DAYS - 1), yesterday, calendar.zone());
    }

    public java.util.List<DayPlan> plan(LocalDate first, LocalDate last, Staffing.Target target) {
        var forecaster = new Forecaster(calendar::isWorkingDay);
        var adjustments = events.overlapping(first, last).stream().map(ForecastEvents.Event::adjustment).toList();
        CallSeries forecast = forecaster.forecast(pastYear(), first, last, adjustments);
        var plans = new java.util.ArrayList<DayPlan>();
        for (var e : forecast.days().entrySet()) {
            CallSeries.Day day = e.getValue();
            int[] agents = new int[CallSeries.SLOTS];
            int[] scheduled = new int[CallSeries.SLOTS];
            double[] aht = new double[CallSeries.SLOTS];
            double[] calls = new double[CallSeries.SLOTS];
            for (int s = 0; s < CallSeries.SLOTS; s++) {
                calls[s] = Math.round(day.calls()[s] * 10) / 10.0;
                aht[s] = Math.round(day.aht(s));
                var need = Staffing.need(day.calls()[s], aht[s] > 0 ? aht[s] : 240, target);
                agents[s] = need.figures().agents();
                scheduled[s] = need.scheduled();
            }
            plans.add(new DayPlan(e.getKey(), DayKind.of(e.getKey(), calendar::isWorkingDay).name(), calls, aht, agents,
                    scheduled));
        }
        return plans;
    }

    ForecastAccuracy.Result accuracy() {
        return ForecastAccuracy.evaluate(pastYear(), new Forecaster(calendar::isWorkingDay), today().minusDays(1),
                HOLDOUT_DAYS);
    }
}
