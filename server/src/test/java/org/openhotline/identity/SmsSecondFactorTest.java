package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhotline.notification.SmscSimulator;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19: an SMS code as the second factor of staff logins, set by the security admin per account or per role,
 * end to end through the CMPP simulator: 6 digits, 5 minutes, 5 tries, used once, sending limited per account,
 * audited; the admin powers keep their local login.
 */
@HotlineTest
class SmsSecondFactorTest {

    private static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final SmscSimulator smsc = SmscSimulator.shared();

    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    /** A production-like account (not demo) with a phone on file. */
    private FreshAccounts.Created account(String prefix, String phone, String... roles) {
        var created = new FreshAccounts(port, jdbc).create(prefix, roles);
        jdbc.sql("update account set demo = false, password_must_change = false, phone = ? where id = ?")
                .params(phone, created.id()).update();
        return created;
    }

    /** The {@code n}-th code SMS to {@code phone} (1-based), waiting for it. */
    private String code(String phone, int n) {
        String text = Wait.until("SMS code " + n + " to " + phone, () -> {
            var got = smsc.receivedBy(phone);
            return got.size() >= n ? got.get(n - 1).text() : null;
        }, Duration.ofSeconds(30), () -> smsc.receivedBy(phone).toString());
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    /** The account's codes moved so that the newest was sent now: "within the minute" holds however slow the machine. */
    private void justSent(long accountId) {
        jdbc.sql("""
                update account_sms_code set created_at = created_at
                       + (now() - (select max(created_at) from account_sms_code where account_id = ?))
                 where account_id = ?""").params(accountId, accountId).update();
    }

    private void backdateCodes(long accountId, Duration by) {
        jdbc.sql("update account_sms_code set created_at = created_at - make_interval(secs => ?) where account_id = ?")
                .params((double) by.toSeconds(), accountId).update();
    }

    @Test
    void theSecurityAdminSetsAnAccountAndItsLoginNeedsTheCodeSentBySms() {
        String phone = phone();
        var agent = account("sms-agent", phone, "AGENT");
        ApiClient secadmin = ApiClient.loggedIn(port, "secadmin");
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/security/sms-factor").status()).isEqualTo(403);
        var set = secadmin.put("/api/security/sms-factor/accounts/" + agent.username(), null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains(agent.username()).contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        var admin = secadmin.put("/api/security/sms-factor/accounts/sysadmin", null);
        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.detail()).contains("保留本地登录");
        assertThat(secadmin.put("/api/security/sms-factor/accounts/nobody-" + phone, null).status()).isEqualTo(404);

        // password → an SMS code, no session yet
        var client = ApiClient.fromOwnAddress(port);
        var first = client.login(agent.username(), FreshAccounts.PASSWORD);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("secondFactor").asString()).isEqualTo("sms");
        assertThat(first.json().path("phoneHint").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(client.get("/api/auth/me").status()).isEqualTo(401);
        String code = code(phone, 1);
        assertThat(jdbc.sql("select count(*) from account_sms_code where code_hash like ?").param("%" + code + "%")
                .query(Long.class).single()).as("only a hash is stored").isZero();

        var wrong = client.post("/api/auth/second-factor", Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.detail()).contains("短信验证码错误");
        justSent(agent.id());
        var tooSoon = client.post("/api/auth/second-factor/sms", null);
        assertThat(tooSoon.status()).as("one code a minute").isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isPresent();
        var ok = client.post("/api/auth/second-factor", Map.of("code", code));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("username").asString()).isEqualTo(agent.username());
        assertThat(client.get("/api/auth/me").status()).isEqualTo(200);

        // a spent code does not log in again; within the minute no new code is sent
        justSent(agent.id());
        var again = ApiClient.fromOwnAddress(port);
        var second = again.login(agent.username(), FreshAccounts.PASSWORD);
        assertThat(second.json().path("retryAfterSeconds").asLong()).isPositive();
        assertThat(again.post("/api/auth/second-factor", Map.of("code", code)).status()).isEqualTo(401);

        // a new code after the minute; an expired code is refused
        backdateCodes(agent.id(), Duration.ofSeconds(61));
        assertThat(again.post("/api/auth/second-factor/sms", null).status()).isEqualTo(200);
        String fresh = code(phone, 2);
        jdbc.sql("update account_sms_code set expires_at = now() - interval '1 second' where account_id = ?")
                .param(agent.id()).update();
        assertThat(again.post("/api/auth/second-factor", Map.of("code", fresh)).status()).as("5 minutes passed")
                .isEqualTo(401);
        jdbc.sql("update account set failed_logins = 0 where id = ?").param(agent.id()).update();

        // five wrong tries spend a code, even across two logins
        backdateCodes(agent.id(), Duration.ofSeconds(61));
        var third = ApiClient.fromOwnAddress(port);
        assertThat(third.login(agent.username(), FreshAccounts.PASSWORD).json().path("secondFactor").asString())
                .isEqualTo("sms");
        String last = code(phone, 3);
        String bad = last.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 3; i++) {
            assertThat(third.post("/api/auth/second-factor", Map.of("code", bad)).status()).isEqualTo(401);
        }
        jdbc.sql("update account set failed_logins = 0 where id = ?").param(agent.id()).update();
        justSent(agent.id());
        var fourth = ApiClient.fromOwnAddress(port);
        fourth.login(agent.username(), FreshAccounts.PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertThat(fourth.post("/api/auth/second-factor", Map.of("code", bad)).status()).isEqualTo(401);
        }
        assertThat(fourth.post("/api/auth/second-factor", Map.of("code", last)).status()).as("the fifth wrong try spent it")
                .isEqualTo(401);
        jdbc.sql("update account set failed_logins = 0 where id = ?").param(agent.id()).update();

