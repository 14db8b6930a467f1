package org.openhotline.callcenter;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A number was put on or taken off the blacklist (黑名单). */
public record CallerBlacklisted(String number, boolean added, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return added ? "callcenter.blacklist-added" : "callcenter.blacklist-removed";
    }

    @Override
    public String target() {
        return "number:" + org.openhotline.shared.Masking.phone(number);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason == null ? "" : reason);
    }
}
