package org.openhotline.workorder.internal.query;

import org.openhotline.shared.DomainException;
import org.openhotline.shared.Masking;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.UnitCallTargets;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.settings.WorkOrderSettings;
import org.springframework.stereotype.Component;

/** {@link UnitCallTargets}: the same checks as the unit's audited unmask, for the click-to-call the admin may choose. */
@Component
class UnitCallTargetsQuery implements UnitCallTargets {

    private final WorkOrders orders;
    private final OrderAccess access;
    private final WorkOrderSettings settings;

    UnitCallTargetsQuery(WorkOrders orders, OrderAccess access, WorkOrderSettings settings) {
        this.orders = orders;
        this.access = access;
        this.settings = settings;
    }

    @Override
    public UnitCallTarget forUnitCall(long workOrderId, StaffPrincipal handler) {
        if (!settings.unitsMayCall()) {
            throw DomainException.forbidden("管理员未开启承办单位平台代拨");
        }
        WorkOrder o = orders.load(workOrderId);
        access.requireVisible(o, handler);
        if (!o.state().isOpen()) {
            throw DomainException.conflict("工单已" + o.state().label() + "，不能再代拨");
        }
        if (o.assignments().stream().noneMatch(a -> a.isActive() && handler.sees(a.unitPath()))) {
            throw DomainException.forbidden("只有正在承办本工单的单位可以代拨群众电话");
        }
        if (o.callerPhone() == null || o.callerPhone().isBlank()) {
            throw DomainException.conflict("本工单没有群众联系电话");
        }
        return new UnitCallTarget(o.id(), o.number(), o.callerPhone().replaceAll("[^0-9+]", ""), Masking.phone(o.callerPhone()));
    }
}
