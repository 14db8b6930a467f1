package org.openhotline.workorder.internal.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.Assignment;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.query.Workbenches;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unit's side: its task boxes, sign, ask to return or extend, hand over to a sub-unit, re-dispatch, reply. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "承办单位办理", description = "签收、申请退回、申请延期、转交下级、工作站二次派单、答复、批量答复")
class HandlingController {

    private final OrderSteps steps;
    private final OrderAccess access;
    private final OrderDeadlines deadlines;
    private final Workbenches workbenches;
    private final org.openhotline.workorder.internal.verification.Verifications verifications;

    HandlingController(OrderSteps steps, OrderAccess access, OrderDeadlines deadlines, Workbenches workbenches,
                       org.openhotline.workorder.internal.verification.Verifications verifications) {
        this.verifications = verifications;
        this.steps = steps;
        this.access = access;
        this.deadlines = deadlines;
        this.workbenches = workbenches;
    }

    @GetMapping("/unit-tasks")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "本单位及下级的任务：TO_SIGN 待签收 / HANDLING 办理中 / DONE 已办结 / FOLLOWED 我关注的；q 按工单编号、标题、内容、地址筛选")
    PageResult<Workbenches.UnitTask> tasks(@RequestParam(defaultValue = "TO_SIGN") String box,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "1") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return workbenches.unitTasks(box, q, Callers.required(), page, size);
    }

    @PostMapping("/{id}/assignments/{aid}/sign")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "签收")
    OrderSteps.StepResult sign(@PathVariable long id, @PathVariable long aid, @RequestBody(required = false) VersionForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form == null ? null : form.version(), who,
                (o, now) -> o.sign(access.ownAssignment(o, aid, who), Actor.of(who), now));
    }

    @PostMapping("/{id}/assignments/{aid}/return-request")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "申请退回（非本单位职责，须说明理由）")
    OrderSteps.StepResult askToReturn(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody ReasonForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who,
                (o, now) -> o.requestReturn(access.ownAssignment(o, aid, who), form.reason().strip(), Actor.of(who), now));
    }

    @PostMapping("/{id}/assignments/{aid}/extension-request")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "申请延期")
    OrderSteps.StepResult askToExtend(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody ExtensionForm form) {
        StaffPrincipal who = Callers.required();
        TimeLimit extra = TimeLimit.of(form.amount(), form.unit());
        return steps.run(id, form.version(), who, (o, now) ->
                o.requestExtension(access.ownAssignment(o, aid, who), extra, form.reason().strip(), Actor.of(who), now));
    }

    @PostMapping("/{id}/assignments/{aid}/handover")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "转交下级单位协同办理（填写反馈期限和交办意见）")
    OrderSteps.StepResult handOver(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody HandOverForm form) {
        StaffPrincipal who = Callers.required();
        UnitTarget sub = access.unit(form.unitId());
        return steps.run(id, form.version(), who, (o, now) -> o.handOver(access.ownAssignment(o, aid, who), sub,
                form.dueAt(), form.instruction(), Actor.of(who), now, deadlines));
    }

    @PostMapping("/{id}/assignments/{aid}/redispatch")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "工作站二次派单：转派辖区内的主办、协办单位")
    OrderSteps.StepResult redispatch(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody RedispatchForm form) {
        StaffPrincipal who = Callers.required();
        UnitTarget main = access.unit(form.mainUnitId());
        List<UnitTarget> assisting = form.assistingUnitIds() == null ? List.of()
                : form.assistingUnitIds().stream().map(access::unit).toList();
        return steps.run(id, form.version(), who, (o, now) -> {
            Assignment from = access.ownAssignment(o, aid, who);
            access.requireWithinDistrictOf(from, main);
            assisting.forEach(t -> access.requireWithinDistrictOf(from, t));
            o.redispatch(from, main, assisting, form.instruction(), Actor.of(who), now, deadlines);
        });
    }

    @PostMapping("/{id}/assignments/{aid}/reply")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "答复（办结反馈），可引用知识库文章编号")
    OrderSteps.StepResult reply(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody ReplyForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            Assignment a = access.ownAssignment(o, aid, who);
            verifications.requireBeforeReply(o, a);
            o.reply(a, form.text().strip(), form.citedArticleIds(), Actor.of(who), now);
        });
    }

    @PostMapping("/batch-reply")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "批量答复多张同类工单（全部成功或全部不变）")
    BatchResult batchReply(@Valid @RequestBody BatchReplyForm form) {
        StaffPrincipal who = Callers.required();
        if (form.items().size() > 100) {
            throw DomainException.invalid("一次最多批量答复 100 张工单");
        }
        var byOrder = form.items().stream().collect(java.util.stream.Collectors.groupingBy(BatchItem::workOrderId));
        steps.runOnMany(List.copyOf(byOrder.keySet()), who, (o, now) -> {
            for (BatchItem item : byOrder.get(o.id())) {
                try {
                    Assignment a = access.ownAssignment(o, item.assignmentId(), who);
                    verifications.requireBeforeReply(o, a);
                    o.reply(a, form.text().strip(), form.citedArticleIds(), Actor.of(who), now);
                } catch (DomainException e) {
                    throw new DomainException(e.status(), e.code(), "工单 " + o.number() + "：" + e.getMessage())
                            .with("workOrderId", o.id());
                }
            }
        });
        return new BatchResult(form.items().size());
    }

    record VersionForm(Integer version) {}

    record ReasonForm(@NotBlank(message = "请填写理由") @Size(max = 2000, message = "理由最长 2000 个字") String reason, Integer version) {}

    record ExtensionForm(@NotNull(message = "请填写延期时长") @Min(value = 1, message = "延期时长至少为 1") @Max(value = 60, message = "延期时长过长") Integer amount,
                         @NotNull(message = "请选择延期单位") LimitUnit unit,
                         @NotBlank(message = "请填写延期理由") @Size(max = 2000, message = "理由最长 2000 个字") String reason,
                         Integer version) {}

    record HandOverForm(@NotNull(message = "请选择下级单位") Long unitId, @NotNull(message = "请填写反馈期限") Instant dueAt,
                        @Size(max = 2000, message = "交办意见最长 2000 个字") String instruction, Integer version) {}

    record RedispatchForm(@NotNull(message = "请选择主办单位") Long mainUnitId, List<Long> assistingUnitIds,
                          @Size(max = 2000, message = "交办意见最长 2000 个字") String instruction, Integer version) {}

    record ReplyForm(@NotBlank(message = "请填写答复内容") @Size(max = 5000, message = "答复内容最长 5000 个字") String text,
                     List<Long> citedArticleIds, Integer version) {}

    record BatchItem(@NotNull Long workOrderId, @NotNull Long assignmentId) {}

    record BatchReplyForm(@NotEmpty(message = "请选择要答复的工单") List<@Valid BatchItem> items,
                          @NotBlank(message = "请填写答复内容") @Size(max = 5000, message = "答复内容最长 5000 个字") String text,
                          List<Long> citedArticleIds) {}

    record BatchResult(int replied) {}
}
