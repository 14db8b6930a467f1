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
    private final DemoExemption demo;
    private final SecondFactorRule secondFactor;

    /** Password rules only, no second factor nor demo exemption: for checks at another clock. */
    Logins(Accounts accounts, SecurityPolicies policies, PasswordEncoder encoder, ApplicationEventPublisher events,
           Clock clock) {
        this(accounts, policies, encoder, events, clock, new DemoExemption(false), null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Logins(Accounts accounts, SecurityPolicies policies, PasswordEncoder encoder, ApplicationEventPublisher events,
           Clock clock, DemoExemption demo, SecondFactorRule secondFactor) {
        this.demo = demo;
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-Aa1!");
    }

    /**
     * A granted password: the principal for the session, how long the session may stay idle, and what the login
     * still asks for (a code, or enrolling an authenticator) before the session opens.
     */
    record Granted(StaffPrincipal principal, Duration idleTimeout, SecondFactorRule.Stage secondFactor,
                   boolean exempt) {}

    @Transactional
    Optional<Granted> attempt(String username, String password) {
        return attempt(username, password, null);
    }

    /** {@code address}: where the login comes from, checked against the admin networks (null: not checked). */
    @Transactional
    Optional<Granted> attempt(String username, String password, String address) {
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
        boolean exempt = demo.appliesTo(account);
        if (!exempt && policy.inactiveDays() > 0 && account.activeSince() != null
                && account.activeSince().plus(Duration.ofDays(policy.inactiveDays())).isBefore(now)) {
            // 长期未使用的账号: closed until an admin unlocks it; the caller sees the usual refusal.
            events.publishEvent(new LoginAttempted(name, "inactive"));
            return Optional.empty();
        }
        if (account.isAdmin() && address != null && !fromAdminNetwork(policy, address)) {
            events.publishEvent(new LoginAttempted(name, "network-refused"));
            return Optional.empty();
        }
        SecondFactorRule.Stage stage = secondFactor == null ? SecondFactorRule.Stage.NONE : secondFactor.stageOf(account);
        String mustChange = mustChange(account, policy, exempt, now);
        if (stage != SecondFactorRule.Stage.NONE) {
            // The password is right; the session opens after the second step (SecondFactorController).
            events.publishEvent(new LoginAttempted(name, "second-factor-pending"));
        } else {
            accounts.recordSuccess(account.id());
            events.publishEvent(new LoginAttempted(name, mustChange == null ? "success" : "success-" + mustChange));
        }
        if (mustChange != null) {
            // A one-time, admin-set or expired password: a session that can do nothing but change it.
            var restricted = new StaffPrincipal(account.id(), account.username(), account.displayName(),
                    account.orgNodeId(), account.orgPath(), java.util.Set.of(), java.util.Set.of(CHANGE_PASSWORD_ONLY));
            return Optional.of(new Granted(restricted, Duration.ofMinutes(policy.adminIdleMinutes()), stage, exempt));
        }
        var principal = new StaffPrincipal(account.id(), account.username(), account.displayName(),
                account.orgNodeId(), account.orgPath(),
                account.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                accounts.permissionsOf(account.roles()));
        int idle = account.isAdmin() ? policy.adminIdleMinutes() : policy.idleMinutes();
        return Optional.of(new Granted(principal, Duration.ofMinutes(idle), stage, exempt));
    }

    /** Why the password must be changed first (one-time, admin-set, expired), or null. */
    private static String mustChange(Account account, SecurityPolicy policy, boolean exempt, Instant now) {
        if (account.oneTimePassword()) {
            return "one-time";
        }
        if (exempt) {
            return null;
        }
        if (account.passwordMustChange() && policy.firstLoginChange()) {
            return "must-change";
        }
        boolean expired = policy.expiryDays() > 0 && account.passwordChangedAt() != null
                && account.passwordChangedAt().plus(Duration.ofDays(policy.expiryDays())).isBefore(now);
        return expired ? "expired" : null;
    }

    private static boolean fromAdminNetwork(SecurityPolicy policy, String address) {
        var networks = policy.adminNetworkList();
        return networks.isEmpty() || networks.stream().anyMatch(n -> n.matches(address));
    }
}
