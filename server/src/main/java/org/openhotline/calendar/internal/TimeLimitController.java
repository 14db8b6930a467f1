package org.openhotline.calendar.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.calendar.LimitStage;
import org.openhotline.calendar.LimitUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Time-limit policies per stage, appeal type, urgency and category, edited by the hotline manager. */
@RestController
@RequestMapping("/api/calendar/time-limits")
@Tag(name = "办理时限", description = "派单、签收、办理、回访时限规则")
class TimeLimitController {

    private final TimeLimitPolicies policies;

    TimeLimitController(TimeLimitPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "全部时限规则")
    List<TimeLimitPolicies.Policy> all() {
        return policies.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "新增时限规则（同一环节、类型、紧急程度、分类只能有一条）")
    TimeLimitPolicies.Policy create(@Valid @RequestBody Form form) {
        return policies.create(form.toPolicy());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "修改时限规则（带版本号）")
    TimeLimitPolicies.Policy update(@PathVariable long id, @Valid @RequestBody Form form) {
        if (form.version() == null) {
            throw org.openhotline.shared.DomainException.badRequest("缺少版本号");
        }
        return policies.update(id, form.version(), form.toPolicy());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        policies.delete(id);
    }

    record Form(@NotNull(message = "请选择环节") LimitStage stage,
                @Size(max = 20) String appealType,
                @Size(max = 12) String urgency,
                Long categoryId,
                @NotNull(message = "请填写时长") @Min(value = 1, message = "时长至少为 1") @Max(value = 3650, message = "时长过大") Integer amount,
                @NotNull(message = "请选择单位") LimitUnit unit,
                @Min(value = 1, message = "黄灯比例应在 1% 到 99% 之间") @Max(value = 99, message = "黄灯比例应在 1% 到 99% 之间") Integer yellowPercent,
                @Size(max = 200, message = "说明最长 200 个字") String note,
                Integer version) {
        TimeLimitPolicies.PolicyForm toPolicy() {
            return new TimeLimitPolicies.PolicyForm(stage, appealType, urgency, categoryId, amount, unit,
                    yellowPercent == null ? 80 : yellowPercent, note);
        }
    }
}
