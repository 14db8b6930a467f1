package org.openhotline.telephony.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing (SIP scanners probe every public SIP port): a key (source address and
 * extension) that fails digest authentication {@code maxFailures} times within {@code window} is refused
 * until {@code banFor} has passed. Keyed by both so that an attacker elsewhere cannot lock a real agent out
 * of her phone, and one misconfigured phone behind a call center's NAT does not lock out its neighbours.
 */
final class Lockouts {
    private record Record(int failures, Instant since, Instant bannedUntil) { }

    private final Map<String, Record> byKey = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration banFor;

    Lockouts(Clock clock, int maxFailures, Duration window, Duration banFor) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.banFor = banFor;
    }

    boolean isLockedOut(String key) {
        Record r = byKey.get(key);
        return r != null && r.bannedUntil() != null && clock.instant().isBefore(r.bannedUntil());
    }

    void failed(String key) {
        Instant now = clock.instant();
        byKey.compute(key, (k, r) -> {
            if (r == null || now.isAfter(r.since().plus(window))) r = new Record(0, now, null);
            int n = r.failures() + 1;
            return new Record(n, r.since(), n >= maxFailures ? now.plus(banFor) : r.bannedUntil());
        });
        if (byKey.size() > 100_000) byKey.clear(); // a spoofed-source flood must not grow memory forever
    }

    void succeeded(String key) {
        byKey.remove(key);
    }
}
