package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A login attempt: {@code outcome} is success, bad-credentials, locked (this attempt locked it) or still-locked. */
public record LoginAttempted(String username, String outcome) implements AuditableEvent {

    @Override
    public String action() {
        return switch (outcome) {
            case "success" -> "auth.login";
            case "locked" -> "auth.lockout";
            default -> "auth.login-failed";
        };
    }

    @Override
    public String target() {
        return "account:" + username;
    }

    @Override
    public boolean succeeded() {
        return "success".equals(outcome);
    }

    @Override
    public String actor() {
        return username;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("outcome", outcome);
    }
}
