package org.openhotline.workorder.internal.model;

import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.springframework.stereotype.Component;

/**
 * Data scope (分权分域) of work orders: the hotline sees the orders taken under its node; a unit sees the orders
 * assigned to it or to its sub-units, never a sibling's. Also resolves the units and regions a step names.
 */
@Component
public class OrderAccess {

    private final Organization organization;

    OrderAccess(Organization organization) {
        this.organization = organization;
    }

    boolean sees(WorkOrder o, StaffPrincipal who) {
        return who.sees(o.ownerPath()) || o.assignments().stream().anyMatch(a -> who.sees(a.unitPath()));
    }

    public void requireVisible(WorkOrder o, StaffPrincipal who) {
        if (!sees(o, who)) {
            throw DomainException.notFound("工单不存在或不在您的权限范围内");
        }
    }

    /** The caller acts for the assignment's unit (or a unit above it). */
    public Assignment ownAssignment(WorkOrder o, long assignmentId, StaffPrincipal who) {
        Assignment a = o.assignment(assignmentId);
        if (!who.sees(a.unitPath())) {
            throw DomainException.forbidden("该任务不属于您的单位");
        }
        return a;
    }

    public UnitTarget unit(long unitId) {
        OrgNode n = organization.node(unitId).filter(OrgNode::enabled).filter(x -> x.kind().handlesWork())
                .orElseThrow(() -> DomainException.invalid("承办单位不存在或已停用").with("unitId", unitId));
        return new UnitTarget(n.id(), n.path(), n.name());
    }

    public OrgNode region(long regionId) {
        return organization.node(regionId).filter(n -> n.kind().isRegion())
                .orElseThrow(() -> DomainException.invalid("所选区域不存在"));
    }

    /** A workstation re-dispatches within its district: the units under the workstation's parent region. */
    public void requireWithinDistrictOf(Assignment workstation, UnitTarget target) {
        OrgNode ws = organization.node(workstation.unitId()).orElseThrow();
        String district = ws.parentId() == null ? ws.path()
                : organization.node(ws.parentId()).map(OrgNode::path).orElse(ws.path());
        if (ws.kind() != org.openhotline.organization.OrgNodeKind.WORKSTATION) {
            throw DomainException.conflict("只有工作站可以二次派单");
        }
        if (!target.path().startsWith(district) || target.unitId() == ws.id()) {
            throw DomainException.invalid(target.name() + "不在本工作站辖区内");
        }
    }
}
