package org.openhotline.callcenter.internal.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent who closes the browser while 示闲 is set 示忙 (客户端断开) once the desk's stream has been gone for the
 * grace (30 s); a reload that reconnects within the grace changes nothing. Time is moved by handing the check a
 * later instant. Own agent ccgone1 (工号 T972, extension 8272).
 */
@HotlineTest
class AbandonedDesksTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeskEvents desks;

    @Autowired
    AbandonedDesks abandoned;

    @Autowired
    Clock clock;

    static long agentId;
    ApiClient agent;

    @BeforeEach
    void agentReadyAtTheDesk() {
        if (agentId == 0) {
            var sysadmin = ApiClient.loggedIn(port, "sysadmin");
            long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
            var account = sysadmin.post("/api/accounts", Map.of("username", "ccgone1", "displayName", "测试坐席断开",
                    "orgNodeId", city, "password", ApiClient.DEMO_PASSWORD)).json();
            agentId = account.path("id").asLong();
            assertThat(ApiClient.loggedIn(port, "secadmin").put("/api/accounts/" + agentId + "/roles", Map.of("roles",
                    List.of("AGENT"), "version", account.path("version").asInt())).status()).isEqualTo(200);
            assertThat(ApiClient.loggedIn(port, "manager").put("/api/callcenter/admin/agents/" + agentId, Map.of(
                    "agentNo", "T972", "extension", "8272", "skills", Map.of())).status()).isEqualTo(200);
        }
        agent = ApiClient.loggedIn(port, "ccgone1");
    }

    @AfterEach
    void signOut() {
        agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        desks.forget(agentId);
    }

    /** Opens the desk's stream as the browser does and waits for its first event. */
    private Stream<String> openDesk(HttpClient http) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/api/callcenter/me/stream"))
                .header("Cookie", agent.sessionCookieHeader()).header("Accept", "text/event-stream").build();
        Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body();
        return lines;
    }

    private void goReady() {
        assertThat(agent.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
    }

    private void awaitStreamNoticedGone() {
        await("the closed desk is noticed").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            desks.heartbeat();
            return desks.abandoned().containsKey(agentId);
        });
    }

    @Test
    void aClosedBrowserSetsTheReadyAgentNotReadyAfterTheGrace() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            Stream<String> desk = openDesk(http);
            goReady();
            desk.close();
        }
        awaitStreamNoticedGone();
        var now = clock.instant();
        assertThat(abandoned.setNotReady(now.plusSeconds(5))).as("within the grace").isZero();
        assertThat(agent.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("READY");

        assertThat(abandoned.setNotReady(now.plusSeconds(31))).isEqualTo(1);
        var seat = agent.get("/api/callcenter/me").json();
        assertThat(seat.path("state").asString()).isEqualTo("NOT_READY");
        assertThat(seat.path("reason").asString()).isEqualTo("客户端断开");
    }

    @Test
    void aReloadThatReconnectsWithinTheGraceKeepsTheAgentReady() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            Stream<String> first = openDesk(http);
            goReady();
            first.close();
            awaitStreamNoticedGone();
            try (Stream<String> reloaded = openDesk(http)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !desks.abandoned().containsKey(agentId));
                assertThat(abandoned.setNotReady(clock.instant().plusSeconds(300))).isZero();
                assertThat(agent.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("READY");
            }
        }
    }
}
