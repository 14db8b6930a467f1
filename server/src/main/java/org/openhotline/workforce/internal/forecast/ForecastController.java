package org.openhotline.workforce.internal.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.workforce.internal.staffing.Staffing;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 话务预测: the forecast with the agents each half hour needs, its accuracy, and the manager's adjustments. */
@RestController
@RequestMapping("/api/workforce/forecast")
@Tag(name = "排班")
class ForecastController {

    private final CallForecasts forecasts;
    private final ForecastEvents events;

    ForecastController(CallForecasts forecasts, ForecastEvents events) {
        this.forecasts = forecasts;
        this.events = events;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "按半小时的话务量、平均处理时长与所需坐席预测（默认从今天起 7 天）")
    List<CallForecasts.DayPlan> forecast(@RequestParam(required = false) LocalDate first,
                                         @RequestParam(defaultValue = "7") int days,
                                         @RequestParam(defaultValue = "20") double answerWithinSeconds,
                                         @RequestParam(defaultValue = "0.88") double serviceLevel,
                                         @RequestParam(required = false) Double patienceSeconds) {
        if (days < 1 || days > 62) {
            throw DomainException.badRequest("预测天数应在 1 到 62 天之间");
        }
        if (!(serviceLevel > 0 && serviceLevel < 1) || !(answerWithinSeconds >= 0 && answerWithinSeconds <= 600)
                || patienceSeconds != null && !(patienceSeconds >= 1 && patienceSeconds <= 3600)) {
            throw DomainException.badRequest("服务水平应为 0 到 1 之间的小数，目标接通时间 0–600 秒，耐心时长 1–3600 秒");
        }
        LocalDate start = first == null ? forecasts.today() : first;
        var target = new Staffing.Target(answerWithinSeconds, serviceLevel, 0.85, 0.3, patienceSeconds);
        return forecasts.plan(start, start.plusDays(days - 1), target);
    }

    @GetMapping("/accuracy")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "预测准确度：留出最近 4 周，日 MAPE 与半小时 WAPE，对比季节性朴素预测")
    ForecastAccuracy.Result accuracy() {
        return forecasts.accuracy();
    }

    @GetMapping("/events")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "预测调整事件（政策变化、台风等）")
    List<ForecastEvents.Event> events(@RequestParam(required = false) LocalDate from) {
        LocalDate start = from == null ? forecasts.today().minusDays(90) : from;
        return events.overlapping(start, start.plusYears(2));
    }

    record EventForm(@NotBlank(message = "请填写事件名称") @Size(max = 60, message = "事件名称不超过 60 个字") String name,
                     @NotNull(message = "请选择开始日期") LocalDate firstDay, @NotNull(message = "请选择结束日期") LocalDate lastDay,
                     @Min(value = 0, message = "时段应在 0–47 之间") @Max(value = 47, message = "时段应在 0–47 之间") Integer fromSlot,
                     @Min(value = 0, message = "时段应在 0–47 之间") @Max(value = 47, message = "时段应在 0–47 之间") Integer toSlot,
                     @NotNull(message = "请填写调整系数")
                     @DecimalMin(value = "0.01", message = "调整系数应在 0.01 到 10 之间")
                     @DecimalMax(value = "10", message = "调整系数应在 0.01 到 10 之间") BigDecimal factor) {}

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "新增预测调整事件：该时段话务量乘以系数")
    Map<String, Long> addEvent(@Valid @RequestBody EventForm form) {
        int from = form.fromSlot() == null ? 0 : form.fromSlot();
        int to = form.toSlot() == null ? 47 : form.toSlot();
        if (form.lastDay().isBefore(form.firstDay()) || to < from) {
            throw DomainException.invalid("结束日期和结束时段不能早于开始");
        }
        if (form.lastDay().isAfter(form.firstDay().plusDays(92))) {
            throw DomainException.invalid("一个调整事件最长 93 天");
        }
        return Map.of("id", events.add(form.name().strip(), form.firstDay(), form.lastDay(), from, to,
                form.factor(), Callers.required().accountId()));
    }

    @DeleteMapping("/events/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "删除预测调整事件")
    void removeEvent(@PathVariable long id) {
        if (!events.remove(id)) {
            throw DomainException.notFound("调整事件不存在");
        }
    }
}
