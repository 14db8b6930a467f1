package org.openhotline.shared.crypto;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** The security admin started a re-encryption of personal data under a new data key. */
public record DataKeyRotated(int key) implements AuditableEvent {

    @Override
    public String action() {
        return "personal-data.key-rotated";
    }

    @Override
    public String target() {
        return "data-key:" + key;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("key", key);
    }
}
