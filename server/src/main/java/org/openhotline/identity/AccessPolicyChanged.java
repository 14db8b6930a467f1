package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A role's permissions or the security policy changed ({@code what} = role-permissions or security-policy). */
public record AccessPolicyChanged(String what, String subject, Map<String, Object> details) implements AuditableEvent {

    @Override
    public String action() {
        return "security." + what;
    }

    @Override
    public String target() {
        return subject;
    }
}
