package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * A login attempt: {@code outcome} is success, bad-credentials, unknown-user, disabled, locked (this attempt
 * locked it), still-locked, or lock-expired (the cool-down of an earlier lock had passed and the lock was lifted
 * before this attempt was checked), success-one-time (with a recovery password: the session may only change it) or
 * one-time-expired.
 */
public record LoginAttempted(String username, String outcome) implements AuditableEvent {

    @Override
    public String action() {
        return switch (outcome) {
            case "success", "success-one-time" -> "auth.login";
            case "locked" -> "auth.lockout";
            case "lock-expired" -> "auth.lock-expired";
            default -> "auth.login-failed";
        };
    }

    @Override
    public String target() {
        return "account:" + username;
    }

    @Override
    public boolean succeeded() {
        return outcome.startsWith("success") || "lock-expired".equals(outcome);
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
