package org.openhotline.workorder.internal.dispatch.catalogue;

import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.springframework.stereotype.Component;

/** Regions of rules as materialized paths, taken from the organization module when a version is published. */
@Component
class RegionPaths {

    private final Organization organization;

    RegionPaths(Organization organization) {
        this.organization = organization;
    }

    DispatchRule withRegionPath(DispatchRule r) {
        if (r.regionId() == null) {
            return r;
        }
        String path = organization.node(r.regionId()).map(OrgNode::path).orElse("/none/");
        return new DispatchRule(r.id(), r.position(), r.name(), r.categoryId(), r.categoryPath(), r.regionId(), path,
                r.appealType(), r.keywords(), r.mainUnitId(), r.local(), r.assistingUnitIds(), r.note(), r.enabled(),
                r.version());
    }
}
