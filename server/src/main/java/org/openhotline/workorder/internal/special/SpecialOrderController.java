package org.openhotline.workorder.internal.special;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.WorkOrderEvents.SpecialOrderReviewed;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.OrderState;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 特殊单审核: an order's special flags and second reviews, and the manager's rules. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "特殊单审核", description = "特殊工单（保密、涉及领导或媒体、群体性事件、重复投诉）派单前、办结前的二次审核；标记规则")
class SpecialOrderController {

    private final OrderSteps steps;
    private final OrderAccess access;
    private final SpecialReviews reviews;
    private final SpecialFlags flags;
    private final SpecialRules rules;
    private final org.openhotline.workorder.internal.model.WorkOrders orders;

    SpecialOrderController(OrderSteps steps, OrderAccess access, SpecialReviews reviews, SpecialFlags flags,
                           SpecialRules rules, org.openhotline.workorder.internal.model.WorkOrders orders) {
        this.steps = steps;
        this.access = access;
        this.reviews = reviews;
        this.flags = flags;
        this.rules = rules;
        this.orders = orders;
    }

    @GetMapping("/{id}/special")
    @PreAuthorize("hasAuthority('workorder:read')")
    @Operation(summary = "工单是否特殊工单、命中的规则和二次审核记录")
    Map<String, Object> special(@PathVariable long id) {
        access.requireVisible(orders.load(id), Callers.required());
        return reviews.view(id);
    }

    @PostMapping("/{id}/special-review")
    @PreAuthorize("hasAnyAuthority('workorder:dispatch', 'workorder:supervise')")
    @Operation(summary = "特殊工单二次审核：gate=DISPATCH 派单前 / CLOSE 办结前，approved，reason 理由；审核人不能是受理人（派单前）或答复审核人（办结前）")
    OrderSteps.StepResult review(@PathVariable long id, @Valid @RequestBody ReviewForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            if (!flags.isSpecial(o.id())) {
                throw DomainException.conflict("该工单不是特殊工单，无需二次审核");
            }
            if (!o.state().isOpen()) {
                throw DomainException.conflict("工单" + o.state().label() + "，不能审核");
            }
            if (form.gate() == SpecialReviews.Gate.DISPATCH
                    && o.state() != OrderState.PENDING_DISPATCH && o.state() != OrderState.PENDING_REVIEW) {
                throw DomainException.conflict("工单已派出，派单前审核已不适用");
            }
            String first = reviews.firstStepBy(o, form.gate());
            if (who.username().equals(first)) {
                throw DomainException.forbidden("二次审核须由" + (form.gate() == SpecialReviews.Gate.DISPATCH ? "受理人" : "答复审核人")
                        + "以外的人员进行");
            }
            String reason = form.reason().strip();
            reviews.insert(o.id(), form.gate(), form.approved(), reason, who.username(), who.displayName(), now);
            o.annotate(Actor.of(who), now, "special-reviewed", "特殊工单" + form.gate().label + "前二次审核"
                            + (form.approved() ? "通过" : "不通过") + "：" + reason,
                    Map.of("gate", form.gate().name(), "approved", form.approved()),
                    new SpecialOrderReviewed(o.id(), form.gate().name(), form.approved(), who.username(), now));
        });
    }

    @GetMapping("/special-rules")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:dispatch', 'workorder:supervise')")
    @Operation(summary = "特殊工单标记规则")
    List<SpecialRules.Rule> rules() {
        return rules.all();
    }

    @PostMapping("/special-rules")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "新增规则：kind=CONFIDENTIAL 保密件 / KEYWORDS 关键词（逗号分隔）/ REPEAT_CALLER 同一号码 daysBack 天内来电超过 threshold 次")
    Map<String, Object> create(@Valid @RequestBody RuleForm form) {
        return Map.of("id", rules.create(form.toRule(0)));
    }

    @PutMapping("/special-rules/{ruleId}")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "修改规则（version 为读取时的版本）")
    List<SpecialRules.Rule> update(@PathVariable long ruleId, @Valid @RequestBody RuleForm form) {
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新后重试");
        }
        rules.update(ruleId, form.toRule(ruleId), form.version());
        return rules.all();
    }

    @DeleteMapping("/special-rules/{ruleId}")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "删除规则（已标记的工单保持标记）")
    void delete(@PathVariable long ruleId) {
        rules.delete(ruleId);
    }

    record ReviewForm(@NotNull(message = "请选择审核环节") SpecialReviews.Gate gate,
                      @NotNull(message = "请选择是否通过") Boolean approved,
                      @NotBlank(message = "请填写审核理由") @Size(max = 2000, message = "审核理由最长 2000 个字") String reason,
                      Integer version) {}

    record RuleForm(@NotBlank(message = "请填写规则名称") @Size(max = 50, message = "规则名称最长 50 个字") String name,
                    @NotNull(message = "请选择规则类型") SpecialRules.Kind kind,
                    @Size(max = 500, message = "关键词最长 500 个字") String keywords,
                    Integer threshold, Integer daysBack, Boolean enabled, Integer version) {
        SpecialRules.Rule toRule(long id) {
            return new SpecialRules.Rule(id, name.strip(), kind, keywords == null ? null : keywords.strip(), threshold,
                    daysBack, enabled == null || enabled, version == null ? 0 : version);
        }
    }
}
