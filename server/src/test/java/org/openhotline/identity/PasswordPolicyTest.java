package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** Issue 19: the password and session rules of the security policy, on accounts that are not demo accounts. */
@HotlineTest
class PasswordPolicyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Not a demo account; {@code chosen}: its holder already replaced the admin's password. */
    private FreshAccounts.Created real(String prefix, boolean chosen, String... roles) {
        var created = new FreshAccounts(port, jdbc).create(prefix, roles);
        jdbc.sql("update account set demo = false, password_must_change = ? where id = ?").params(!chosen, created.id()).update();
        return created;
    }

    /**
     * Runs {@code test} with policy fields changed by the security admin, then puts them back (the test context starts
     * as a demo installation: no first-login change, no session limit).
     */
    private void withPolicy(Map<String, Object> changes, Runnable test) {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        var before = (ObjectNode) secadmin.get("/api/security/policy").json();
        var changed = before.deepCopy();
        changes.forEach((k, v) -> changed.putPOJO(k, v));
        var set = secadmin.put("/api/security/policy", changed);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            test.run();
        } finally {
            var now = (ObjectNode) secadmin.get("/api/security/policy").json();
            changes.keySet().forEach(k -> now.set(k, before.get(k)));
            assertThat(secadmin.put("/api/security/policy", now).status()).isEqualTo(200);
        }
    }

    private String outcome(String username) {
        return jdbc.sql("select details->>'outcome' from audit_event where actor = ? and action like 'auth.%' order by id desc limit 1")
                .param(username).query(String.class).single();
    }

    @Test
    void commonAndOverlongPasswordsAreRefused() {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        var common = sysadmin.post("/api/accounts", Map.of("username", "weak-pw-" + System.nanoTime() % 100000,
                "displayName", "弱密码", "orgNodeId", city, "password", "Password@123"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.detail()).contains("常见弱密码");
        var overlong = sysadmin.post("/api/accounts", Map.of("username", "long-pw-" + System.nanoTime() % 100000,
                "displayName", "超长密码", "orgNodeId", city, "password", "Aa1!".repeat(17)));
        assertThat(overlong.status()).isEqualTo(422);
        assertThat(overlong.detail()).isEqualTo("密码长度最多 64 位");
    }

    @Test
    void anAccountCreatedByTheAdminChangesItsPasswordFirstAndMayNotReuseTheLastFive() {
        withPolicy(Map.of("firstLoginChange", true), this::firstLoginAndHistory);
    }

    private void firstLoginAndHistory() {
        var account = real("first", false, "QC_INSPECTOR");
        var client = ApiClient.fromOwnAddress(port);
        var login = client.login(account.username(), FreshAccounts.PASSWORD);
        assertThat(login.json().path("permissions").toString()).isEqualTo("[\"password:change-only\"]");
        assertThat(outcome(account.username())).isEqualTo("success-must-change");

        String[] passwords = {"Chosen-Pass-01x", "Chosen-Pass-02x", "Chosen-Pass-03x", "Chosen-Pass-04x"};
        String current = FreshAccounts.PASSWORD;
        for (String next : passwords) {
            var changed = client.post("/api/auth/password", Map.of("oldPassword", current, "newPassword", next));
            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
            current = next;
            client = ApiClient.fromOwnAddress(port);
            assertThat(client.login(account.username(), current).json().path("permissions").toString())
                    .contains("qc:inspect");
        }
        var reused = client.post("/api/auth/password", Map.of("oldPassword", current, "newPassword", FreshAccounts.PASSWORD));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.detail()).contains("最近 5 次");
        var older = client.post("/api/auth/password", Map.of("oldPassword", current, "newPassword", passwords[0]));
        assertThat(older.status()).isEqualTo(422);

        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        assertThat(sysadmin.post("/api/accounts/" + account.id() + "/reset-password",
                Map.of("password", "Reset-Pass-2026x")).status()).isEqualTo(204);
        assertThat(ApiClient.fromOwnAddress(port).login(account.username(), "Reset-Pass-2026x").json()
                .path("permissions").toString()).as("a reset password is changed at the next login too")
                .isEqualTo("[\"password:change-only\"]");
    }

    @Test
    void anExpiredPasswordOpensOnlyTheChangeForm() {
        var account = real("expired", true, "QC_INSPECTOR");
        jdbc.sql("update account set password_changed_at = now() - interval '91 days' where id = ?").param(account.id()).update();
        var login = ApiClient.fromOwnAddress(port).login(account.username(), FreshAccounts.PASSWORD);
        assertThat(login.json().path("permissions").toString()).isEqualTo("[\"password:change-only\"]");
        assertThat(outcome(account.username())).isEqualTo("success-expired");
    }

    @Test
    void anAccountUnusedForNinetyDaysIsLockedUntilAnAdminUnlocksIt() {
        var account = real("idle", true, "QC_INSPECTOR");
        jdbc.sql("update account set created_at = now() - interval '120 days', last_login_at = now() - interval '100 days' where id = ?")
                .param(account.id()).update();
        var refused = ApiClient.fromOwnAddress(port).login(account.username(), FreshAccounts.PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.detail()).isEqualTo("用户名或密码错误");
        assertThat(outcome(account.username())).isEqualTo("inactive");
        assertThat(ApiClient.loggedIn(port, "sysadmin").post("/api/accounts/" + account.id() + "/unlock", null).status())
                .isEqualTo(204);
        assertThat(ApiClient.fromOwnAddress(port).login(account.username(), FreshAccounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aFourthLoginEndsTheOldestSession() {
        withPolicy(Map.of("maxSessions", 3), this::fourSessions);
    }

    private void fourSessions() {
        var account = real("sessions", true, "QC_INSPECTOR");
        var first = new FreshAccounts(port, jdbc).login(account.username());
        var second = new FreshAccounts(port, jdbc).login(account.username());
        var third = new FreshAccounts(port, jdbc).login(account.username());
        var fourth = new FreshAccounts(port, jdbc).login(account.username());
        assertThat(first.get("/api/auth/me").status()).as("the oldest").isEqualTo(401);
        for (var client : new ApiClient[] {second, third, fourth}) {
            assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(account.username())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void adminsLogInOnlyFromTheAllowedNetworks() {
        var admin = real("net-admin", true, "AUDIT_ADMIN");
        var agent = real("net-agent", true, "QC_INSPECTOR");
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        var policy = (ObjectNode) secadmin.get("/api/security/policy").json();
        assertThat(secadmin.put("/api/security/policy", policy.put("adminNetworks", "10.0.0.0/33")).status())
                .isEqualTo(422);
        withPolicy(Map.of("adminNetworks", "10.0.0.0/8, 192.168.5.10"), () -> {
            var refused = ApiClient.fromOwnAddress(port).login(admin.username(), FreshAccounts.PASSWORD);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(outcome(admin.username())).isEqualTo("network-refused");
            assertThat(ApiClient.fromOwnAddress(port).login(agent.username(), FreshAccounts.PASSWORD).status())
                    .as("only the admin roles").isEqualTo(200);
        });
        assertThat(ApiClient.fromOwnAddress(port).login(admin.username(), FreshAccounts.PASSWORD).json()
                .path("secondFactor").asString()).isEqualTo("enrol");
    }
}
