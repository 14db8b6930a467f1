package org.openhotline.workorder.internal.dispatch.auto;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An order's automatic dispatch as the dispatcher sees it, and its undo (撤回自动派单). */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "自动派单", description = "工单的自动派单及撤回")
class AutoDispatchUndoController {

    /** {@code auto}: the order's latest dispatch was automatic ({@code dispatch} then says to whom and how sure). */
    record View(boolean auto, AutoDispatches.Auto dispatch) {}

    private final AutoDispatches autos;
    private final OrderSteps steps;
    private final OrderDeadlines deadlines;
    private final WorkOrders orders;
    private final OrderAccess access;

    AutoDispatchUndoController(AutoDispatches autos, OrderSteps steps, OrderDeadlines deadlines, WorkOrders orders, OrderAccess access) {
        this.autos = autos;
        this.steps = steps;
        this.deadlines = deadlines;
        this.orders = orders;
        this.access = access;
    }

    @GetMapping("/{id}/auto-dispatch")
    @PreAuthorize("hasAnyAuthority('workorder:dispatch', 'workorder:read')")
    @Operation(summary = "工单最近一次派单是否为自动派单（单位、置信度、是否已撤回）")
    View view(@PathVariable long id) {
        access.requireVisible(orders.load(id), Callers.required());
        return autos.latest(id).map(a -> new View(true, a)).orElse(new View(false, null));
    }

    @PostMapping("/{id}/undo-auto-dispatch")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "撤回自动派单：承办单位答复或申请之前，工单回到待派单（计为派错，供模型学习）")
    OrderSteps.StepResult undo(@PathVariable long id, @Valid @RequestBody UndoForm form) {
        StaffPrincipal who = Callers.required();
        return steps.run(id, form.version(), who, (o, now) -> {
            AutoDispatches.Auto auto = autos.latest(id).filter(a -> a.undoneAt() == null)
                    .orElseThrow(() -> DomainException.conflict("该工单最近一次派单不是自动派单，无需撤回"));
            o.undoAutoDispatch(auto.unitId(), form.note(), Actor.of(who), now, deadlines);
            autos.markUndone(auto.basisId(), who.username(), now);
        });
    }

    record UndoForm(@Size(max = 500, message = "撤回说明最长 500 个字") String note, Integer version) {}
}
