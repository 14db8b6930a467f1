package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.identity.LoginThrottled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Failed logins per source address in a sliding window. The per-account lock alone let one address guess 200
 * passwords in 11 s across accounts, and lock any account (sysadmin too) at will; with this an address that
 * failed {@code max-failures} times within {@code window} is refused every login until the oldest of those
 * failures leaves the window. Kept in memory: a restart forgives, which costs an attacker a restart it cannot
 * cause. Failures of one address are counted whatever the username, so spraying many accounts is caught too.
 */
@Component
class LoginThrottle {

    /** Beyond this many tracked addresses, stale ones are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${hotline.security.login-throttle.max-failures:20}") int maxFailures,
                  @Value("${hotline.security.login-throttle.window:PT1M}") Duration window, Clock clock,
                  ApplicationEventPublisher events) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.events = events;
    }

    /** How long {@code address} must wait before it may try again; empty when it may try now. */
    Optional<Duration> waitFor(String address) {
        Deque<Instant> seen = failures.get(address);
        if (seen == null) {
            return Optional.empty();
        }
        synchronized (seen) {
            Instant now = clock.instant();
            forgetOld(seen, now);
            return seen.size() < maxFailures ? Optional.empty()
                    : Optional.of(Duration.between(now, seen.peekFirst().plus(window)));
        }
    }

    /** Counts a failed login; the failure that reaches the limit is audited once. */
    void failed(String address) {
        if (failures.size() > SWEEP_ABOVE) {
            sweep();
        }
        Deque<Instant> seen = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        Duration wait;
        synchronized (seen) {
            Instant now = clock.instant();
            forgetOld(seen, now);
            seen.addLast(now);
            if (seen.size() != maxFailures) {
                return;
            }
            wait = Duration.between(now, seen.peekFirst().plus(window));
        }
        events.publishEvent(new LoginThrottled(address, maxFailures, window.toSeconds(), seconds(wait)));
    }

    /** Whole seconds to announce in {@code Retry-After}: rounded up, at least one. */
    static long seconds(Duration wait) {
        long s = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    private void forgetOld(Deque<Instant> seen, Instant now) {
        Instant horizon = now.minus(window);
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(horizon)) {
            seen.removeFirst();
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                forgetOld(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }
}
