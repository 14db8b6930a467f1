package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.identity.internal.mfa.Totp;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 19: TOTP second factor for the admin roles, enrolment with a QR code, recovery codes, single use. */
@HotlineTest
class SecondFactorLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** An account as production has them: not a demo account, its password already chosen by its holder. */
    private FreshAccounts.Created real(String prefix, String... roles) {
        var created = new FreshAccounts(port, jdbc).create(prefix, roles);
        jdbc.sql("update account set demo = false, password_must_change = false where id = ?").param(created.id()).update();
        return created;
    }

    private String code(String secret, int stepsAhead) {
        return Totp.code(secret, Totp.step(clock.instant()) + stepsAhead);
    }

    @Test
    void anAdminEnrolsAtFirstLoginThenNeedsACodeThatWorksOnce() {
        var admin = real("mfa-sys", "SYS_ADMIN");
        var client = ApiClient.fromOwnAddress(port);
        var first = client.login(admin.username(), FreshAccounts.PASSWORD);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("secondFactor").asString()).isEqualTo("enrol");
        assertThat(first.json().path("enrolmentDue").asBoolean()).isTrue();
        assertThat(client.get("/api/auth/me").status()).as("no session before the second step").isEqualTo(401);
        assertThat(client.post("/api/auth/second-factor", Map.of("code", "123456")).status()).isEqualTo(409);

        var enrolment = client.post("/api/auth/second-factor/enrolment", null);
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
        String secret = enrolment.json().path("secret").asString();
        assertThat(enrolment.json().path("uri").asString()).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThat(enrolment.json().path("qrCode").asString()).startsWith("data:image/png;base64,");
        assertThat(client.post("/api/auth/second-factor/enrolment/confirm", Map.of("code", "000000")).status())
                .isEqualTo(422);
        var confirmed = client.post("/api/auth/second-factor/enrolment/confirm", Map.of("code", code(secret, 0)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("recoveryCodes").size()).isEqualTo(10);
        assertThat(confirmed.json().path("me").path("permissions").toString()).contains("account:manage");
        assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
        String recovery = confirmed.json().path("recoveryCodes").get(0).asString();

        var again = ApiClient.fromOwnAddress(port);
        assertThat(again.login(admin.username(), FreshAccounts.PASSWORD).json().path("secondFactor").asString())
                .isEqualTo("code");
        assertThat(again.post("/api/auth/second-factor", Map.of("code", code(secret, 0))).status())
                .as("the code used at enrolment is spent").isEqualTo(401);
        var second = again.post("/api/auth/second-factor", Map.of("code", code(secret, 1)));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("username").asString()).isEqualTo(admin.username());
        assertThat(again.get("/api/accounts?size=1").status()).isEqualTo(200);

        var replay = ApiClient.fromOwnAddress(port);
        replay.login(admin.username(), FreshAccounts.PASSWORD);
        assertThat(replay.post("/api/auth/second-factor", Map.of("code", code(secret, 1))).status())
                .as("a used code is refused a second time").isEqualTo(401);
        assertThat(replay.post("/api/auth/second-factor", Map.of("code", recovery)).status()).isEqualTo(200);
        var reuse = ApiClient.fromOwnAddress(port);
        reuse.login(admin.username(), FreshAccounts.PASSWORD);
        assertThat(reuse.post("/api/auth/second-factor", Map.of("code", recovery)).status())
                .as("a recovery code works once").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
                .param(admin.id()).query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and details->>'outcome' = 'second-factor-failed'")
                .param(admin.username()).query(Long.class).single()).isEqualTo(3);
        jdbc.sql("update account set failed_logins = 0 where id = ?").param(admin.id()).update();
    }

    @Test
    void othersLogInWithThePasswordAloneUntilTheyEnrolAndTheSystemAdminResetsTheFactor() {
        var agent = real("mfa-opt", "QC_INSPECTOR");
        var client = ApiClient.fromOwnAddress(port);
        var login = client.login(agent.username(), FreshAccounts.PASSWORD);
        assertThat(login.json().path("username").asString()).isEqualTo(agent.username());
        assertThat(client.get("/api/auth/second-factor").json().path("required").asBoolean()).isFalse();
        String secret = client.post("/api/auth/second-factor/enrolment", null).json().path("secret").asString();
        assertThat(client.post("/api/auth/second-factor/enrolment/confirm", Map.of("code", code(secret, 0))).status())
                .isEqualTo(200);
        assertThat(client.get("/api/auth/second-factor").json().path("enrolled").asBoolean()).isTrue();
        assertThat(ApiClient.fromOwnAddress(port).login(agent.username(), FreshAccounts.PASSWORD).json()
                .path("secondFactor").asString()).as("an enrolled account always needs its code").isEqualTo("code");

        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        assertThat(sysadmin.post("/api/accounts/" + agent.id() + "/reset-second-factor", null).status()).isEqualTo(204);
        assertThat(client.get("/api/auth/me").status()).as("the reset ends the sessions").isEqualTo(401);
        assertThat(ApiClient.fromOwnAddress(port).login(agent.username(), FreshAccounts.PASSWORD).json()
                .path("username").asString()).isEqualTo(agent.username());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.second-factor-reset' and target = ?")
                .param("account:" + agent.username()).query(Long.class).single()).isEqualTo(1);

        var secAdmin = real("mfa-sec", "SEC_ADMIN");
        var refused = sysadmin.post("/api/accounts/" + secAdmin.id() + "/reset-second-factor", null);
        assertThat(refused.status()).as("三权分立").isEqualTo(403);
    }

    @Test
    void demoAccountsAreExemptWhileDemoIsOn() {
        var login = new ApiClient(port).login("secadmin", ApiClient.DEMO_PASSWORD);
        assertThat(login.json().path("username").asString()).isEqualTo("secadmin");
    }
}
