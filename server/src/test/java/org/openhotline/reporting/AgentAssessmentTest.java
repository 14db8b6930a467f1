package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.reporting.AssessmentFixture.item;
import static org.openhotline.reporting.AssessmentFixture.valueAndScore;
import static org.openhotline.reporting.ReportingFixture.figures;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operator assessment (000) and the KPI settings, on call facts of months of their own in 2033 (written as the
 * call listeners write them — CallKpiTest proves a real call gets there — because these scenarios need dozens of
 * calls across months): each agent's points computed by hand incl. the +5 bonus cap, skill-group and centre
 * averages, the agent's own view; the 004 rule leaving a busy month out of a longer 20-s rate (its threshold set
 * to 3 answered calls instead of 172,000); a KPI edited concurrently is 409.
 */
@HotlineTest
class AgentAssessmentTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOwnFacts() {
        jdbc.sql("delete from rpt_call_fact where call_id like 'asmt-%'").update();
        jdbc.sql("delete from rpt_agent_adjustment where month in ('2033-05', '2033-07')").update();
    }

    private long account(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    /** A call queued at {@code at} and answered after {@code waitSeconds} (null: abandoned), rated {@code survey}. */
    private void call(String id, LocalDateTime at, Long agent, Long group, Integer waitSeconds, Integer survey) {
        var queued = at.atZone(ZONE).toInstant();
        jdbc.sql("""
                        insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, group_id, offered_at, agent_id,
                                                   answered_at, ended_at, satisfaction)
                        values (?, 'INBOUND', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("asmt-" + id, Timestamp.from(queued), Timestamp.from(queued), group,
                        agent == null ? null : Timestamp.from(queued.plusSeconds(1)), agent,
                        waitSeconds == null ? null : Timestamp.from(queued.plusSeconds(waitSeconds)),
                        Timestamp.from(queued.plusSeconds(120)), survey)
                .update();
    }

    @Test
    void eachAgentsPointsFollowTheSchemeWithDeductionsAndCappedBonuses() {
        var manager = ApiClient.loggedIn(port, "manager");
        JsonNode before = manager.get("/api/reports/schemes/agent").json();
        int version = AssessmentFixture.save(manager, "agent", List.of(
                item("answer-rate", 15, 95, 0.5, 0), item("agent-satisfaction", 15, 90, 0.5, 2),
                item("first-contact-resolution", 15, 70, 0.5, 0)), Map.of("complaintWeight", 10, "complaintPoints", 1,
                "escalatedPoints", 2, "praisePoints", 0.5, "bannerPoints", 1, "bonusCap", 5));
        long agent7 = account("agent7");
        long agent8 = account("agent8");
        try {
            LocalDateTime may = LocalDateTime.of(2033, 5, 10, 9, 0);
            // agent7, group 99001: 4 offered, 4 answered, rated 1, 1, 1, 2
            for (int i = 0; i < 4; i++) {
                call("a7-" + i, may.plusMinutes(i), agent7, 99001L, 5, i < 3 ? 1 : 2);
            }
            // agent8, group 99002: 4 offered, 3 answered, all rated 1
            for (int i = 0; i < 4; i++) {
                call("a8-" + i, may.plusMinutes(10 + i), agent8, 99002L, i < 3 ? 5 : null, i < 3 ? 1 : null);
            }
            for (var adj : List.of(List.of(agent7, "COMPLAINT"), List.of(agent7, "COMPLAINT_ESCALATED"),
                    List.of(agent7, "PRAISE"), List.of(agent7, "PRAISE"), List.of(agent7, "PRAISE"), List.of(agent7, "PRAISE"),
                    List.of(agent7, "BANNER"), List.of(agent7, "BANNER"), List.of(agent7, "BANNER"), List.of(agent7, "BANNER"),
                    List.of(agent8, "PRAISE"))) {
                var r = manager.post("/api/reports/agent-adjustments", Map.of("agentId", adj.get(0), "month", "2033-05",
                        "kind", adj.get(1), "note", "经核实"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'reporting.adjustment-added' and target = 'account:agent8'")
                    .query(Long.class).single()).isPositive();

            var response = manager.get("/api/reports/agent-assessment?month=2033-05&scheme=" + version);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode report = response.json();
            assertThat(report.path("scheme").path("version").asInt()).isEqualTo(version);
            JsonNode a7 = agent(report, agent7);
            // 4/4 = 100 %: 15 + 5 × 0.5, kept within the weight
            assertThat(valueAndScore(a7, "answer-rate")).containsExactly("100", "15");
            // 3 of 4 rated 满意 (key 1): 75 %: 15 − 15 × 0.5
            assertThat(valueAndScore(a7, "agent-satisfaction")).containsExactly("75", "7.5");
            // consultations have no agent: the centre's figure; none in May 2033 → the weight
            assertThat(valueAndScore(a7, "first-contact-resolution")).containsExactly("null", "15");
            assertThat(AssessmentFixture.item(a7, "first-contact-resolution").path("shared").asBoolean()).isTrue();
            // 10 − 1 − 2
            assertThat(ReportingFixture.number(a7.path("complaintScore"))).isEqualTo("7");
            // 4 × 0.5 + 4 × 1 = 6, capped at 5
            assertThat(ReportingFixture.number(a7.path("bonus"))).isEqualTo("5");
            assertThat(ReportingFixture.number(a7.path("total"))).isEqualTo("49.5");

            JsonNode a8 = agent(report, agent8);
            // 3/4 = 75 %: 15 − 20 × 0.5
            assertThat(valueAndScore(a8, "answer-rate")).containsExactly("75", "5");
            // 3/3 = 100 %: 15 + 10 × 0.5 = 20, capped at 15 + 2
            assertThat(valueAndScore(a8, "agent-satisfaction")).containsExactly("100", "17");
            assertThat(ReportingFixture.number(a8.path("bonus"))).isEqualTo("0.5");
            assertThat(ReportingFixture.number(a8.path("total"))).isEqualTo("47.5");

            assertThat(report.path("agents")).hasSize(2);
            assertThat(ReportingFixture.number(report.path("centre").path("average"))).isEqualTo("48.5");
            assertThat(report.path("groups")).hasSize(2);
            assertThat(a7.path("groupKey").asString()).isEqualTo("99001");

            // the agent sees its own assessment and nothing else
            var desk = ApiClient.loggedIn(port, "agent7");
            JsonNode mine = desk.get("/api/reports/agent-assessment/me?month=2033-05").json();
            assertThat(mine.path("agents")).hasSize(1);
            assertThat(ReportingFixture.number(mine.path("agents").get(0).path("total"))).isEqualTo("49.5");
            assertThat(desk.get("/api/reports/agent-assessment?month=2033-05").status()).isEqualTo(403);
            assertThat(desk.post("/api/reports/agent-adjustments", Map.of("agentId", agent7, "month", "2033-05",
                    "kind", "BANNER", "note", "自己加分")).status()).isEqualTo(403);
            var unitLeader = ApiClient.loggedIn(port, "zjj_leader").get("/api/reports/agent-assessment?month=2033-05");
            assertThat(unitLeader.status()).isEqualTo(403);
            assertThat(unitLeader.detail()).contains("热线中心");
            var badMonth = manager.get("/api/reports/agent-assessment?month=2033-13");
            assertThat(badMonth.status()).isEqualTo(400);
            assertThat(badMonth.detail()).contains("月份格式");
        } finally {
            AssessmentFixture.restore(manager, "agent", before);
        }
    }

    private static JsonNode agent(JsonNode report, long id) {
        for (JsonNode a : report.path("agents")) {
            if (a.path("agentId").asLong() == id) {
                return a;
            }
        }
        throw new AssertionError("no agent " + id + " in " + report);
    }

    @Test
    void aMonthWithEnoughAnsweredCallsIsLeftOutOfTheLongerTwentySecondRate() {
        var manager = ApiClient.loggedIn(port, "manager");
        JsonNode kpi = definition(manager, "answer-rate-20s");
        int version = kpi.path("version").asInt();
        var set = manager.put("/api/reports/kpi-definitions/answer-rate-20s", Map.of("version", version,
                "name", kpi.path("name").asString(), "target", 88, "thresholdSeconds", 20, "grades", List.of(),
                "exemptMonthAnswered", 3));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            // a stale version: someone else saved in between
            var stale = manager.put("/api/reports/kpi-definitions/answer-rate-20s", Map.of("version", version,
                    "name", "15秒接通率", "target", 90, "thresholdSeconds", 15, "exemptMonthAnswered", 3));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.detail()).contains("已被他人修改");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'reporting.kpi-changed' and target = 'kpi:answer-rate-20s' and details::text like '%月豁免接通量=3%'")
                    .query(Long.class).single()).isPositive();

            // July 2033: 3 answered (one within 20 s) → exempted; August: 2 answered, both within 20 s
            LocalDateTime july = LocalDateTime.of(2033, 7, 5, 10, 0);
            call("j1", july, null, null, 10, null);
            call("j2", july.plusMinutes(1), null, null, 40, null);
            call("j3", july.plusMinutes(2), null, null, 50, null);
            call("g1", july.plusMonths(1), null, null, 5, null);
            call("g2", july.plusMonths(1).plusMinutes(1), null, null, 15, null);

            String both = "from=2033-07-01&to=2033-08-31";
            JsonNode longer = manager.get("/api/reports/kpis?" + both + "&codes=answer-rate-20s,answer-rate").json();
            assertThat(figures(longer, "answer-rate-20s")).containsExactly("2", "2", "100");
            JsonNode exemptions = ReportingFixture.kpi(longer, "answer-rate-20s").path("exemptions");
            assertThat(exemptions).hasSize(1);
            assertThat(exemptions.get(0).path("kind").asString()).isEqualTo("RULE");
            assertThat(exemptions.get(0).path("label").asString()).isEqualTo("2033-07");
            assertThat(exemptions.get(0).path("reason").asString()).contains("3 通");
            // the rule is the 20-s rate's only; the drill-down lists the August calls only
            assertThat(figures(longer, "answer-rate")).containsExactly("5", "5", "100");
            var records = manager.get("/api/reports/kpis/answer-rate-20s/records?" + both + "&part=denominator");
            assertThat(records.json().path("total").asLong()).isEqualTo(2);
            // July's own monthly figure still counts July
            JsonNode month = manager.get("/api/reports/kpis?from=2033-07-01&to=2033-07-31&codes=answer-rate-20s").json();
            assertThat(figures(month, "answer-rate-20s")).containsExactly("1", "3", "33.33");
            assertThat(ReportingFixture.kpi(month, "answer-rate-20s").path("exemptions")).isEmpty();

            var bad = manager.put("/api/reports/kpi-definitions/answer-rate-20s", Map.of("version", version + 1,
                    "name", "", "target", 88, "thresholdSeconds", 20));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.detail()).contains("指标名称");
            assertThat(ApiClient.loggedIn(port, "leader").put("/api/reports/kpi-definitions/answer-rate-20s",
                    Map.of("version", version + 1, "name", "x")).status()).isEqualTo(403);
        } finally {
            JsonNode now = definition(manager, "answer-rate-20s");
            var back = manager.put("/api/reports/kpi-definitions/answer-rate-20s", Map.of("version", now.path("version").asInt(),
                    "name", kpi.path("name").asString(), "target", kpi.path("target").asDouble(),
                    "thresholdSeconds", kpi.path("thresholdSeconds").asInt(), "exemptMonthAnswered", 172000));
            assertThat(back.status()).as(back.body()).isEqualTo(200);
        }
    }

    private static JsonNode definition(ApiClient manager, String code) {
        for (JsonNode k : manager.get("/api/reports/kpi-definitions").json()) {
            if (k.path("code").asString().equals(code)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + code);
    }
}
