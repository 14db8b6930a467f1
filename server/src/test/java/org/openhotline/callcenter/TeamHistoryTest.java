package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 班组 over time: an agent who moved from one team to another counts, in the KPIs grouped or filtered by team, with
 * the team it was in when the call came — not with today's — and in the month's 话务员考核 with the team it spent most
 * of the month in. The test works years ahead (its own days) and gives
 * agent10 back to its demo team afterwards, at a time after its own days, so the demo membership stays as it was for
 * every other test.
 */
@HotlineTest
class TeamHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private final List<Long> madeTeams = new ArrayList<>();
    private final String prefix = "team-history-" + System.nanoTime() + "-";
    private static final java.util.concurrent.atomic.AtomicInteger TRIES = new java.util.concurrent.atomic.AtomicInteger();

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    private void at(String time) {
        clock.set(OffsetDateTime.parse(time).toInstant());
    }

    private long team(ApiClient admin, String name) {
        var created = admin.post("/api/callcenter/teams", new HashMap<>(Map.of("name", name)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        madeTeams.add(id);
        return id;
    }

    private void members(ApiClient admin, long team, List<Long> members) {
        var set = admin.put("/api/callcenter/teams/" + team + "/members", Map.of("members", members));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        new ReportingFixture(port, jdbc, clock).awaitFacts();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from rpt_call_fact where call_id like ?").param(prefix + "%").update();
        clock.reset();
    }

    @Test
    void kpisCountAnAgentWithTheTeamItWasInAtTheTimeOfTheCall() {
        var admin = ApiClient.loggedIn(port, "sysadmin");
        long agent = idOf("agent10");
        Long demoTeam = jdbc.sql("select team_id from cc_agent where account_id = ?").param(agent).query(Long.class)
                .optional().orElse(null);
        List<Long> demoMembers = demoTeam == null ? List.of()
                : jdbc.sql("select account_id from cc_agent where team_id = ?").param(demoTeam).query(Long.class).list();
        // May of a year of this try's own: a rerun in the same database would meet the first try's team history
        int year = 2032 + 10 * TRIES.getAndIncrement(); // 2033 is AssessmentBrowserTest's
        String may = year + "-05";
        try {
            at(may + "-10T08:00:00+08:00");
            long early = team(admin, "历史甲班");
            members(admin, early, List.of(agent));
            at(may + "-12T08:00:00+08:00");
            long late = team(admin, "历史乙班");
            members(admin, late, List.of(agent));

            // agent10 answered on the 11th (in 历史甲班) and missed one on the 13th (in 历史乙班)
            fact(prefix + 1, OffsetDateTime.parse(may + "-11T10:00:00+08:00"), agent, true);
            fact(prefix + 2, OffsetDateTime.parse(may + "-13T10:00:00+08:00"), agent, false);
            var manager = ApiClient.loggedIn(port, "manager");
            String query = "from=" + may + "-10&to=" + may + "-14&codes=answer-rate";
            var grouped = manager.get("/api/reports/kpis?" + query + "&groupBy=team");
            assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
            Map<String, String> byTeam = new HashMap<>();
            grouped.json().path("kpis").get(0).path("groups").forEach(g -> byTeam.put(g.path("label").asString(),
                    ReportingFixture.number(g.path("numerator")) + "/" + ReportingFixture.number(g.path("denominator"))));
            assertThat(byTeam).containsEntry("历史甲班", "1/1").containsEntry("历史乙班", "0/1");

            JsonNode earlyOnly = manager.get("/api/reports/kpis?" + query + "&team=" + early).json().path("kpis").get(0);
            assertThat(ReportingFixture.number(earlyOnly.path("denominator"))).isEqualTo("1");
            assertThat(ReportingFixture.number(earlyOnly.path("value"))).isEqualTo("100");
            var records = manager.get("/api/reports/kpis/answer-rate/records?" + query + "&team=" + late + "&part=denominator");
            assertThat(records.json().path("items").findValuesAsString("call_id")).containsExactly(prefix + 2);

            // a rename relabels the team's past too
            var renamed = admin.put("/api/callcenter/teams/" + early, Map.of("name", "历史丙班", "version",
                    jdbc.sql("select version from cc_team where id = ?").param(early).query(Integer.class).single()));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            new ReportingFixture(port, jdbc, clock).awaitFacts();
            var relabelled = manager.get("/api/reports/kpis?" + query + "&groupBy=team").json();
            assertThat(relabelled.path("kpis").get(0).path("groups").findValuesAsString("label")).contains("历史丙班")
                    .doesNotContain("历史甲班");

            // 话务员考核 of May: agent10 spent most of it in 历史乙班 (from the 12th), so it is that team's, not 丙班's
            JsonNode ofLate = manager.get("/api/reports/agent-assessment?month=" + may + "&team=" + late).json();
            JsonNode row = null;
            for (JsonNode r : ofLate.path("agents")) {
                if (r.path("agentId").asLong() == agent) {
                    row = r;
                }
            }
            assertThat(row).as(ofLate.toString()).isNotNull();
            assertThat(row.path("teamName").asString()).isEqualTo("历史乙班");
            assertThat(ofLate.path("teams").findValuesAsString("label")).containsExactly("历史乙班");
            assertThat(ofLate.path("teams").get(0).path("agents").asInt()).isEqualTo(1);
            assertThat(manager.get("/api/reports/agent-assessment?month=" + may + "&team=" + early).json().path("agents")
                    .findValuesAsString("agentId")).doesNotContain(String.valueOf(agent));
        } finally {
            // back into the demo team after this test's days, then the teams go
            at(year + "-06-01T08:00:00+08:00");
            if (demoTeam != null) {
                members(admin, demoTeam, demoMembers);
            }
            madeTeams.forEach(id -> assertThat(admin.delete("/api/callcenter/teams/" + id).status()).isEqualTo(204));
            new ReportingFixture(port, jdbc, clock).awaitFacts();
        }
    }

    private void fact(String id, OffsetDateTime at, long agent, boolean answered) {
        jdbc.sql("""
                insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, agent_id, answered_at, ended_at)
                values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
                .params(id, at, at.plusSeconds(5), agent, answered ? at.plusSeconds(10) : null, at.plusSeconds(60))
                .update();
    }
}
