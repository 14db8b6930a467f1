package org.openhotline.identity;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A source address reached the failed-login limit and is refused logins until {@code retryAfterSeconds} pass. */
public record LoginThrottled(String address, int failures, long windowSeconds, long retryAfterSeconds)
        implements AuditableEvent {

    @Override
    public String action() {
        return "auth.throttled";
    }

    @Override
    public String target() {
        return "ip:" + address;
    }

    @Override
    public boolean succeeded() {
        return false;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("outcome", "throttled", "failures", failures, "windowSeconds", windowSeconds,
                "retryAfterSeconds", retryAfterSeconds);
    }
}
