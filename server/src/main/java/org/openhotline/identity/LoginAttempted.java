package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * A login attempt: {@code outcome} is success, bad-credentials, unknown-user, disabled, locked (this attempt
 * locked it), still-locked, or lock-expired (the cool-down of an earlier lock had passed and the lock was lifted
 * before this attempt was checked), success-one-time (with a recovery password: the session may only change it) or
 * one-time-expired; with issue 19: success-must-change (a password an admin set), success-expired (past the policy's
 * age), inactive (unused past the policy's days), network-refused (an admin outside the admin networks),
 * second-factor-pending (password right, code to come), second-factor-failed (wrong or reused code); with the SMS
 * second factor: sms-code-sent, sms-code-limited (asked again too soon or too often), sms-no-phone (no number on file).
 */
public record LoginAttempted(String username, String outcome) implements AuditableEvent {

    @Override
    public String action() {
        return switch (outcome) {
            case "success", "success-one-time", "success-must-change", "success-expired" -> "auth.login";
            case "second-factor-pending" -> "auth.password-accepted";
            case "sms-code-sent" -> "auth.sms-code-sent";
            case "sms-code-limited", "sms-no-phone" -> "auth.sms-code-refused";
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
        return outcome.startsWith("success") || "lock-expired".equals(outcome) || "second-factor-pending".equals(outcome)
                || "sms-code-sent".equals(outcome);
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
