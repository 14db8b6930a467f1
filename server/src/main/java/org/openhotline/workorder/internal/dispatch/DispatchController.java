package org.openhotline.workorder.internal.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.UnitRequest;
import org.openhotline.workorder.internal.query.Workbenches;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.Platform;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hotline's side: review, dispatch, forward, decide units' requests, review replies, difficult, merge. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "派单与审核", description = "送审核、派单（主办/协办）、退回与延期审核、答复审核、疑难、合并")
class DispatchController {

    private final OrderSteps steps;
    private final OrderAccess access;
    private final OrderDeadlines deadlines;
    private final Workbenches workbenches;

    private final org.openhotline.workorder.internal.model.OrderGates gates;
    private final DispatchBasis basis;

    DispatchController(OrderSteps steps, OrderAccess access, OrderDeadlines deadlines, Workbenches workbenches,
                       org.openhotline.workorder.internal.model.OrderGates gates, DispatchBasis basis) {
        this.gates = gates;
        this.basis = basis;
        this.steps = steps;
        this.access = access;
        this.deadlines = deadlines;
        this.workbenches = workbenches;
    }

    @PostMapping("/{id}/review-approve")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "审核通过（送审核的工单进入待派单）")
    OrderSteps.StepResult approveReview(@PathVariable long id, @Valid @RequestBody(required = false) NoteForm form) {
        NoteForm f = form == null ? new NoteForm(null, null) : form;
        StaffPrincipal who = Callers.required();
        return steps.run(id, f.version(), who, (o, now) -> o.approveReview(f.note(), Actor.of(who), now, deadlines));
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "派单：一个主办单位和若干协办单位，各自有签收和办理期限；basis 记录所依据的派单目录规则或推荐")
    OrderSteps.StepResult dispatch(@PathVariable long id, @Valid @RequestBody DispatchForm form) {
        StaffPrincipal who = Callers.required();
        DispatchBasis.Basis followed = form.basis() == null ? DispatchBasis.Basis.manual() : form.basis().checked();
        UnitTarget main = access.unit(form.mainUnitId());
        List<UnitTarget> assisting = form.assistingUnitIds() == null ? List.of()
                : form.assistingUnitIds().stream().map(access::unit).toList();
        return steps.run(id, form.version(), who, (o, now) -> {
            gates.beforeDispatch(o, who.username());
            o.dispatch(main, assisting, form.instruction(), Actor.of(who), now, deadlines);
            basis.record(o.id(), main.unitId(), followed, who.username(), now);
        });
    }

    @PostMapping("/{id}/direct-reply")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch')")
    @Operation(summary = "直接答复并办结")
    OrderSteps.StepResult directReply(@PathVariable long id, @Valid @RequestBody TextForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            gates.beforeClose(o, who.username());
            o.replyDirectly(form.text().strip(), Actor.of(who), now);
        });
    }

    @PostMapping("/{id}/send-for-review")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch')")
    @Operation(summary = "送审核")
    OrderSteps.StepResult sendForReview(@PathVariable long id, @Valid @RequestBody(required = false) NoteForm form) {
        NoteForm f = form == null ? new NoteForm(null, null) : form;
        StaffPrincipal who = Callers.required();
        return steps.run(id, f.version(), who, (o, now) -> o.sendForReview(f.note(), Actor.of(who), now));
    }

    @PostMapping("/{id}/forward")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch')")
    @Operation(summary = "转外部平台（省平台、110 等；对接本身稍后实现，此处记录）")
    OrderSteps.StepResult forward(@PathVariable long id, @Valid @RequestBody ForwardForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> o.forward(form.platform(), form.note(), Actor.of(who), now));
    }

    @GetMapping("/requests")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "待审核的退回（RETURN）或延期（EXTENSION）申请")
    List<Workbenches.PendingRequest> requests(@RequestParam(defaultValue = "RETURN") String kind) {
        return workbenches.pendingRequests(kind.equals("EXTENSION") ? "EXTENSION" : "RETURN", Callers.required());
    }

    @PostMapping("/{id}/requests/{requestId}/decision")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "审核退回或延期申请（approve=true 同意）")
    OrderSteps.StepResult decide(@PathVariable long id, @PathVariable long requestId, @Valid @RequestBody DecisionForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            UnitRequest r = o.request(requestId);
            if (r.kind() == UnitRequest.Kind.RETURN) {
                o.decideReturn(r, form.approve(), form.note(), Actor.of(who), now, deadlines);
            } else {
                o.decideExtension(r, form.approve(), form.note(), Actor.of(who), now, deadlines);
            }
        });
    }

    @PostMapping("/{id}/reply-review")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "答复审核（accept=false 时退回承办单位重新办理）")
    OrderSteps.StepResult reviewReply(@PathVariable long id, @Valid @RequestBody ReviewForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who,
                (o, now) -> o.reviewReply(form.accept(), form.note(), Actor.of(who), now, deadlines));
    }

    @PostMapping("/{id}/difficult")
    @PreAuthorize("hasAnyAuthority('workorder:dispatch', 'workorder:supervise')")
    @Operation(summary = "送疑难工单")
    OrderSteps.StepResult difficult(@PathVariable long id, @Valid @RequestBody(required = false) NoteForm form) {
        NoteForm f = form == null ? new NoteForm(null, null) : form;
        StaffPrincipal who = Callers.required();
        return steps.run(id, f.version(), who, (o, now) -> o.markDifficult(f.note(), Actor.of(who), now));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "把本工单作为重复件合并到另一工单")
    void merge(@PathVariable long id, @Valid @RequestBody MergeForm form) {
        StaffPrincipal who = Callers.required();
        steps.runOnTwo(id, form.intoId(), who, (self, into, now) -> self.mergeInto(into, Actor.of(who), now));
    }

    record NoteForm(@Size(max = 2000, message = "说明最长 2000 个字") String note, Integer version) {}

    record TextForm(@NotBlank(message = "请填写内容") @Size(max = 5000, message = "内容最长 5000 个字") String text, Integer version) {}

    record DispatchForm(@NotNull(message = "请选择主办单位") Long mainUnitId, List<Long> assistingUnitIds,
                        @Size(max = 2000, message = "交办意见最长 2000 个字") String instruction, Integer version,
                        DispatchBasis.Basis basis) {}

    record ForwardForm(@NotNull(message = "请选择转往的平台") Platform platform,
                       @Size(max = 2000, message = "说明最长 2000 个字") String note, Integer version) {}

    record DecisionForm(@NotNull(message = "请选择同意或驳回") Boolean approve,
                        @Size(max = 2000, message = "意见最长 2000 个字") String note, Integer version) {}

    record ReviewForm(@NotNull(message = "请选择通过或退回") Boolean accept,
                      @Size(max = 2000, message = "意见最长 2000 个字") String note, Integer version) {}

    record MergeForm(@NotNull(message = "请选择要合并到的工单") Long intoId) {}
}
