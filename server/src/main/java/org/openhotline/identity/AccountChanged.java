package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * Something changed about an account or its access: {@code change} is one of created, updated, disabled,
 * enabled, password-reset, password-changed, unlocked, sessions-ended, roles-granted, logout, recovered (a one-time
 * password set by the operator's recovery command or a joint recovery), recovery-requested, recovery-approved,
 * recovery-rejected, or refused (an action 三权分立 forbade; audited as a failure).
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

    /** The recovery command runs on the server without a login: the operator at the console is the actor. */
    @Override
    public String actor() {
        return change.equals("recovered") && "recovery-command".equals(details.get("by")) ? "operator" : null;
    }

    @Override
    public boolean succeeded() {
        return !change.equals("refused");
    }
}
