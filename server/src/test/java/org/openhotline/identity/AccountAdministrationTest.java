package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The system admin's account actions and a user's change of their own password, each on a fresh account. */
@HotlineTest
class AccountAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private FreshAccounts fresh() {
        return new FreshAccounts(port, jdbc);
    }

    private long auditCount(String action, String username) {
        return jdbc.sql("select count(*) from audit_event where action = ? and target = ?")
                .params(action, "account:" + username).query(Long.class).single();
    }

    @Test
    void aDisabledAccountCannotLogInAndLosesItsSessionsUntilEnabledAgain() {
        var fresh = fresh();
        var account = fresh.create("dis", "QC_INSPECTOR");
        var session = fresh.login(account.username());
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");

        assertThat(sysadmin.post("/api/accounts/" + account.id() + "/disable", null).status()).isEqualTo(204);
        assertThat(session.get("/api/auth/me").status()).isEqualTo(401);
        var refused = ApiClient.fromOwnAddress(port).login(account.username(), FreshAccounts.PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.detail()).isEqualTo("用户名或密码错误");
        assertThat(sysadmin.get("/api/accounts/" + account.id()).json().path("enabled").asBoolean()).isFalse();

        assertThat(sysadmin.post("/api/accounts/" + account.id() + "/enable", null).status()).isEqualTo(204);
        assertThat(ApiClient.fromOwnAddress(port).login(account.username(), FreshAccounts.PASSWORD).status())
                .isEqualTo(200);
        assertThat(auditCount("account.disabled", account.username())).isEqualTo(1);
        assertThat(auditCount("account.enabled", account.username())).isEqualTo(1);
    }

    @Test
    void nobodyDisablesTheirOwnAccount() {
        var fresh = fresh();
        var admin = fresh.create("selfdis", "SYS_ADMIN");
        var refused = fresh.login(admin.username()).post("/api/accounts/" + admin.id() + "/disable", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).isEqualTo("不能停用或启用自己的账号");
    }

    @Test
    void editingChangesTheAccountOnceAndAStaleVersionIsRefused() {
        var account = fresh().create("edit", "QC_INSPECTOR");
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        var before = sysadmin.get("/api/accounts/" + account.id()).json();
        long node = before.path("orgNodeId").asLong();
        int version = before.path("version").asInt();

        var edited = sysadmin.put("/api/accounts/" + account.id(), Map.of("displayName", "改名后", "orgNodeId", node,
                "phone", "13800000000", "version", version));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("displayName").asString()).isEqualTo("改名后");
        assertThat(edited.json().path("phone").asString()).isEqualTo("13800000000");

        var stale = sysadmin.put("/api/accounts/" + account.id(), Map.of("displayName", "再改", "orgNodeId", node,
                "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).isEqualTo("该账号已被他人修改，请刷新后重试");
        assertThat(sysadmin.get("/api/accounts/" + account.id()).json().path("displayName").asString()).isEqualTo("改名后");
        assertThat(auditCount("account.updated", account.username())).isEqualTo(1);
    }

    @Test
    void movingAnAccountToAnotherNodeEndsItsSessions() {
        var fresh = fresh();
        var account = fresh.create("move", "QC_INSPECTOR");
        var session = fresh.login(account.username());
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        int version = sysadmin.get("/api/accounts/" + account.id()).json().path("version").asInt();
        long district = jdbc.sql("select id from org_node where kind = 'DISTRICT' order by id limit 1").query(Long.class).single();

        var moved = sysadmin.put("/api/accounts/" + account.id(), Map.of("displayName", "测试账号", "orgNodeId", district,
                "version", version));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("orgNodeId").asLong()).isEqualTo(district);
        assertThat(session.get("/api/auth/me").status()).as("a new node is a new data scope").isEqualTo(401);
    }

    @Test
    void aResetPasswordMustFollowThePolicyAndReplacesTheOldOne() {
        var fresh = fresh();
        var account = fresh.create("rst", "QC_INSPECTOR");
        var session = fresh.login(account.username());
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");

        var weak = sysadmin.post("/api/accounts/" + account.id() + "/reset-password", Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.detail()).isEqualTo("密码长度至少 10 位");
        var noClasses = sysadmin.post("/api/accounts/" + account.id() + "/reset-password", Map.of("password", "abcdefghijkl"));
        assertThat(noClasses.status()).isEqualTo(422);
        assertThat(noClasses.detail()).contains("至少三类");
        assertThat(session.get("/api/auth/me").status()).as("a refused reset changes nothing").isEqualTo(200);

        assertThat(sysadmin.post("/api/accounts/" + account.id() + "/reset-password",
                Map.of("password", "Reset-Pass-2026")).status()).isEqualTo(204);
        assertThat(session.get("/api/auth/me").status()).isEqualTo(401);
        var client = ApiClient.fromOwnAddress(port);
        assertThat(client.login(account.username(), FreshAccounts.PASSWORD).status()).isEqualTo(401);
        assertThat(client.login(account.username(), "Reset-Pass-2026").status()).isEqualTo(200);
        assertThat(auditCount("account.password-reset", account.username())).isEqualTo(1);
    }

    @Test
    void anAdminChangesTheirOwnPasswordOnlyWithTheOldOne() {
        var fresh = fresh();
        var admin = fresh.create("selfrst", "SYS_ADMIN");
        var refused = fresh.login(admin.username()).post("/api/accounts/" + admin.id() + "/reset-password",
                Map.of("password", "Reset-Pass-2026"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("修改密码");
        assertThat(ApiClient.fromOwnAddress(port).login(admin.username(), FreshAccounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void changingOneOwnPasswordChecksTheOldOneAndThePolicy() {
        var fresh = fresh();
        var account = fresh.create("chg", "QC_INSPECTOR");
        var session = fresh.login(account.username());

        var wrongOld = session.post("/api/auth/password", Map.of("oldPassword", "Not-My-Pass-1", "newPassword", "New-Pass-2026x"));
        assertThat(wrongOld.status()).isEqualTo(422);
        assertThat(wrongOld.detail()).isEqualTo("原密码不正确");
        var weak = session.post("/api/auth/password", Map.of("oldPassword", FreshAccounts.PASSWORD, "newPassword", "weakweak"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.detail()).isEqualTo("密码长度至少 10 位");
        var same = session.post("/api/auth/password", Map.of("oldPassword", FreshAccounts.PASSWORD, "newPassword", FreshAccounts.PASSWORD));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.detail()).isEqualTo("新密码不能与原密码相同");
        var withName = session.post("/api/auth/password", Map.of("oldPassword", FreshAccounts.PASSWORD,
                "newPassword", "X1!" + account.username()));
        assertThat(withName.status()).isEqualTo(422);
        assertThat(withName.detail()).isEqualTo("密码不能包含用户名");
        var blank = session.post("/api/auth/password", Map.of("oldPassword", "", "newPassword", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.detail()).startsWith("请检查填写的内容");

        assertThat(session.post("/api/auth/password", Map.of("oldPassword", FreshAccounts.PASSWORD,
                "newPassword", "New-Pass-2026x")).status()).isEqualTo(204);
        var client = ApiClient.fromOwnAddress(port);
        assertThat(client.login(account.username(), FreshAccounts.PASSWORD).status()).isEqualTo(401);
        assertThat(client.login(account.username(), "New-Pass-2026x").status()).isEqualTo(200);
        assertThat(auditCount("account.password-changed", account.username())).isEqualTo(1);
    }
}
