package org.openhotline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 * The operator's way back into an admin account that no other admin may reset (三权分立): a one-time password
 * that opens only the change-password form, expires, and is audited.
 */
@HotlineTest
class AdminRecoveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdminRecovery recovery;

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

    @Test
    void aLockedOutSecurityAdminGetsAOneTimePasswordThatOnlyChangesThePassword() {
        var fresh = new FreshAccounts(port, jdbc);
        var admin = fresh.create("lost-sec", "SEC_ADMIN");
        jdbc.sql("update account set failed_logins = 5, locked_until = now() + interval '1 hour' where id = ?")
                .param(admin.id()).update();

        var oneTime = recovery.recover(admin.username());

        var client = ApiClient.fromOwnAddress(port);
        assertThat(client.login(admin.username(), FreshAccounts.PASSWORD).status()).as("the old password is gone")
                .isEqualTo(401);
        var restricted = client.login(admin.username(), oneTime.password());
        assertThat(restricted.status()).isEqualTo(200);
        assertThat(restricted.json().path("permissions").toString()).isEqualTo("[\"password:change-only\"]");
        assertThat(restricted.json().path("roles").size()).isZero();
        assertThat(client.get("/api/security/policy").status()).isEqualTo(403);
        assertThat(client.get("/api/org/tree").status()).as("not even reads a plain login may do").isEqualTo(403);

        assertThat(client.post("/api/auth/password", Map.of("oldPassword", oneTime.password(),
                "newPassword", "Recovered-2026x")).status()).isEqualTo(204);
        assertThat(client.get("/api/auth/me").status()).as("the restricted session ends").isEqualTo(401);
        var again = ApiClient.fromOwnAddress(port);
        assertThat(again.login(admin.username(), oneTime.password()).status()).isEqualTo(401);
        var full = again.login(admin.username(), "Recovered-2026x");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().path("permissions").toString()).contains("role:grant", "security:policy");

        long audited = jdbc.sql("select count(*) from audit_event where action = 'account.recovered' and target = ? and actor = 'operator'")
                .param("account:" + admin.username()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anUnusedOneTimePasswordExpires() {
        var admin = new FreshAccounts(port, jdbc).create("lost-aud", "AUDIT_ADMIN");
        var oneTime = recovery.recover(admin.username());
        var dayLater = new Logins(accounts, policies, encoder, events,
                Clock.offset(clock, AdminRecovery.VALID.plus(Duration.ofMinutes(1))));
        assertThat(dayLater.attempt(admin.username(), oneTime.password())).isEmpty();
        long expired = jdbc.sql("select count(*) from audit_event where actor = ? and details->>'outcome' = 'one-time-expired'")
                .param(admin.username()).query(Long.class).single();
        assertThat(expired).isEqualTo(1);
    }

    @Test
    void onlyAdminAccountsAreRecoveredThisWay() {
        var ordinary = new FreshAccounts(port, jdbc).create("not-admin", "QC_INSPECTOR");
        assertThatThrownBy(() -> recovery.recover(ordinary.username()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("只能恢复管理员账号");
        assertThat(ApiClient.fromOwnAddress(port).login(ordinary.username(), FreshAccounts.PASSWORD).status()).isEqualTo(200);
        assertThatThrownBy(() -> recovery.recover("no-such-account")).isInstanceOf(IllegalArgumentException.class);
    }
}
