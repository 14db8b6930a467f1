package org.openhotline.workforce.internal.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent desk's shift card (坐席工作台): the published shift the agent is in or has today, its planned breaks and the
 * next one, and the next shift after it. Every logged-in user may ask for its own (empty when it has no shifts).
 */
@RestController
@Tag(name = "排班")
class MyDayController {

    record MyDay(LocalDateTime now, Rosters.MyShift current, List<BreakPlan.Break> breaks, BreakPlan.Break nextBreak,
                 Rosters.MyShift next) {}

    private final Rosters rosters;
    private final CallForecasts forecasts;
    private final Clock clock;

    MyDayController(Rosters rosters, CallForecasts forecasts, Clock clock) {
        this.rosters = rosters;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    @GetMapping("/api/workforce/my-day")
    @Operation(summary = "我今天的班次、班中休息与下一次休息、下一个班次（坐席工作台）")
    MyDay myDay() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), forecasts.zone());
        // yesterday's night shift may still run; the next shift may be days ahead
        var shifts = rosters.shiftsOf(Callers.required().accountId(), now.toLocalDate().minusDays(1), now.toLocalDate().plusDays(14));
        Rosters.MyShift current = null;
        Rosters.MyShift next = null;
        for (var s : shifts) {
            LocalDateTime start = LocalDateTime.parse(s.start());
            LocalDateTime end = LocalDateTime.parse(s.end());
            if (current == null && !end.isBefore(now) && !start.toLocalDate().isAfter(now.toLocalDate())) {
                current = s;
            } else if (next == null && start.isAfter(now)) {
                next = s;
            }
        }
        List<BreakPlan.Break> breaks = current == null ? List.of() : BreakPlan.of(LocalDateTime.parse(current.start()),
                (int) java.time.Duration.between(LocalDateTime.parse(current.start()), LocalDateTime.parse(current.end())).toMinutes());
        BreakPlan.Break nextBreak = breaks.stream().filter(b -> b.end().isAfter(now)).findFirst().orElse(null);
        return new MyDay(now, current, breaks, nextBreak, next);
    }
}
