package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Joint recovery of a locked-out admin without the server's operator: the system admin asks for the security
 * admin's account, the audit admin approves; each gets half of a one-time password, so neither alone can log in.
 */
@HotlineTest
class JointRecoveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long audited(String action, String username, String actor) {
        return jdbc.sql("select count(*) from audit_event where action = ? and target = ? and actor = ?")
                .params(action, "account:" + username, actor).query(Long.class).single();
    }

    @Test
    void aSecondPowerAsksTheThirdApprovesAndOnlyBothHalvesTogetherLogIn() {
        var fresh = new FreshAccounts(port, jdbc);
        var lost = fresh.create("lost-sec", "SEC_ADMIN");
        jdbc.sql("update account set failed_logins = 5, locked_until = now() + interval '1 hour' where id = ?")
                .param(lost.id()).update();
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        var auditadmin = ApiClient.loggedIn(port, "auditadmin");
        var secadmin = ApiClient.loggedIn(port, "secadmin");

        var asked = sysadmin.post("/api/admin-recoveries", Map.of("username", lost.username(), "reason", "安全管理员忘记密码"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long id = asked.json().path("id").asLong();
        assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(sysadmin.post("/api/admin-recoveries", Map.of("username", lost.username(), "reason", "再次")).status())
                .as("one open request per account").isEqualTo(409);

        var byRequester = sysadmin.post("/api/admin-recoveries/" + id + "/approve", null);
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(byRequester.detail()).contains("三权分立", "审计管理员");
        assertThat(secadmin.post("/api/admin-recoveries/" + id + "/approve", null).status())
                .as("the target's own power does not approve").isEqualTo(403);
        assertThat(sysadmin.post("/api/admin-recoveries/" + id + "/requester-half", null).status())
                .as("nothing to read before approval").isEqualTo(409);

        var approved = auditadmin.post("/api/admin-recoveries/" + id + "/approve", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String second = approved.json().path("secondHalf").asString();
        var firstRead = sysadmin.post("/api/admin-recoveries/" + id + "/requester-half", null);
        assertThat(firstRead.status()).isEqualTo(200);
        String first = firstRead.json().path("firstHalf").asString();
        assertThat(sysadmin.post("/api/admin-recoveries/" + id + "/requester-half", null).status())
                .as("the first half is read once").isEqualTo(409);
        assertThat(auditadmin.post("/api/admin-recoveries/" + id + "/requester-half", null).status()).isEqualTo(404);
        assertThat(auditadmin.post("/api/admin-recoveries/" + id + "/approve", null).status()).isEqualTo(409);

        var client = ApiClient.fromOwnAddress(port);
        assertThat(client.login(lost.username(), first).status()).isEqualTo(401);
        assertThat(client.login(lost.username(), second).status()).isEqualTo(401);
        var restricted = client.login(lost.username(), first + second);
        assertThat(restricted.status()).isEqualTo(200);
        assertThat(restricted.json().path("permissions").toString()).isEqualTo("[\"password:change-only\"]");
        assertThat(client.post("/api/auth/password", Map.of("oldPassword", first + second,
                "newPassword", "Jointly-Back-2026")).status()).isEqualTo(204);
        var back = ApiClient.fromOwnAddress(port).login(lost.username(), "Jointly-Back-2026");
        assertThat(back.json().path("permissions").toString()).contains("role:grant");

        assertThat(audited("account.recovery-requested", lost.username(), "sysadmin")).isEqualTo(1);
        assertThat(audited("account.recovery-approved", lost.username(), "auditadmin")).isEqualTo(1);
        assertThat(audited("account.recovered", lost.username(), "auditadmin")).isEqualTo(1);
    }

    @Test
    void onlyAnotherPowerAsksOnlyForAdminsAndTheRequesterMayWithdraw() {
        var fresh = new FreshAccounts(port, jdbc);
        var lost = fresh.create("lost-aud", "AUDIT_ADMIN");
        var ordinary = fresh.create("not-admin", "QC_INSPECTOR");
        var peer = fresh.login(fresh.create("peer-aud", "AUDIT_ADMIN").username());
        var secadmin = ApiClient.loggedIn(port, "secadmin");

        var samePower = peer.post("/api/admin-recoveries", Map.of("username", lost.username(), "reason", "同类"));
        assertThat(samePower.status()).isEqualTo(409);
        assertThat(samePower.detail()).contains("三权分立");
        assertThat(secadmin.post("/api/admin-recoveries", Map.of("username", ordinary.username(), "reason", "普通账号"))
                .status()).isEqualTo(422);
        assertThat(ApiClient.loggedIn(port, "manager").post("/api/admin-recoveries",
                Map.of("username", lost.username(), "reason", "越权")).status()).isEqualTo(403);

        long id = secadmin.post("/api/admin-recoveries", Map.of("username", lost.username(), "reason", "审计管理员离职"))
                .json().path("id").asLong();
        assertThat(secadmin.post("/api/admin-recoveries/" + id + "/reject", null).status()).isEqualTo(204);
        assertThat(ApiClient.loggedIn(port, "sysadmin").post("/api/admin-recoveries/" + id + "/approve", null).status())
                .isEqualTo(409);
        assertThat(fresh.login(lost.username()).get("/api/auth/me").status()).as("password unchanged").isEqualTo(200);
    }
}
