package org.openhotline.workorder.internal.callback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.CallbackRule;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.query.Workbenches;
import org.openhotline.workorder.internal.settings.WorkOrderSettings;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** After the unit's reply: callback; and at any time: supervision, follows, the supervisor's board. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "回访与督办", description = "回访、督办、关注、督办看板")
class FollowUpController {

    private final OrderSteps steps;
    private final OrderDeadlines deadlines;
    private final WorkOrders orders;
    private final OrderAccess access;
    private final Workbenches workbenches;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final WorkOrderSettings settings;

    private final org.openhotline.workorder.internal.model.OrderGates gates;

    FollowUpController(OrderSteps steps, OrderDeadlines deadlines, WorkOrders orders, OrderAccess access,
                       Workbenches workbenches, JdbcClient jdbc, java.time.Clock clock, WorkOrderSettings settings,
                       org.openhotline.workorder.internal.model.OrderGates gates) {
        this.gates = gates;
        this.steps = steps;
        this.deadlines = deadlines;
        this.orders = orders;
        this.access = access;
        this.workbenches = workbenches;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @PostMapping("/{id}/callback")
    @PreAuthorize("hasAuthority('workorder:callback')")
    @Operation(summary = "回访：是否解决、满意度；不满意重办，两次不满意转疑难")
    OrderSteps.StepResult callback(@PathVariable long id, @Valid @RequestBody CallbackForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            if (form.satisfaction() != org.openhotline.workorder.internal.values.Satisfaction.DISSATISFIED) {
                gates.beforeClose(o, who.username()); // this verdict closes the order
            }
            o.callback(form.resolved(), form.satisfaction(), form.note(), Actor.of(who), now, deadlines);
        });
    }

    @PostMapping("/{id}/callback-unreachable")
    @PreAuthorize("hasAuthority('workorder:callback')")
    @Operation(summary = "回访联系不上/未接通：记一次尝试；达到设置的次数后按设置办结（不计满意度）或转督办")
    OrderSteps.StepResult unreachable(@PathVariable long id, @Valid @RequestBody UnreachableForm form) {
        StaffPrincipal who = Callers.required();
        CallbackRule rule = settings.callbackRule();
        return steps.run(id, form.version(), who, (o, now) -> o.callbackUnreachable(form.note(), rule, Actor.of(who), now));
    }

    @PostMapping("/{id}/supervise")
    @PreAuthorize("hasAuthority('workorder:supervise')")
    @Operation(summary = "督办（督办意见和期限）")
    OrderSteps.StepResult supervise(@PathVariable long id, @Valid @RequestBody SuperviseForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> o.supervise(form.note().strip(), form.dueAt(), Actor.of(who), now));
    }

    @PostMapping("/{id}/follow")
    @PreAuthorize("hasAuthority('workorder:read')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "关注工单")
    void follow(@PathVariable long id) {
        StaffPrincipal who = Callers.required();
        access.requireVisible(orders.load(id), who);
        jdbc.sql("insert into wo_follow (account_id, work_order_id, at) values (?, ?, ?) on conflict do nothing")
                .params(who.accountId(), id, WorkOrders.ts(clock.instant())).update();
    }

    @DeleteMapping("/{id}/follow")
    @PreAuthorize("hasAuthority('workorder:read')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "取消关注")
    void unfollow(@PathVariable long id) {
        jdbc.sql("delete from wo_follow where account_id = ? and work_order_id = ?")
                .params(Callers.required().accountId(), id).update();
    }

    @GetMapping("/board")
    @PreAuthorize("hasAnyAuthority('workorder:supervise', 'workorder:dispatch', 'report:read')")
    @Operation(summary = "督办看板：红灯、黄灯、催单、疑难、督办、待派、待回访数量")
    Workbenches.Board board() {
        return workbenches.board(Callers.required());
    }

    record CallbackForm(@NotNull(message = "请选择是否解决") Boolean resolved,
                        @NotNull(message = "请选择满意度") Satisfaction satisfaction,
                        @Size(max = 2000, message = "回访记录最长 2000 个字") String note, Integer version) {}

    record UnreachableForm(@Size(max = 2000, message = "回访记录最长 2000 个字") String note, Integer version) {}

    record SuperviseForm(@NotBlank(message = "请填写督办意见") @Size(max = 2000, message = "督办意见最长 2000 个字") String note,
                         Instant dueAt, Integer version) {}
}
