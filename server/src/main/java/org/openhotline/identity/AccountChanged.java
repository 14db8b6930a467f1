package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * Something changed about an account or its access: {@code change} is one of created, updated, disabled,
 * enabled, password-reset, password-changed, unlocked, sessions-ended, roles-granted, logout, recovered (by the
 * operator's recovery command), or refused (an action 三权分立 forbade; audited as a failure).
 */
public record AccountChanged(long accountId, String username, String change, Map<String, Object> details)
        implements AuditableEvent {

    @Override
    public String action() {
        return change.equals("logout") ? "auth.logout" : "account." + change;
    }

    @Override
    public String target() {
        return "account:" + username;
    }

    @Override
    public boolean succeeded() {
        return !change.equals("refused");
    }
}
