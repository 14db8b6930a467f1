package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.reporting.AssessmentFixture.item;
import static org.openhotline.reporting.AssessmentFixture.unit;
import static org.openhotline.reporting.AssessmentFixture.valueAndScore;
import static org.openhotline.reporting.ReportingFixture.figures;

import java.time.Duration;
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
 * 成员单位 KPI 统计报表 on a scenario taken through the API on a day of its own, every value and score computed by
 * hand below under a scheme saved for the test; the ranking; a unit leader's scope and drill-down; a declared
 * exemption taking the day out of a KPI.
 */
@HotlineTest
class UnitKpiReportTest {

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

    /**
     * O1 to 住建局: signed, replied in time, called back satisfied. O2 to 住建局: return asked for at once and approved,
     * then to 城管局, which signs 25 h later (limit 24 h), replies, and the citizen is dissatisfied (reopened: not due).
     * O3 to 城管局: return asked for 25 h later (after the sign-for limit) and approved.
     */
    @Test
    void aUnitsFourValuesAndScoresFollowTheSchemeAndUnitsAreRanked() {
        LocalDate day = f.ownDay(61);
        var agent = ApiClient.loggedIn(port, "agent3");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        var manager = ApiClient.loggedIn(port, "manager");
        JsonNode before = manager.get("/api/reports/schemes/unit").json();
        int version = AssessmentFixture.save(manager, "unit", List.of(
                item("sign-timeliness", 25, 98, 0.2, 0), item("return-timeliness", 15, 100, 0.1, 0),
                item("completion-on-time", 30, 100, 1, 0), item("satisfaction", 30, 90, 0.5, 2)), Map.of());
        try {
            long o1 = f.order(agent, "PHONE", "COMPLAINT", "小区电梯长期故障无人维修", null);
            f.dispatch(dispatcher, o1, "ZJJ");
            long a1 = f.assignment(zjj, o1, "ZJJ");
            f.ok(zjj, "/api/work-orders/" + o1 + "/assignments/" + a1 + "/sign", null);
            f.ok(zjj, "/api/work-orders/" + o1 + "/assignments/" + a1 + "/reply", Map.of("text", "已督促物业维修电梯"));
            f.ok(dispatcher, "/api/work-orders/" + o1 + "/reply-review", Map.of("accept", true));
            f.ok(callback, "/api/work-orders/" + o1 + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED"));

            long o2 = f.order(agent, "PHONE", "COMPLAINT", "道路井盖缺失存在安全隐患", null);
            f.dispatch(dispatcher, o2, "ZJJ");
            long a2 = f.assignment(zjj, o2, "ZJJ");
            f.ok(zjj, "/api/work-orders/" + o2 + "/assignments/" + a2 + "/return-request", Map.of("reason", "井盖属城管职责"));
            f.ok(dispatcher, "/api/work-orders/" + o2 + "/requests/" + f.request(a2, "RETURN") + "/decision", Map.of("approve", true));
            f.dispatch(dispatcher, o2, "CGJ");
            long a3 = f.assignment(cgj, o2, "CGJ");

            long o3 = f.order(agent, "PHONE", "COMPLAINT", "商场噪音扰民", null);
            f.dispatch(dispatcher, o3, "CGJ");
            long a4 = f.assignment(cgj, o3, "CGJ");

            clock.advance(Duration.ofHours(25));
            f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a3 + "/sign", null);
            f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a3 + "/reply", Map.of("text", "已补齐井盖"));
            f.ok(dispatcher, "/api/work-orders/" + o2 + "/reply-review", Map.of("accept", true));
            f.ok(callback, "/api/work-orders/" + o2 + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
            f.ok(cgj, "/api/work-orders/" + o3 + "/assignments/" + a4 + "/return-request", Map.of("reason", "噪音属生态环境局职责"));
            f.ok(dispatcher, "/api/work-orders/" + o3 + "/requests/" + f.request(a4, "RETURN") + "/decision", Map.of("approve", true));
            f.awaitFacts();

            String query = "from=" + day + "&to=" + day.plusDays(1);
            var r = manager.get("/api/reports/unit-kpis?" + query + "&scheme=" + version);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.path("scheme").path("version").asInt()).isEqualTo(version);
            JsonNode zjjRow = unit(report, "江州市住房和城乡建设局");
            // A1 signed in time (A2 returned: not counted): 100 % → 25 + 2 × 0.2, capped at 25
            assertThat(valueAndScore(zjjRow, "sign-timeliness")).containsExactly("100", "25");
            // A2 asked to return before its sign-for deadline
            assertThat(valueAndScore(zjjRow, "return-timeliness")).containsExactly("100", "15");
            assertThat(valueAndScore(zjjRow, "completion-on-time")).containsExactly("100", "30");
            // callbacks of orders dispatched to it: O1 satisfied, O2 dissatisfied → 50 %: 30 − 40 × 0.5
            assertThat(valueAndScore(zjjRow, "satisfaction")).containsExactly("50", "10");
            assertThat(ReportingFixture.number(zjjRow.path("total"))).isEqualTo("80");

            JsonNode cgjRow = unit(report, "江州市城市管理局");
            // A3 signed 25 h later: 0 % → 25 − 98 × 0.2
            assertThat(valueAndScore(cgjRow, "sign-timeliness")).containsExactly("0", "5.4");
            // A4 asked to return after its sign-for deadline: 0 % → 15 − 100 × 0.1
            assertThat(valueAndScore(cgjRow, "return-timeliness")).containsExactly("0", "5");
            // A3 reopened by the dissatisfied callback, not due: nothing to count, full weight
            assertThat(valueAndScore(cgjRow, "completion-on-time")).containsExactly("null", "30");
            assertThat(valueAndScore(cgjRow, "satisfaction")).containsExactly("0", "0");
            assertThat(ReportingFixture.number(cgjRow.path("total"))).isEqualTo("40.4");
            assertThat(zjjRow.path("rank").asInt()).isEqualTo(1);
            assertThat(cgjRow.path("rank").asInt()).isEqualTo(2);

            // the unit leader: only its own unit, and the orders behind each figure through the KPI drill-down
            var zjjLeader = ApiClient.loggedIn(port, "zjj_leader");
            JsonNode own = zjjLeader.get("/api/reports/unit-kpis?" + query + "&scheme=" + version).json();
            assertThat(own.path("units")).hasSize(1);
            assertThat(own.path("units").get(0).path("unitName").asString()).isEqualTo("江州市住房和城乡建设局");
            String unitQuery = query + "&org=" + f.unit("ZJJ");
            for (String code : List.of("sign-timeliness", "return-timeliness", "completion-on-time", "satisfaction")) {
                JsonNode i = AssessmentFixture.item(own.path("units").get(0), code);
                assertThat(f.records(zjjLeader, code, unitQuery, "numerator")).as(code).isEqualTo(i.path("numerator").asLong());
                assertThat(f.records(zjjLeader, code, unitQuery, "denominator")).as(code).isEqualTo(i.path("denominator").asLong());
            }
            var foreign = zjjLeader.get("/api/reports/unit-kpis?" + query + "&org=" + f.unit("CGJ"));
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.detail()).contains("不在您的查看范围内");
            assertThat(zjjLeader.get("/api/reports/kpis/satisfaction/records?" + query + "&org=" + f.unit("CGJ")
                    + "&part=denominator").status()).isEqualTo(404);

