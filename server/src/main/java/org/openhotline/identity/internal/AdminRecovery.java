package org.openhotline.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openhotline.identity.AccountChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a locked-out or forgotten admin account (system, security or audit admin) a one-time password. 三权分立
 * leaves no admin who may reset another power's account, so the way back is outside the application: the
 * operator who runs the server starts it with {@code --hotline.recover-admin=<username>}
 * ({@link AdminRecoveryCommand}). The password opens only the change-password form, expires after
 * {@link #VALID}, and the recovery is in the audit trail with the operator as actor. The other way back, with no
 * operator, is {@link JointRecoveries}: two admins of the other two powers together.
 */
@Service
class AdminRecovery {

    static final Duration VALID = Duration.ofHours(24);

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final SecurityPolicies policies;
    private final PasswordEncoder encoder;
    private final StaffSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecondFactors secondFactors;
    private final SecureRandom random = new SecureRandom();

    AdminRecovery(Accounts accounts, SecurityPolicies policies, PasswordEncoder encoder, StaffSessions sessions,
                  ApplicationEventPublisher events, Clock clock, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** A recovered admin account's one-time password and when it stops working. */
    record OneTimePassword(String username, String password, Instant expiresAt) {}

    /** The operator's command: a one-time password on an admin account, which is unlocked and enabled. */
    @Transactional
    OneTimePassword recover(String username) {
        Account account = accounts.byUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new IllegalArgumentException("没有用户名为 " + username + " 的账号"));
        if (!account.isAdmin()) {
            throw new IllegalArgumentException("只能恢复管理员账号（系统管理员、安全管理员、审计管理员）；"
                    + account.username() + " 的密码请由系统管理员在“账号管理”中重置");
        }
        return oneTimePassword(account, Map.of("by", "recovery-command"));
    }

    /** Sets a one-time password, unlocks and enables the account, ends its sessions; audited with {@code how}. */
    OneTimePassword oneTimePassword(Account account, Map<String, Object> how) {
        SecurityPolicy policy = policies.current();
        String password = generate(Math.max(20, policy.minLength()));
        policy.checkPassword(account.username(), password);
        Instant expiresAt = clock.instant().plus(VALID);
        accounts.setOneTimePassword(account.id(), encoder.encode(password), expiresAt);
        secondFactors.remove(account.id()); // a lost phone is a reason for recovery: the admin enrols anew
        accounts.reactivate(account.id());
        sessions.endAll(account.username());
        var details = new java.util.LinkedHashMap<String, Object>(how);
        details.put("expiresAt", expiresAt.toString());
        events.publishEvent(new AccountChanged(account.id(), account.username(), "recovered", details));
        return new OneTimePassword(account.username(), password, expiresAt);
    }

    /** Letters and digits without look-alikes, with a dash: four character classes whatever the draw. */
    private String generate(int length) {
        StringBuilder s = new StringBuilder("Ot-9");
        while (s.length() < length) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