        // five codes an hour
        for (int i = 0; i < 2; i++) {
            backdateCodes(agent.id(), Duration.ofSeconds(61));
            assertThat(fourth.post("/api/auth/second-factor/sms", null).status()).isEqualTo(200);
        }
        backdateCodes(agent.id(), Duration.ofSeconds(61));
        assertThat(fourth.post("/api/auth/second-factor/sms", null).status()).as("the sixth within the hour")
                .isEqualTo(429);

        // audited, and switched off again by the security admin
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'auth.sms-code-sent'")
                .param(agent.username()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'security.sms-factor' and target = ?")
                .param("account:" + agent.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(secadmin.delete("/api/security/sms-factor/accounts/" + agent.username()).status()).isEqualTo(200);
        var plain = ApiClient.fromOwnAddress(port);
        assertThat(plain.login(agent.username(), FreshAccounts.PASSWORD).json().path("username").asString())
                .isEqualTo(agent.username());
    }

    @Test
    void aRoleSetToSmsCoversItsHoldersButNeverTheAdminPowers() {
        ApiClient secadmin = ApiClient.loggedIn(port, "secadmin");
        var refused = secadmin.put("/api/security/sms-factor/roles", Map.of("roles", List.of("SEC_ADMIN")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).contains("安全管理员");
        assertThat(secadmin.put("/api/security/sms-factor/roles", Map.of("roles", List.of("NO_SUCH_ROLE"))).status())
                .isEqualTo(422);
        String phone = phone();
        var callback = account("sms-cb", phone, "CALLBACK_AGENT");
        String noPhone = account("sms-cb-nophone", phone(), "CALLBACK_AGENT").username();
        jdbc.sql("update account set phone = null where username = ?").param(noPhone).update();
        try {
            var set = secadmin.put("/api/security/sms-factor/roles", Map.of("roles", List.of("CALLBACK_AGENT")));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().path("roles").toString()).contains("CALLBACK_AGENT");
            var client = ApiClient.fromOwnAddress(port);
            assertThat(client.login(callback.username(), FreshAccounts.PASSWORD).json().path("secondFactor").asString())
                    .isEqualTo("sms");
            assertThat(client.post("/api/auth/second-factor", Map.of("code", code(phone, 1))).status()).isEqualTo(200);
            var none = ApiClient.fromOwnAddress(port).login(noPhone, FreshAccounts.PASSWORD);
            assertThat(none.status()).isEqualTo(409);
            assertThat(none.detail()).contains("未登记手机号");
        } finally {
            assertThat(secadmin.put("/api/security/sms-factor/roles", Map.of("roles", List.of())).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'security.sms-factor' and target = 'sms-factor:roles'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }
}
