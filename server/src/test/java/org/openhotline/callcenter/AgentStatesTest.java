package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class AgentStatesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void anAgentSignsInGoesReadyTakesABreakAndEveryStepIsLogged() {
        var agent = ApiClient.loggedIn(port, "agent1");
        // other tests write states of agent1 too (machine inspection scripts holds): only this test's rows count
        long before = jdbc.sql("select coalesce(max(id), 0) from cc_agent_state_log where account_id = ?")
                .param(idOf("agent1")).query(Long.class).single();
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).detail()).isEqualTo("请先签入");
        var signedIn = agent.post("/api/callcenter/me/sign-in", Map.of());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("state").asString()).isEqualTo("NOT_READY");
        assertThat(signedIn.json().path("extension").asString()).isEqualTo("8001");
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).json().path("stateLabel").asString()).isEqualTo("示闲");
        var noReason = agent.post("/api/callcenter/me/state", Map.of("state", "BREAK"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.detail()).contains("请选择小休原因");
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "BREAK", "reason", "就餐")).status()).isEqualTo(200);
        var notChoosable = agent.post("/api/callcenter/me/state", Map.of("state", "TALKING"));
        assertThat(notChoosable.status()).isEqualTo(422);
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT")).status()).isEqualTo(200);
        var states = jdbc.sql("select state from cc_agent_state_log where account_id = ? and id > ? order by id")
                .params(idOf("agent1"), before).query(String.class).list();
        assertThat(states).containsExactly("NOT_READY", "READY", "BREAK", "SIGNED_OUT");
        long open = jdbc.sql("select count(*) from cc_agent_state_log where account_id = ? and ended_at is null")
                .param(idOf("agent1")).query(Long.class).single();
        assertThat(open).isEqualTo(1);
    }

    @Test
    void theTeamLeaderForcesAStateAndTheSeatWallShowsIt() {
        var agent = ApiClient.loggedIn(port, "agent2");
        agent.post("/api/callcenter/me/sign-in", Map.of());
        agent.post("/api/callcenter/me/state", Map.of("state", "READY"));
        var leader = ApiClient.loggedIn(port, "teamleader1");
        var forced = leader.post("/api/callcenter/seat-wall/agents/" + idOf("agent2") + "/force", Map.of("state", "NOT_READY", "reason", "质检辅导"));
        assertThat(forced.status()).isEqualTo(200);
        var wall = leader.get("/api/callcenter/seat-wall").json();
        var tile = java.util.stream.StreamSupport.stream(wall.path("agents").spliterator(), false)
                .filter(a -> a.path("accountId").asLong() == idOf("agent2")).findFirst().orElseThrow();
        assertThat(tile.path("state").asString()).isEqualTo("NOT_READY");
        assertThat(tile.path("reason").asString()).isEqualTo("班长强制：质检辅导");
        assertThat(wall.path("queues").toString()).contains("综合咨询", "社保医保公积金");
        assertThat(agent.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("NOT_READY");
    }

    @Test
    void onlyTeamLeadersWatchTheSeatWall() {
        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/callcenter/seat-wall").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "zjj1").get("/api/callcenter/me").status()).isEqualTo(403);
    }

    @Test
    void stateChangesArePushedToTheSeatWallStream() throws Exception {
        var leader = ApiClient.loggedIn(port, "teamleader1");
        var request = HttpRequest.newBuilder(URI.create(leader.baseUrl() + "/api/callcenter/seat-wall/stream"))
                .header("Cookie", leader.sessionCookieHeader()).header("Accept", "text/event-stream").build();
        CompletableFuture<String> pushed = new CompletableFuture<>();
        // The stream is closed at the end (the client and the body), so no seat-wall subscription outlives this test.
        try (HttpClient http = HttpClient.newHttpClient();
             var lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            Thread.ofVirtual().start(() -> {
                String[] event = {""};
                lines.filter(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    }
                    return event[0].equals("agent") && line.startsWith("data:") && line.contains("\"agentNo\":\"1004\"")
                            && line.contains("\"state\":\"READY\"");
                }).findFirst().ifPresent(pushed::complete);
            });
            var agent = ApiClient.loggedIn(port, "agent4");
            agent.post("/api/callcenter/me/sign-in", Map.of());
            long before = System.nanoTime();
            agent.post("/api/callcenter/me/state", Map.of("state", "READY"));
            assertThat(pushed.get(5, TimeUnit.SECONDS)).contains("示闲");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
    }

    @Test
    void blacklistingACallerIsAuditedWithAMaskedNumber() {
        var agent = ApiClient.loggedIn(port, "agent5");
        var added = agent.post("/api/callcenter/admin/blacklist", Map.of("number", "13800001111", "reason", "恶意骚扰"));
        assertThat(added.status()).isEqualTo(201);
        var missingReason = agent.post("/api/callcenter/admin/blacklist", Map.of("number", "13800001112"));
        assertThat(missingReason.status()).isEqualTo(400);
        String target = jdbc.sql("select target from audit_event where action = 'callcenter.blacklist-added' order by id desc limit 1")
                .query(String.class).single();
        assertThat(target).isEqualTo("number:138****1111");
    }

    @Test
    void invalidIvrFlowsAreRefusedAndValidOnesStored() {
        var manager = ApiClient.loggedIn(port, "manager");
        var flows = manager.get("/api/callcenter/admin/ivr-flows").json();
        assertThat(flows.toString()).contains("default-12345", "direct-to-agent");
        var broken = manager.put("/api/callcenter/admin/ivr-flows/test-flow", Map.of("definition",
                "{\"id\":\"test-flow\",\"name\":\"坏流程\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"play\",\"prompt\":\"welcome\",\"next\":\"missing\"}}}"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.detail()).contains("IVR 流程无效");
        var good = manager.put("/api/callcenter/admin/ivr-flows/test-flow", Map.of("definition",
                "{\"id\":\"test-flow\",\"name\":\"直接转人工\",\"start\":\"q\",\"steps\":{\"q\":{\"type\":\"queue\",\"queue\":\"general\"}}}"));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().path("name").asString()).isEqualTo("直接转人工");
    }

    @Test
    void theDeskShowsTodaysFiguresAndTheCallerViewShowsTags() {
        var agent = ApiClient.loggedIn(port, "agent5");
        var today = agent.get("/api/callcenter/me/today");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.json().path("answered").asLong()).isGreaterThanOrEqualTo(0);
        agent.post("/api/callcenter/admin/blacklist", Map.of("number", "13900009999", "reason", "辱骂话务员"));
        var view = agent.get("/api/callcenter/callers/13900009999");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("blacklisted").asBoolean()).isTrue();
        assertThat(view.json().path("number").asString()).isEqualTo("13900009999");
        var me = agent.get("/api/callcenter/me").json();
        assertThat(me.path("agentNo").asString()).isEqualTo("1005");
        assertThat(me.path("skills").toString()).contains("综合咨询");
        assertThat(agent.get("/api/callcenter/contacts").json().toString()).contains("teamLeader\":true");
    }
}
