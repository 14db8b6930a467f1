package org.openhotline.callcenter.internal.calls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.openhotline.callcenter.CitizenCalledForUnit;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.UnitCallTargets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 平台代拨 for the handling unit's order screen: start a call between the handler's phone and the order's citizen,
 * follow its progress, end it. Answers carry the citizen's number masked only.
 */
@RestController
@RequestMapping("/api/callcenter/unit-calls")
@Tag(name = "承办单位平台代拨", description = "承办单位经平台呼叫群众，号码不显示，留痕")
class UnitCallController {

    private final UnitCalls calls;
    private final UnitCallTargets targets;
    private final ApplicationEventPublisher events;

    UnitCallController(UnitCalls calls, UnitCallTargets targets, ApplicationEventPublisher events) {
        this.calls = calls;
        this.targets = targets;
        this.events = events;
    }

    record StartForm(@NotNull(message = "请指定工单") Long workOrderId,
                     @NotBlank(message = "请填写您的电话或分机号")
                     @Pattern(regexp = "^[0-9]{3,20}$", message = "您的电话应为 3–20 位数字（分机号或电话号码）") String phone) {}

    record UnitCallView(String id, long workOrderId, String citizen, String state, String stateLabel, Instant startedAt) {}

    @PostMapping
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Transactional
    @Operation(summary = "代拨：平台先呼叫您的电话，接听后呼叫群众并接通（须管理员在工单设置中选择“平台代拨”，仅限本单位承办中的工单）")
    UnitCallView start(@Valid @RequestBody StartForm form) {
        StaffPrincipal who = Callers.required();
        var target = targets.forUnitCall(form.workOrderId(), who);
        var call = calls.start(who.accountId(), target, form.phone());
        events.publishEvent(new CitizenCalledForUnit(target.workOrderId(), target.orderNumber(), form.phone()));
        return view(call);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "代拨进度（仅本人发起的代拨）")
    UnitCallView get(@PathVariable String id) {
        return view(calls.of(id, Callers.required().accountId()));
    }

    @PostMapping("/{id}/hangup")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "结束代拨")
    UnitCallView hangup(@PathVariable String id) {
        var call = calls.of(id, Callers.required().accountId());
        calls.hangup(call);
        return view(call);
    }

    private static UnitCallView view(UnitCalls.UnitCall c) {
        return new UnitCallView(c.id, c.workOrderId, c.maskedPhone, c.state.name(), c.state.label, c.startedAt);
    }
}
