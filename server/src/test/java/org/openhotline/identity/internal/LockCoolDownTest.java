package org.openhotline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openhotline.identity.FreshAccounts;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The per-account lock is a cool-down: a stranger who locks a system admin by guessing delays them by the
 * policy's lock minutes, not for ever. Time is moved by giving {@link Logins} the platform's clock shifted.
 */
@HotlineTest
class LockCoolDownTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SecurityPolicies policies;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    private Logins loginsAt(Duration later) {
        return new Logins(accounts, policies, encoder, events, Clock.offset(clock, later));
    }

    @Test
    void anAttackerWhoLocksASystemAdminOnlyDelaysThemByTheCoolDown() {
        String admin = new FreshAccounts(port, jdbc).create("locked-admin", "SYS_ADMIN").username();
        var attacker = ApiClient.fromOwnAddress(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login(admin, "Guess-Password-" + i).status()).isEqualTo(401);
        }
        assertThat(ApiClient.fromOwnAddress(port).login(admin, FreshAccounts.PASSWORD).status())
                .as("locked: even the right password is refused").isEqualTo(401);

        Duration coolDown = Duration.ofMinutes(policies.current().lockMinutes());
        assertThat(loginsAt(coolDown.minusMinutes(1)).attempt(admin, FreshAccounts.PASSWORD))
                .as("a minute before the cool-down ends").isEmpty();
        assertThat(loginsAt(coolDown.plusSeconds(1)).attempt(admin, FreshAccounts.PASSWORD))
                .as("once the cool-down has passed").isPresent();

        assertThat(jdbc.sql("select locked_until is null and failed_logins = 0 from account where username = ?")
                .param(admin).query(Boolean.class).single()).isTrue();
        long expired = jdbc.sql("select count(*) from audit_event where action = 'auth.lock-expired' and actor = ?")
                .param(admin).query(Long.class).single();
        assertThat(expired).isEqualTo(1);
        long stillLocked = jdbc.sql("select count(*) from audit_event where action = 'auth.login-failed' and actor = ? and details->>'outcome' = 'still-locked'")
                .param(admin).query(Long.class).single();
        assertThat(stillLocked).isEqualTo(2);
    }
}
