package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class LoginTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loginAnswersWhoIAmWithTheMenuOfMyRoles() {
        var agent = ApiClient.loggedIn(port, "agent2");
        var me = agent.get("/api/auth/me").json();
        assertThat(me.path("username").asString()).isEqualTo("agent2");
        assertThat(me.path("roles").get(0).path("code").asString()).isEqualTo("AGENT");
        assertThat(me.path("permissions").toString()).contains("workorder:intake").doesNotContain("account:manage");
        assertThat(me.path("menu").toString()).contains("部门黄页").doesNotContain("账号管理", "审计日志");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSessionsLiveInPostgres() {
        // An agent of its own: the demo agents keep up to three sessions of other tests (and of a first try) alive.
        String username = new FreshAccounts(port, jdbc).create("session", "AGENT").username();
        var client = new ApiClient(port);
        var response = client.login(username, FreshAccounts.PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        long sessions = jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(username).query(Long.class).single();
        assertThat(sessions).isEqualTo(1);
        int idle = jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
                .param(username).query(Integer.class).single();
        assertThat(idle).isEqualTo(30 * 60);
    }

    @Test
    void adminSessionsTimeOutAfterFifteenMinutes() {
        ApiClient.loggedIn(port, "auditadmin");
        int idle = jdbc.sql("select max(max_inactive_interval) from spring_session where principal_name = 'auditadmin'")
                .query(Integer.class).single();
        assertThat(idle).isEqualTo(15 * 60);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        var client = ApiClient.fromOwnAddress(port);
        var wrong = client.login("agent4", "Wrong-Password-1");
        var unknown = client.login("nobody-here", "Wrong-Password-1");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.detail()).isEqualTo("用户名或密码错误").isEqualTo(unknown.detail());
    }

    @Test
    void fiveConsecutiveFailuresLockTheAccountWithTheSameMessage() {
        String username = new FreshAccounts(port, jdbc).create("lock", "QC_INSPECTOR").username();
        var client = ApiClient.fromOwnAddress(port);
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(username, "Wrong-Password-" + i).detail()).isEqualTo("用户名或密码错误");
        }
        var correctButLocked = client.login(username, FreshAccounts.PASSWORD);
        assertThat(correctButLocked.status()).isEqualTo(401);
        assertThat(correctButLocked.detail()).isEqualTo("用户名或密码错误");
        long lockouts = jdbc.sql("select count(*) from audit_event where action = 'auth.lockout' and actor = ?")
                .param(username).query(Long.class).single();
        assertThat(lockouts).isEqualTo(1);
        long failures = jdbc.sql("select count(*) from audit_event where action in ('auth.login-failed', 'auth.lockout') and actor = ? and result = 'FAILURE'")
                .param(username).query(Long.class).single();
        assertThat(failures).isEqualTo(6);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String username = new FreshAccounts(port, jdbc).create("reset", "QC_INSPECTOR").username();
        var client = ApiClient.fromOwnAddress(port);
        for (int i = 0; i < 4; i++) {
            client.login(username, "Wrong-Password-" + i);
        }
        assertThat(client.login(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
        var other = ApiClient.fromOwnAddress(port);
        for (int i = 0; i < 4; i++) {
            other.login(username, "Wrong-Password-" + i);
        }
        assertThat(other.login(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        // An account of its own: a demo agent's logouts by other tests (or by a first try) would be counted too.
        var accounts = new FreshAccounts(port, jdbc);
        String username = accounts.create("logout", "AGENT").username();
        var client = accounts.login(username);
        assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(client.get("/api/auth/me").status()).isEqualTo(401);
        long logouts = jdbc.sql("select count(*) from audit_event where action = 'auth.logout' and actor = ?")
                .param(username).query(Long.class).single();
        assertThat(logouts).isEqualTo(1);
    }

    @Test
    void stateChangingRequestsWithoutTheCsrfTokenAreRefused() throws Exception {
        var client = ApiClient.loggedIn(port, "sysadmin");
        var raw = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.baseUrl() + "/api/auth/logout"))
                .header("Cookie", client.sessionCookieHeader())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = raw.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("安全校验失败");
        // the same request from the logged-in client carries the token and passes
        assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminCanEndAnotherUsersSessions() {
        var agent = ApiClient.loggedIn(port, "agent6");
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long id = jdbc.sql("select id from account where username = 'agent6'").query(Long.class).single();
        var ended = sysadmin.post("/api/accounts/" + id + "/end-sessions", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("ended").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(agent.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void unauthenticatedCallsGetAChineseProblem() {
        var response = new ApiClient(port).get("/api/accounts");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.detail()).isEqualTo("请先登录");
    }
}