            // a manager's exemption of the day takes it out of 及时签收率, numerator and denominator
            var declared = manager.post("/api/reports/kpi-exemptions", Map.of("from", day.toString(), "to", day.toString(),
                    "codes", List.of("sign-timeliness"), "reason", "台风应急，单位全员抢险"));
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
            long exemption = declared.json().path("id").asLong();
            try {
                JsonNode kpis = f.kpis(manager, query);
                assertThat(figures(kpis, "sign-timeliness")).containsExactly("0", "0", "null");
                assertThat(ReportingFixture.kpi(kpis, "sign-timeliness").path("exemptions").toString()).contains("台风应急");
                assertThat(f.records(manager, "sign-timeliness", query, "denominator")).isZero();
                assertThat(figures(kpis, "completion-on-time")).containsExactly("1", "1", "100");
                JsonNode exempted = manager.get("/api/reports/unit-kpis?" + query + "&scheme=" + version).json();
                assertThat(valueAndScore(unit(exempted, "江州市城市管理局"), "sign-timeliness")).containsExactly("null", "25");
                assertThat(jdbc.sql("select count(*) from audit_event where action = 'reporting.exemption-declared' and target = ?")
                        .param("kpi-exemption:" + exemption).query(Long.class).single()).isEqualTo(1);
            } finally {
                assertThat(manager.delete("/api/reports/kpi-exemptions/" + exemption).status()).isEqualTo(204);
            }
            assertThat(figures(f.kpis(manager, query), "sign-timeliness")).containsExactly("1", "2", "50");
        } finally {
            AssessmentFixture.restore(manager, "unit", before);
        }
    }

    @Test
    void aSchemeEditedConcurrentlyIsRefusedAndEveryVersionIsKept() {
        var manager = ApiClient.loggedIn(port, "manager");
        JsonNode before = manager.get("/api/reports/schemes/unit").json();
        int read = before.path("version").asInt();
        var items = List.of(item("sign-timeliness", 50, 98, 1, 0), item("satisfaction", 50, 90, 1, 0));
        try {
            var first = manager.put("/api/reports/schemes/unit", Map.of("version", read, "items", items));
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().path("version").asInt()).isEqualTo(read + 1);
            var second = manager.put("/api/reports/schemes/unit", Map.of("version", read, "items", items));
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.detail()).contains("已被他人修改");
            var bad = manager.put("/api/reports/schemes/unit", Map.of("version", read + 1,
                    "items", List.of(item("sign-timeliness", 500, 98, 1, 0))));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.detail()).contains("权重");
            assertThat(ApiClient.loggedIn(port, "zjj_leader").put("/api/reports/schemes/unit",
                    Map.of("version", read + 1, "items", items)).status()).isEqualTo(403);
            // the old version is still there and reports can still be computed with it
            assertThat(manager.get("/api/reports/schemes/unit?version=" + read).json().path("items").size())
                    .isEqualTo(before.path("items").size());
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'reporting.scheme-changed' and target = ?")
                    .param("scheme:UNIT:v" + (read + 1)).query(Long.class).single()).isEqualTo(1);
        } finally {
            AssessmentFixture.restore(manager, "unit", before);
        }
    }
}
