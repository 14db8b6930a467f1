package org.openhotline.callcenter;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;
import org.openhotline.shared.crypto.PersonalData;

/**
 * A number was put on or taken off the blacklist (黑名单). The citizen's number travels sealed (ADR 041: no event
 * carries personal data in clear, whoever listens and however it is stored); the audit record names it masked.
 * Build it with {@link #of}; {@link #number()} opens it.
 */
public record CallerBlacklisted(String sealedNumber, boolean added, String reason) implements AuditableEvent {

    public static CallerBlacklisted of(String number, boolean added, String reason) {
        return new CallerBlacklisted(PersonalData.seal(number), added, reason);
    }

    public String number() {
        return PersonalData.open(sealedNumber);
    }

    @Override
    public String action() {
        return added ? "callcenter.blacklist-added" : "callcenter.blacklist-removed";
    }

    @Override
    public String target() {
        return "number:" + org.openhotline.shared.Masking.phone(number());
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason == null ? "" : reason);
    }
}
