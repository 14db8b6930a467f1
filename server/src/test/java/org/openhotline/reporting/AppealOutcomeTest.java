package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.reporting.ReportingFixture.figures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, what an upheld appeal does besides excluding: it may change the result (改判) of a dissatisfied callback,
 * and an upheld "not our duty" appeal (MISDIRECTED) proves the hotline's dispatch wrong — 转办准确率 and 一次派单准确率
 * count it as such.
 */
@HotlineTest
class AppealOutcomeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture(port, jdbc, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private int version(long appealId) {
        return jdbc.sql("select version from wo_appeal where id = ?").param(appealId).query(Integer.class).single();
    }

    private long appeal(ApiClient unit, long order, long assignment, String kind, String reason) {
        var r = unit.post("/api/work-orders/" + order + "/appeals", Map.of("assignmentId", assignment, "kind", kind, "reason", reason));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("id").asLong();
    }

    @Test
    void anUpheldAppealCanRegradeTheDissatisfiedCallbackInsteadOfExcludingIt() {
        LocalDate day = f.ownDay(57);
        String query = "from=" + day + "&to=" + day + "&org=" + f.unit("ZJJ");
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long o = f.order(agent, "PHONE", "COMPLAINT", "要求住建局拆除邻居合法加建的阳台", null);
        f.dispatch(dispatcher, o, "ZJJ");
        long a = f.assignment(zjj, o, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/reply", Map.of("text", "加建已依法审批，已向市民解释"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/reply-review", Map.of("accept", true));
        f.ok(ApiClient.loggedIn(port, "callback1"), "/api/work-orders/" + o + "/callback",
                Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
        f.awaitFacts();
        List<String> before = figures(f.kpis(manager, query), "satisfaction");
        long appealId = appeal(zjj, o, f.assignment(zjj, o, "ZJJ"), "DISSATISFIED_CALLBACK", "诉求超出法定职责，已依法解释");

        // a regrade needs an upheld appeal, and only a better grade
        assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/review", Map.of("decision", "REJECT",
                "note", "不成立", "regrade", "SATISFIED", "version", version(appealId))).status()).isEqualTo(422);
        var worse = supervisor.post("/api/work-orders/appeals/" + appealId + "/review", Map.of("decision", "UPHOLD",
                "note", "成立", "regrade", "DISSATISFIED", "version", version(appealId)));
        assertThat(worse.status()).as(worse.body()).isEqualTo(422);
        assertThat(worse.detail()).contains("满意");
        assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/review", Map.of("decision", "UPHOLD",
                "note", "成立", "regrade", "EXCELLENT", "version", version(appealId))).status()).isEqualTo(400);

        var upheld = supervisor.post("/api/work-orders/appeals/" + appealId + "/review", Map.of("decision", "UPHOLD",
                "note", "诉求不合理，按满意计", "regrade", "SATISFIED", "version", version(appealId)));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        f.awaitFacts();

        // the callback stays in the KPI and now counts as satisfied
        List<String> after = figures(f.kpis(manager, query), "satisfaction");
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(Long.parseLong(after.get(0))).isEqualTo(Long.parseLong(before.get(0)) + 1);
        assertThat(f.records(manager, "satisfaction", query, "excluded")).isZero();
        var numerator = manager.get("/api/reports/kpis/satisfaction/records?" + query + "&part=numerator&size=200");
        JsonNode row = null;
        for (JsonNode r : numerator.json().path("items")) {
            if (r.path("order_id").asLong() == o) {
                row = r;
            }
        }
        assertThat(row).as("the regraded callback is in the numerator: " + numerator.body()).isNotNull();
        assertThat(row.path("exclusion_reason").asString()).isEqualTo("改判为满意：诉求不合理，按满意计");
        // the unit's list shows it; the timeline and the audit trail say it
        JsonNode mine = zjj.get("/api/work-orders/appeals?box=MINE&workOrderId=" + o).json().path("items").get(0);
        assertThat(mine.path("regradeLabel").asString()).isEqualTo("满意");
        assertThat(jdbc.sql("select note from wo_timeline where work_order_id = ? and action = 'appeal-upheld'").param(o)
                .query(String.class).single()).contains("改判为“满意”");
        assertThat(jdbc.sql("select details ->> 'regrade' from audit_event where action = 'workorder.appeal-upheld' and target = ?")
                .param("work-order-appeal:" + appealId).query(String.class).single()).isEqualTo("SATISFIED");

        // the rebuild keeps it
        assertThat(manager.post("/api/reports/rebuild", Map.of()).status()).isEqualTo(200);
        assertThat(figures(f.kpis(manager, query), "satisfaction")).isEqualTo(after);
    }

    @Test
    void anUpheldMisdirectedAppealCountsAgainstDispatchAccuracy() {
        LocalDate day = f.ownDay(59);
        String query = "from=" + day + "&to=" + day + "&org=" + f.unit("ZJJ");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long o = f.order(ApiClient.loggedIn(port, "agent2"), "PHONE", "HELP", "河道漂浮垃圾无人清理", null);
        f.dispatch(dispatcher, o, "ZJJ");
        long a = f.assignment(zjj, o, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/sign", null);
        Instant due = jdbc.sql("select handle_due_at from wo_assignment where id = ?").param(a).query(Timestamp.class)
                .single().toInstant();
        clock.set(due.plus(Duration.ofHours(1)));
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/reply", Map.of("text", "已转水务部门处理"));
        f.awaitFacts();
        String kpis = query + "&codes=dispatch-accuracy,completion-on-time,first-dispatch-accuracy";
        JsonNode report = f.kpis(manager, kpis);
        List<String> accuracy = figures(report, "dispatch-accuracy");
        List<String> onTime = figures(report, "completion-on-time");
        // a work-order QC result of this order that found nothing wrong with its dispatch (this test's own row)
        long inspection = -System.nanoTime();
        long agent2 = jdbc.sql("select id from account where username = 'agent2'").query(Long.class).single();
        jdbc.sql("""
                insert into rpt_qc_fact (inspection_id, order_id, agent_id, score, fatal, scored_at, lost_items)
                values (?, ?, ?, 100, false, ?, '{}')""").params(inspection, o, agent2, Timestamp.from(clock.instant())).update();
        try {
            String qc = "from=" + day + "&to=" + LocalDate.ofInstant(clock.instant(), clock.getZone()) + "&codes=first-dispatch-accuracy";
            List<String> firstBefore = figures(f.kpis(manager, qc), "first-dispatch-accuracy");

            long appealId = appeal(zjj, o, a, "MISDIRECTED", "河道保洁属水务集团职责，非本单位职责");
            assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/review", Map.of("decision", "UPHOLD",
                    "note", "确非住建局职责，派单有误", "version", version(appealId))).status()).isEqualTo(200);
            f.awaitFacts();

            JsonNode after = f.kpis(manager, kpis);
            // the unit's late reply leaves 按时办结率; the dispatch counts as wrong in 转办准确率
            assertThat(Long.parseLong(figures(after, "completion-on-time").get(1))).isEqualTo(Long.parseLong(onTime.get(1)) - 1);
            assertThat(figures(after, "dispatch-accuracy").get(1)).isEqualTo(accuracy.get(1));
            assertThat(Long.parseLong(figures(after, "dispatch-accuracy").get(0))).isEqualTo(Long.parseLong(accuracy.get(0)) - 1);
            List<String> firstAfter = figures(f.kpis(manager, qc), "first-dispatch-accuracy");
            assertThat(firstAfter.get(1)).isEqualTo(firstBefore.get(1));
            assertThat(Long.parseLong(firstAfter.get(0))).isEqualTo(Long.parseLong(firstBefore.get(0)) - 1);
        } finally {
            jdbc.sql("delete from rpt_qc_fact where inspection_id = ?").param(inspection).update();
        }
    }
}
