package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.EnumSet;
import java.util.List;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeChanged;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.organization.Organization;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The organization tree as dispatch needs it (roles of units, region names), read once and again after any change to
 * a node; the tree has a few hundred nodes and changes a few times a year.
 */
@Component
public class OrgSnapshot {

    public record Tree(List<OrgNode> nodes, UnitRoles roles, RegionFinder regions) {}

    private final Organization organization;
    private volatile Tree tree;

    OrgSnapshot(Organization organization) {
        this.organization = organization;
    }

    public Tree tree() {
        Tree t = tree;
        if (t == null || t.nodes().isEmpty()) {
            List<OrgNode> nodes = organization.subtree("/", EnumSet.allOf(OrgNodeKind.class));
            t = new Tree(nodes, new UnitRoles(nodes), new RegionFinder(nodes));
            tree = t;
        }
        return t;
    }

    @EventListener
    void on(OrgNodeChanged changed) {
        tree = null;
    }
}
