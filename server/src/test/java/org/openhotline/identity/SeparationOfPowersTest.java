package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 三权分立: system, security and audit admin power never meet in one account. */
@HotlineTest
class SeparationOfPowersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private int versionOf(ApiClient client, long id) {
        return client.get("/api/accounts/" + id).json().path("version").asInt();
    }

    @Test
    void onlyTheSecurityAdminGrantsRoles() {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long id = idOf("qc1");
        var refused = sysadmin.put("/api/accounts/" + id + "/roles", Map.of("roles", List.of("QC_INSPECTOR", "AGENT"), "version", 0));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).isEqualTo("您没有执行此操作的权限");
    }

    @Test
    void noAccountHoldsTwoAdminPowers() {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        long id = idOf("leader");
        var refused = secadmin.put("/api/accounts/" + id + "/roles",
                Map.of("roles", List.of("SYS_ADMIN", "AUDIT_ADMIN"), "version", versionOf(secadmin, id)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("三权分立");
        var sysadminId = idOf("sysadmin");
        var second = secadmin.put("/api/accounts/" + sysadminId + "/roles",
                Map.of("roles", List.of("SYS_ADMIN", "AUDIT_ADMIN"), "version", versionOf(secadmin, sysadminId)));
        assertThat(second.status()).isEqualTo(403); // the system admin's account is out of the security admin's reach
        assertThat(second.detail()).contains("三权分立");
    }

    @Test
    void theDatabaseItselfRefusesASecondAdminPower() {
        long id = idOf("sysadmin");
        assertThatThrownBy(() -> jdbc.sql("insert into account_role (account_id, role) values (?, 'AUDIT_ADMIN')")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        long id = idOf("secadmin");
        var refused = secadmin.put("/api/accounts/" + id + "/roles",
                Map.of("roles", List.of("SEC_ADMIN", "MANAGER"), "version", versionOf(secadmin, id)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("不能修改自己的角色");
    }

    @Test
    void grantedRolesApplyAtTheNextLoginAndAreAudited() {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        var fresh = new FreshAccounts(port, jdbc);
        var account = fresh.create("grant");
        var agent = fresh.login(account.username());
        long id = account.id();
        var granted = secadmin.put("/api/accounts/" + id + "/roles",
                Map.of("roles", List.of("AGENT", "CALLBACK_AGENT"), "version", versionOf(secadmin, id)));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(agent.get("/api/auth/me").status()).isEqualTo(401); // old session ended
        var again = fresh.login(account.username());
        assertThat(again.get("/api/auth/me").json().path("permissions").toString()).contains("workorder:callback");
        long audited = jdbc.sql("select count(*) from audit_event where action = 'account.roles-granted' and target = ? and actor = 'secadmin'")
                .param("account:" + account.username()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void adminPermissionsCannotBeGivenToAnotherRole() {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        var refused = secadmin.put("/api/roles/MANAGER/permissions", Map.of("permissions", List.of("report:read", "audit:read")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("三权分立");
        var adminRole = secadmin.put("/api/roles/AUDIT_ADMIN/permissions", Map.of("permissions", List.of()));
        assertThat(adminRole.status()).isEqualTo(409);
    }

    @Test
    void onlyTheAuditAdminReadsTheTrail() {
        assertThat(ApiClient.loggedIn(port, "sysadmin").get("/api/audit").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "secadmin").get("/api/audit").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "manager").get("/api/audit").status()).isEqualTo(403);
        var audit = ApiClient.loggedIn(port, "auditadmin").get("/api/audit?actor=sysadmin&action=auth.login");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().path("total").asLong()).isPositive();
    }

    @Test
    void theSecurityAdminSetsThePolicyAndTheSystemAdminCannot() {
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        var policy = secadmin.get("/api/security/policy").json();
        assertThat(policy.path("maxFailures").asInt()).isEqualTo(5);
        assertThat(ApiClient.loggedIn(port, "sysadmin").get("/api/security/policy").status()).isEqualTo(403);
        var bad = secadmin.put("/api/security/policy", Map.of("minLength", 4, "maxFailures", 5, "lockMinutes", 15,
                "idleMinutes", 30, "adminIdleMinutes", 15, "version", policy.path("version").asInt()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.detail()).contains("密码最小长度");
    }
}
