package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openhotline.identity.LoginAttempted;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password. Every refusal looks the same to the caller (unknown user, wrong password,
 * disabled, locked) so that nobody can probe which accounts exist or are locked; the audit trail tells them
 * apart. The attempt that reaches the policy's failure count locks the account for the policy's lock minutes: a
 * cool-down after which the right password gets in again, so a stranger who locks an admin on purpose only delays
 * them (and {@link LoginThrottle} limits how often one address can do it).
 */
@Service
class Logins {

    /** The one authority of a session opened with a one-time password: {@code /api/auth/*} only. */
    static final String CHANGE_PASSWORD_ONLY = "password:change-only";

    /** Hash compared against when the username is unknown, so both paths cost the same time. */
    private final String decoyHash;

    private final Accounts accounts;
    private final SecurityPolicies policies;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Logins(Accounts accounts, SecurityPolicies policies, PasswordEncoder encoder, ApplicationEventPublisher events,
           Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-Aa1!");
    }

    /** A granted login: the principal for the session and how long the session may stay idle. */
    record Granted(StaffPrincipal principal, Duration idleTimeout) {}

    @Transactional
    Optional<Granted> attempt(String username, String password) {
        String name = username == null ? "" : username.trim();
        Optional<Account> found = name.isEmpty() ? Optional.empty() : accounts.byUsername(name);
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, decoyHash);
            events.publishEvent(new LoginAttempted(name, "unknown-user"));
            return Optional.empty();
        }
        Account account = found.get();
        Instant now = clock.instant();
        SecurityPolicy policy = policies.current();
        if (account.lockedAt(now)) {
            encoder.matches(password == null ? "" : password, decoyHash);
            events.publishEvent(new LoginAttempted(name, "still-locked"));
            return Optional.empty();
        }
        boolean lockExpired = account.lockedUntil() != null;
        if (lockExpired) {
            // The lock is a cool-down, not a ban: once it has passed the account is open again with a fresh count.
            accounts.unlock(account.id());
            events.publishEvent(new LoginAttempted(name, "lock-expired"));
        }
        boolean matches = password != null && encoder.matches(password, account.passwordHash());
        if (!matches || !account.enabled()) {
            int failuresBefore = lockExpired ? 0 : account.failedLogins();
            boolean lockNow = failuresBefore + 1 >= policy.maxFailures();
            accounts.recordFailure(account.id(), lockNow ? now.plus(Duration.ofMinutes(policy.lockMinutes())) : null);
            events.publishEvent(new LoginAttempted(name, !account.enabled() ? "disabled" : lockNow ? "locked" : "bad-credentials"));
            return Optional.empty();
        }
        if (account.oneTimePasswordExpiredAt(now)) {
            events.publishEvent(new LoginAttempted(name, "one-time-expired"));
            return Optional.empty();
        }
        accounts.recordSuccess(account.id());
        if (account.passwordMustChange()) {
            // A recovered admin's one-time password: a session that can do nothing but change it.
            events.publishEvent(new LoginAttempted(name, "success-one-time"));
            var restricted = new StaffPrincipal(account.id(), account.username(), account.displayName(),
                    account.orgNodeId(), account.orgPath(), java.util.Set.of(), java.util.Set.of(CHANGE_PASSWORD_ONLY));
            return Optional.of(new Granted(restricted, Duration.ofMinutes(policy.adminIdleMinutes())));
        }
        events.publishEvent(new LoginAttempted(name, "success"));
        var principal = new StaffPrincipal(account.id(), account.username(), account.displayName(),
                account.orgNodeId(), account.orgPath(),
                account.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                accounts.permissionsOf(account.roles()));
        int idle = account.isAdmin() ? policy.adminIdleMinutes() : policy.idleMinutes();
        return Optional.of(new Granted(principal, Duration.ofMinutes(idle)));
    }
}
