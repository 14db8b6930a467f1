package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 班组: a team leader supervises only its own teams' agents (by default), the seat wall is filtered and totalled by
 * team, and KPIs are grouped and filtered by team. Each test makes its own teams (of demo agents, or of agents of its
 * own where their states matter) and puts the demo agents back into their demo teams afterwards.
 */
@HotlineTest
class TeamsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> madeTeams = new ArrayList<>();
    private final Map<Long, Long> formerTeam = new java.util.HashMap<>();

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private long team(ApiClient admin, String name, Long leader, String... agents) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("leaderId", leader);
        var created = admin.post("/api/callcenter/teams", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        madeTeams.add(id);
        List<Long> members = new ArrayList<>();
        for (String a : agents) {
            long account = idOf(a);
            formerTeam.putIfAbsent(account, jdbc.sql("select team_id from cc_agent where account_id = ?").param(account)
                    .query(Long.class).optional().orElse(null));
            members.add(account);
        }
        var set = admin.put("/api/callcenter/teams/" + id + "/members", Map.of("members", members));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return id;
    }

    @AfterEach
    void agentsGoBackToTheirTeams() {
        formerTeam.forEach((agent, team) -> jdbc.sql("update cc_agent set team_id = ? where account_id = ?")
                .params(team, agent).update());
        var admin = ApiClient.loggedIn(port, "sysadmin");
        // deleting through the API also drops the in-memory membership the seat wall reads
        madeTeams.forEach(id -> assertThat(admin.delete("/api/callcenter/teams/" + id).status()).isEqualTo(204));
        admin.put("/api/callcenter/teams/policy", Map.of("leadersLimited", true));
    }

    @Test
    void aTeamLeaderMayNotBargeInOnAnotherTeamsAgent() {
        var admin = ApiClient.loggedIn(port, "sysadmin");
        team(admin, "测试甲班", idOf("teamleader1"), "agent4");
        team(admin, "测试乙班", null, "agent5");
        var leader = ApiClient.loggedIn(port, "teamleader1");

        var foreign = leader.post("/api/callcenter/seat-wall/agents/" + idOf("agent5") + "/barge", null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.detail()).isEqualTo("您只能监控和干预本班组的坐席");
        assertThat(leader.post("/api/callcenter/seat-wall/agents/" + idOf("agent5") + "/force",
                Map.of("state", "SIGNED_OUT")).status()).isEqualTo(403);
        // its own agent passes the team check and meets the next one: no call to barge into
        var own = leader.post("/api/callcenter/seat-wall/agents/" + idOf("agent4") + "/barge", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.detail()).isEqualTo("该坐席当前没有通话");

        var wall = leader.get("/api/callcenter/seat-wall").json();
        assertThat(accounts(wall.path("agents"))).contains(idOf("agent4")).doesNotContain(idOf("agent5"));

        assertThat(admin.put("/api/callcenter/teams/policy", Map.of("leadersLimited", false)).status()).isEqualTo(200);
        assertThat(leader.post("/api/callcenter/seat-wall/agents/" + idOf("agent5") + "/barge", null).status())
                .as("with the limit off every agent is in reach").isEqualTo(409);
    }

    @Test
    void theSeatWallIsFilteredAndTotalledByTeam() {
        var admin = ApiClient.loggedIn(port, "sysadmin");
        // agents of its own: the demo agents' states belong to the call tests (a call still ringing for agent6 left
        // it RINGING here once)
        var fixture = new CallCenterFixture(port, jdbc);
        // (and of this try's own: a rerun in the same database finds the first try's accounts and group)
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        String one = "ccteam1-" + n;
        String two = "ccteam2-" + n;
        long group = fixture.group("cc-team-wall" + n, "班组测试", "LONGEST_IDLE", Map.of());
        fixture.agent(one, "T988-" + n, fixture.freeExtension(), Map.of(group, 3));
        fixture.agent(two, "T989-" + n, fixture.freeExtension(), Map.of(group, 3));
        long team = team(admin, "测试丙班", idOf("teamleader1"), one, two);
        var six = ApiClient.loggedIn(port, one);
        assertThat(six.post("/api/callcenter/me/sign-in", Map.of()).status()).isLessThan(300);
        try {
            assertThat(six.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isLessThan(300);
            var leader = ApiClient.loggedIn(port, "teamleader1");
            JsonNode wall = leader.get("/api/callcenter/seat-wall?team=" + team).json();
            assertThat(accounts(wall.path("agents"))).containsExactlyInAnyOrder(idOf(one), idOf(two));
            assertThat(wall.path("agents").get(0).path("teamName").asString()).isEqualTo("测试丙班");
            assertThat(wall.path("teams")).hasSize(1);
            JsonNode total = wall.path("teams").get(0);
            assertThat(total.path("name").asString()).isEqualTo("测试丙班");
            assertThat(total.path("agents").asInt()).isEqualTo(2);
            assertThat(total.path("byState").path("READY").asInt()).isEqualTo(1);
            assertThat(total.path("byState").path("SIGNED_OUT").asInt()).isEqualTo(1);
        } finally {
            six.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
    }

    @Test
    void kpisAreGroupedAndFilteredByTeam() {
        var admin = ApiClient.loggedIn(port, "sysadmin");
        // agents of its own: the demo agents' team history is other tests' too (TeamHistoryTest gives its demo team
        // back at a time years ahead, which then stands for any agent without a current stretch)
        var fixture = new CallCenterFixture(port, jdbc);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        String eight = "ccteam8-" + n;
        String nine = "ccteam9-" + n;
        fixture.agent(eight, "T998-" + n, fixture.freeExtension(), Map.of());
        fixture.agent(nine, "T999-" + n, fixture.freeExtension(), Map.of());
        long a = team(admin, "测试丁班", null, eight);
        long b = team(admin, "测试戊班", null, nine);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("select count(*) from rpt_agent_team where team_id in (?, ?)").params(a, b)
                        .query(Long.class).single() == 2);
        // a day of its own, years ahead: the first answers 2 of 2 calls offered, the second 1 of 2
        OffsetDateTime day = OffsetDateTime.parse("2031-03-05T10:00:00+08:00");
        String prefix = "team-kpi-" + System.nanoTime() + "-";
        fact(prefix + 1, day, idOf(eight), true);
        fact(prefix + 2, day, idOf(eight), true);
        fact(prefix + 3, day, idOf(nine), true);
        fact(prefix + 4, day, idOf(nine), false);
        try {
            var manager = ApiClient.loggedIn(port, "manager");
            var grouped = manager.get("/api/reports/kpis?from=2031-03-05&to=2031-03-05&groupBy=team&codes=answer-rate");
            assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
            JsonNode groups = grouped.json().path("kpis").get(0).path("groups");
            Map<String, Double> byTeam = new java.util.HashMap<>();
            groups.forEach(g -> byTeam.put(g.path("label").asString(), g.path("value").asDouble()));
            assertThat(byTeam).containsEntry("测试丁班", 100.0).containsEntry("测试戊班", 50.0);

            var filtered = manager.get("/api/reports/kpis?from=2031-03-05&to=2031-03-05&team=" + b + "&codes=answer-rate");
            JsonNode k = filtered.json().path("kpis").get(0);
            assertThat(k.path("denominator").asInt()).isEqualTo(2);
            assertThat(k.path("value").asDouble()).isEqualTo(50.0);
            assertThat(manager.get("/api/reports/kpis?groupBy=squad").detail()).contains("team");
        } finally {
            jdbc.sql("delete from rpt_call_fact where call_id like ?").param(prefix + "%").update();
        }
    }

    private void fact(String id, OffsetDateTime at, long agent, boolean answered) {
        jdbc.sql("""
                insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, agent_id, answered_at, ended_at)
                values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
                .params(id, at, at.plusSeconds(5), agent, answered ? at.plusSeconds(10) : null, at.plusSeconds(60))
                .update();
    }

    private static List<Long> accounts(JsonNode agents) {
        return StreamSupport.stream(agents.spliterator(), false).map(a -> a.path("accountId").asLong()).toList();
    }
}
