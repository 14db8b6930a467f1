package org.openhotline.organization;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A node was created, edited, enabled, disabled or imported. {@code change} is the action's last word. */
public record OrgNodeChanged(long nodeId, String code, String change, Map<String, Object> details)
        implements AuditableEvent {

    @Override
    public String action() {
        return "org." + change;
    }

    @Override
    public String target() {
        return "org:" + code;
    }
}
