package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.net.InetAddress;
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
 * {@code exempt-addresses} lists addresses never throttled (a monitoring probe; the test suite's own loopback
 * clients, which would otherwise throttle each other).
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
    private final Set<String> exempt;

    LoginThrottle(@Value("${hotline.security.login-throttle.max-failures:20}") int maxFailures,
                  @Value("${hotline.security.login-throttle.window:PT1M}") Duration window,
                  @Value("${hotline.security.login-throttle.exempt-addresses:}") List<String> exempt, Clock clock,
                  ApplicationEventPublisher events) {
        this.exempt = exempt.stream().map(String::trim).filter(a -> !a.isEmpty()).map(LoginThrottle::normal)
                .collect(Collectors.toUnmodifiableSet());
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.events = events;
    }

    /** How long {@code address} must wait before it may try again; empty when it may try now. */
    Optional<Duration> waitFor(String address) {
        if (exempt.contains(normal(address))) {
            return Optional.empty();
        }
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
        if (exempt.contains(normal(address))) {
            return;
        }
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

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike); literals only, no DNS. */
    private static String normal(String address) {
        try {
            return InetAddress.ofLiteral(address).getHostAddress();
        } catch (IllegalArgumentException notALiteral) {
            return address;
        }
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
