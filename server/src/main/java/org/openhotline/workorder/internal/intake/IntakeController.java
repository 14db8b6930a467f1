package org.openhotline.workorder.internal.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.Intake;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.query.OrderRow;
import org.openhotline.workorder.internal.query.Workbenches;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.Platform;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.openhotline.workorder.internal.similar.SimilarOrders;

/**
 * Intake from every channel ({@code POST /api/work-orders} is a public contract for other platforms), the
 * caller's history and possible duplicates while typing, and the citizen's later contacts: urge, supplement,
 * withdraw.
 */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "工单受理", description = "多渠道受理、催单、补单、撤单")
class IntakeController {

    private final Intake intake;
    private final OrderSteps steps;
    private final Workbenches workbenches;
    private final SimilarOrders similar;

    IntakeController(Intake intake, OrderSteps steps, Workbenches workbenches, SimilarOrders similar) {
        this.intake = intake;
        this.steps = steps;
        this.workbenches = workbenches;
        this.similar = similar;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('workorder:intake')")
    @Operation(summary = "受理工单（Idempotency-Key 头使重试返回同一工单；同一键换了请求内容则 422）")
    ResponseEntity<Intake.Created> create(@Valid @RequestBody IntakeForm form,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        StaffPrincipal who = Callers.required();
        if (key != null && key.length() > 100) {
            throw org.openhotline.shared.DomainException.badRequest("Idempotency-Key 最长 100 个字符");
        }
        Intake.Created created;
        try {
            created = intake.create(form.toNewOrder(), key, true, who);
        } catch (DuplicateKeyException e) {
            // The same key raced us and won: answer its order (or 422 if the winner's request was another).
            created = key == null ? null : intake.replay(who.username() + ":" + key.trim(), intake.digestOf(form.toNewOrder()));
            if (created == null) {
                throw e;
            }
        }
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(created);
    }

    @GetMapping("/caller-history")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:read')")
    @Operation(summary = "来电人历史工单（按电话）")
    List<OrderRow> callerHistory(@RequestParam String phone) {
        if (phone.strip().length() < 5) {
            return List.of();
        }
        return workbenches.callerHistory(phone.strip(), Callers.required());
    }

    @GetMapping("/duplicates")
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch')")
    @Operation(summary = "可能重复的在办工单（同一来电人、地址相近或内容语义相似，30 天内），附相似度和理由")
    List<SimilarOrders.Similar> duplicates(@RequestParam(required = false) String phone,
                                           @RequestParam(required = false) String address,
                                           @RequestParam(required = false) String text,
                                           @RequestParam(required = false) Long excludeId) {
        if ((phone != null && phone.length() > 30) || (address != null && address.length() > 200)
                || (text != null && text.length() > 2000)) {
            throw org.openhotline.shared.DomainException.badRequest("电话不超过 30 位，地址不超过 200 字，内容不超过 2000 字");
        }
        return similar.like(phone, address, text, excludeId, Callers.required());
    }

    @PostMapping("/{id}/urge")
    @PreAuthorize("hasAuthority('workorder:intake')")
    @Operation(summary = "催单（群众重复来电，计入催单次数）")
    OrderSteps.StepResult urge(@PathVariable long id, @Valid @RequestBody(required = false) NoteForm form) {
        NoteForm f = form == null ? new NoteForm(null, null) : form;
        return steps.run(id, f.version(), Callers.required(), (o, now) -> o.urge(f.note(), Actor.of(Callers.required()), now));
    }

    @PostMapping("/{id}/supplement")
    @PreAuthorize("hasAuthority('workorder:intake')")
    @Operation(summary = "补单（补充诉求内容）")
    OrderSteps.StepResult supplement(@PathVariable long id, @Valid @RequestBody TextForm form) {
        return steps.run(id, form.version(), Callers.required(), (o, now) -> o.supplement(form.text().strip(), Actor.of(Callers.required()), now));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('workorder:intake')")
    @Operation(summary = "撤单（群众撤回诉求）")
    OrderSteps.StepResult withdraw(@PathVariable long id, @Valid @RequestBody TextForm form) {
        return steps.run(id, form.version(), Callers.required(), (o, now) -> o.withdraw(form.text().strip(), Actor.of(Callers.required()), now));
    }

    record NoteForm(@Size(max = 2000, message = "说明最长 2000 个字") String note, Integer version) {}

    record TextForm(@NotBlank(message = "请填写内容") @Size(max = 5000, message = "内容最长 5000 个字") String text, Integer version) {}

    /** The public intake contract: only channel, appealType and content are required. */
    record IntakeForm(@NotNull(message = "请选择受理渠道") Channel channel,
                      @NotNull(message = "请选择诉求类型") AppealType appealType,
                      Urgency urgency, Long categoryId, Long regionId,
                      @Size(max = 200, message = "地址最长 200 个字") String address,
                      @Size(max = 200, message = "标题最长 200 个字") String title,
                      @NotBlank(message = "请填写诉求内容") @Size(max = 10000, message = "诉求内容最长 10000 个字") String content,
                      @Size(max = 50, message = "来电人姓名最长 50 个字") String callerName,
                      @Pattern(regexp = "^$|^[0-9+\\-() ]{3,30}$", message = "联系电话格式不正确") String callerPhone,
                      Boolean anonymous, Boolean confidential,
                      @Size(max = 64, message = "来电编号最长 64 位") String callId,
                      @Valid FinishForm finish) {
        Intake.NewOrder toNewOrder() {
            return new Intake.NewOrder(channel, appealType, urgency, categoryId, regionId, address, title, content,
                    callerName, callerPhone, Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(confidential), callId,
                    finish == null ? null : finish.toFinish());
        }
    }

    /** How the agent finishes intake; absent means "waits for dispatch". */
    record FinishForm(Intake.FinishMode mode, @Size(max = 5000, message = "答复内容最长 5000 个字") String reply,
                      Long mainUnitId, List<Long> assistingUnitIds,
                      @Size(max = 2000, message = "交办意见最长 2000 个字") String instruction,
                      Platform platform, @Size(max = 2000, message = "说明最长 2000 个字") String note,
                      org.openhotline.workorder.internal.dispatch.DispatchBasis.Basis basis) {
        Intake.Finish toFinish() {
            return new Intake.Finish(mode, reply, mainUnitId, assistingUnitIds, instruction, platform, note, basis);
        }
    }
}
