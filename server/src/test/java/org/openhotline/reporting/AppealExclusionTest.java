package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.reporting.ReportingFixture.figures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
 * Issue 18 工单申诉: a unit appeals a judgment against it, the supervisor (or the manager, escalated) decides, and an
 * upheld appeal takes the order out of the named KPI for that unit and period — the drill-down lists it as excluded
 * with the reason.
 */
@HotlineTest
class AppealExclusionTest {

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

    /** A complaint dispatched to 住建局, replied, accepted and called back dissatisfied (reopened to the unit). */
    private long dissatisfiedOrder(String content) {
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        long o = f.order(agent, "PHONE", "COMPLAINT", content, null);
        f.dispatch(dispatcher, o, "ZJJ");
        long a = f.assignment(zjj, o, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/reply", Map.of("text", "已依法答复"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/reply-review", Map.of("accept", true));
        f.ok(callback, "/api/work-orders/" + o + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
        return o;
    }

    private ApiClient.Response appeal(ApiClient unit, long order, long assignment, String kind, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("assignmentId", assignment);
        body.put("kind", kind);
        body.put("reason", reason);
        return unit.post("/api/work-orders/" + order + "/appeals", body);
    }

    private int appealVersion(long appealId) {
        return jdbc.sql("select version from wo_appeal where id = ?").param(appealId).query(Integer.class).single();
    }

    @Test
    void anUpheldAppealRemovesTheOrderFromSatisfactionForThatUnitAndPeriod() {
        LocalDate day = f.ownDay(53);
        String query = "from=" + day + "&to=" + day + "&org=" + f.unit("ZJJ");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long o = dissatisfiedOrder("小区加装电梯要求住建局强制全体业主同意");
        f.awaitFacts();
        List<String> before = figures(f.kpis(manager, query), "satisfaction");
        assertThat(f.records(manager, "satisfaction", query, "excluded")).isZero();

        long a = f.assignment(zjj, o, "ZJJ");
        var submitted = appeal(zjj, o, a, "DISSATISFIED_CALLBACK", "群众诉求超出法定职责，已依法解释");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        long appealId = submitted.json().path("id").asLong();
        // the same appeal twice is refused
        assertThat(appeal(zjj, o, a, "DISSATISFIED_CALLBACK", "再次申诉").status()).isEqualTo(409);
        // it is in the unit's 我的申诉 and the supervisor's queue
        assertThat(zjj.get("/api/work-orders/appeals?box=MINE&workOrderId=" + o).json().path("total").asLong()).isEqualTo(1);
        assertThat(supervisor.get("/api/work-orders/appeals?box=REVIEW&workOrderId=" + o).json().path("total").asLong()).isEqualTo(1);

        var upheld = supervisor.post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "UPHOLD", "note", "诉求超出职责范围，申诉成立", "version", appealVersion(appealId)));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().path("state").asString()).isEqualTo("UPHELD");
        f.awaitFacts();

        List<String> after = figures(f.kpis(manager, query), "satisfaction");
        assertThat(Long.parseLong(after.get(1))).isEqualTo(Long.parseLong(before.get(1)) - 1);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(f.records(manager, "satisfaction", query, "denominator")).isEqualTo(Long.parseLong(after.get(1)));
        var excluded = manager.get("/api/reports/kpis/satisfaction/records?" + query + "&part=excluded");
        assertThat(excluded.status()).as(excluded.body()).isEqualTo(200);
        assertThat(excluded.json().path("total").asLong()).isEqualTo(1);
        JsonNode row = excluded.json().path("items").get(0);
        assertThat(row.path("order_id").asLong()).isEqualTo(o);
        assertThat(row.path("exclusion_reason").asString()).isEqualTo("诉求超出职责范围，申诉成立");

        // the rebuild from the owners' views keeps it (rpt_source_exclusion)
        var rebuilt = manager.post("/api/reports/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(f.records(manager, "satisfaction", query, "excluded")).isEqualTo(1);
        assertThat(figures(f.kpis(manager, query), "satisfaction")).isEqualTo(after);

        assertThat(timeline(o)).contains("appeal-submitted", "appeal-upheld");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'workorder.appeal-upheld' and target = ?")
                .param("work-order-appeal:" + appealId).query(Long.class).single()).isEqualTo(1);
        // a decided appeal is not reviewed again
        assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "REJECT", "note", "改判", "version", appealVersion(appealId))).status()).isEqualTo(409);
    }

    @Test
    void anAppealAfterTheWindowIsRefused() {
        f.ownDay(54);
        var zjj = ApiClient.loggedIn(port, "zjj1");
        long o = dissatisfiedOrder("物业公司收费不公开");
        long a = f.assignment(zjj, o, "ZJJ");
        // far past any window: 3 working days plus the longest holiday (the Spring Festival) of any year the day may fall in
        clock.advance(Duration.ofDays(30));
        var late = appeal(zjj, o, a, "DISSATISFIED_CALLBACK", "群众诉求不合理");
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.detail()).contains("已超过申诉期限");
        assertThat(jdbc.sql("select count(*) from wo_appeal where work_order_id = ?").param(o).query(Long.class).single()).isZero();
        // nothing to appeal: the sign was on time
        assertThat(appeal(zjj, o, a, "LATE_SIGN", "热线派单晚").status()).isEqualTo(409);
        // no reason
        assertThat(appeal(zjj, o, a, "DISSATISFIED_CALLBACK", " ").status()).isEqualTo(400);
    }

    @Test
    void onlyTheUnitAppealsAndOnlyTheSupervisorAndManagerDecide() {
        LocalDate day = f.ownDay(55);
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var manager = ApiClient.loggedIn(port, "manager");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long o = f.order(ApiClient.loggedIn(port, "agent2"), "PHONE", "COMPLAINT", "路灯不亮多日", null);
        f.dispatch(dispatcher, o, "ZJJ");
        long a = f.assignment(zjj, o, "ZJJ");
        clock.advance(Duration.ofHours(25));
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/sign", null);
        String query = "from=" + day + "&to=" + day + "&org=" + f.unit("ZJJ");
        f.awaitFacts();
        List<String> before = figures(f.kpis(manager, query), "sign-timeliness");

        // another unit does not see the order
        assertThat(appeal(cgj, o, a, "LATE_SIGN", "热线派单错误").status()).isIn(403, 404);
        long appealId = appeal(zjj, o, a, "LATE_SIGN", "派单时热线系统故障，次日才收到").json().path("id").asLong();
        // the unit does not review, nor decide; the supervisor does not decide what is not escalated
        assertThat(zjj.post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "UPHOLD", "note", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(zjj.get("/api/work-orders/appeals?box=REVIEW").status()).isEqualTo(403);
        assertThat(cgj.get("/api/work-orders/appeals?box=MINE&workOrderId=" + o).json().path("total").asLong()).isZero();
        assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/decision",
                Map.of("upheld", true, "note", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(manager.post("/api/work-orders/appeals/" + appealId + "/decision",
                Map.of("upheld", true, "note", "x", "version", appealVersion(appealId))).status()).isEqualTo(409);
        // a stale version
        assertThat(supervisor.post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "ESCALATE", "note", "交主管", "version", appealVersion(appealId) + 1)).status()).isEqualTo(409);

        var escalated = supervisor.post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "ESCALATE", "note", "涉及热线系统故障，请主管决定", "version", appealVersion(appealId)));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(manager.get("/api/work-orders/appeals?box=ESCALATED&workOrderId=" + o).json().path("total").asLong()).isEqualTo(1);
        var decided = manager.post("/api/work-orders/appeals/" + appealId + "/decision",
                Map.of("upheld", true, "note", "系统故障属实", "version", appealVersion(appealId)));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        f.awaitFacts();
        List<String> after = figures(f.kpis(manager, query), "sign-timeliness");
        assertThat(Long.parseLong(after.get(1))).isEqualTo(Long.parseLong(before.get(1)) - 1);
        assertThat(f.records(manager, "sign-timeliness", query, "excluded")).isEqualTo(1);
        assertThat(timeline(o)).contains("appeal-submitted", "appeal-escalated", "appeal-upheld");
    }

    private List<String> timeline(long id) {
        return jdbc.sql("select action from wo_timeline where work_order_id = ? order by id").param(id)
                .query(String.class).list();
    }
}
