package org.openhotline.workorder.internal.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.WorkOrderEvents.OrderVerified;
import org.openhotline.workorder.internal.model.Assignment;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 工单核实: the unit records its verification with proof; everybody who sees the order reads it; the manager's list. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "工单核实", description = "答复前登记核实人、时间、方式（现场/电话/材料）与佐证材料；按诉求分类要求核实")
class VerificationController {

    private final OrderSteps steps;
    private final OrderAccess access;
    private final Verifications verifications;
    private final WorkOrders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    VerificationController(OrderSteps steps, OrderAccess access, Verifications verifications, WorkOrders orders,
                           JdbcClient jdbc, Clock clock) {
        this.steps = steps;
        this.access = access;
        this.verifications = verifications;
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/{id}/assignments/{aid}/verifications")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "登记核实情况：verifier 核实人，verifiedAt 核实时间，means=ON_SITE|PHONE|DOCUMENTS，note，attachmentIds（先上传为本工单附件）")
    Map<String, Object> record(@PathVariable long id, @PathVariable long aid, @Valid @RequestBody VerificationForm form) {
        StaffPrincipal who = Callers.required();
        List<Long> attachments = form.attachmentIds() == null ? List.of() : form.attachmentIds().stream().distinct().toList();
        long[] made = new long[1];
        steps.runUnversioned(id, who, (o, now) -> {
            Assignment a = access.ownAssignment(o, aid, who);
            if (!a.isActive()) {
                throw DomainException.conflict("该任务已不在办理中，不能再登记核实");
            }
            if (form.verifiedAt().isAfter(now.plusSeconds(300))) {
                throw DomainException.invalid("核实时间不能晚于当前时间");
            }
            if (!attachments.isEmpty()) {
                long found = jdbc.sql("select count(*) from wo_attachment where work_order_id = :o and id in (:ids)")
                        .param("o", o.id()).param("ids", attachments).query(Long.class).single();
                if (found != attachments.size()) {
                    throw DomainException.invalid("佐证材料须先上传到本工单（工单附件）");
                }
            }
            String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
            made[0] = verifications.insert(o.id(), a.id(), form.verifier().strip(), form.verifiedAt(), form.means(), note,
                    attachments, who.username(), who.displayName(), now);
            o.annotate(Actor.of(who), now, "verified", a.unitName() + form.means().label + "：核实人 " + form.verifier().strip()
                            + (note == null ? "" : "，" + note) + (attachments.isEmpty() ? "" : "（佐证材料 " + attachments.size() + " 份）"),
                    Map.of("assignmentId", a.id(), "means", form.means().name(), "attachmentIds", attachments),
                    new OrderVerified(o.id(), a.id(), form.means().name(), now));
        });
        return Map.of("id", made[0]);
    }

    @GetMapping("/{id}/verifications")
    @PreAuthorize("hasAuthority('workorder:read')")
    @Operation(summary = "工单的核实记录（含佐证材料）")
    List<Map<String, Object>> list(@PathVariable long id) {
        access.requireVisible(orders.load(id), Callers.required());
        return verifications.of(id);
    }

    @GetMapping("/verification-categories")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:handle', 'workorder:dispatch')")
    @Operation(summary = "须先核实再答复的诉求分类（含其下级分类）")
    Map<String, Object> categories() {
        return Map.of("categoryIds", verifications.requiredCategories());
    }

    @PutMapping("/verification-categories")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "设置须先核实再答复的诉求分类")
    Map<String, Object> setCategories(@Valid @RequestBody CategoriesForm form) {
        verifications.requireCategories(form.categoryIds().stream().distinct().toList(), Callers.required().username(),
                clock.instant());
        return categories();
    }

    record VerificationForm(@NotBlank(message = "请填写核实人") @Size(max = 100, message = "核实人最长 100 个字") String verifier,
                            @NotNull(message = "请填写核实时间") Instant verifiedAt,
                            @NotNull(message = "请选择核实方式") Verifications.Means means,
                            @Size(max = 2000, message = "核实说明最长 2000 个字") String note,
                            @Size(max = 20, message = "佐证材料最多 20 份") List<Long> attachmentIds) {}

    record CategoriesForm(@NotNull(message = "请选择诉求分类") @Size(max = 500, message = "分类过多") List<Long> categoryIds) {}
}
