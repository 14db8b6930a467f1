/**
 * Organization: the tree of regions (province → city → district → street → community), the hotline center,
 * district workstations and the handling units (承办单位) with their duties and contacts — the yellow pages
 * (部门黄页). Owns table {@code org_node}; publishes {@link org.openhotline.organization.OrgNodeChanged} for the
 * audit trail; other modules ask {@link org.openhotline.organization.Organization} for nodes and paths. It depends
 * on no other module: identity and the business modules depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization",
        allowedDependencies = {"shared"})
package org.openhotline.organization;
