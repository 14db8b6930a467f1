package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Work-order KPIs on a small scenario taken through the API on a day of its own, each figure computed by hand
 * below, and every figure's records counted through the drill-down.
 */
@HotlineTest
class OrderKpiTest {

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
     * O1 consultation answered directly; O2 consultation dispatched to 住建局, signed, replied, accepted, called back
     * satisfied (closed); O3 complaint from WeChat dispatched to 住建局, returned (approved), dispatched to 城管局,
     * which signs 25 h later (late), gets an extension, replies, and the citizen is dissatisfied (reopened).
     */
    @Test
    void orderKpisMatchTheScenarioComputedByHand() {
        LocalDate day = f.ownDay(45);
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        var manager = ApiClient.loggedIn(port, "manager");

        f.order(agent, "PHONE", "CONSULTATION", "公积金提取需要哪些材料",
                Map.of("mode", "DIRECT_REPLY", "reply", "携带身份证和购房合同到公积金中心办理"));

        long o2 = f.order(agent, "PHONE", "CONSULTATION", "小区加装电梯的补贴政策", null);
        f.dispatch(dispatcher, o2, "ZJJ");
        long a1 = f.assignment(zjj, o2, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o2 + "/assignments/" + a1 + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + o2 + "/assignments/" + a1 + "/reply", Map.of("text", "补贴标准已电话告知"));
        f.ok(dispatcher, "/api/work-orders/" + o2 + "/reply-review", Map.of("accept", true));
        f.ok(callback, "/api/work-orders/" + o2 + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED"));

        long o3 = f.order(agent, "WECHAT", "COMPLAINT", "路边摊占道经营影响通行", null);
        f.dispatch(dispatcher, o3, "ZJJ");
        long a2 = f.assignment(zjj, o3, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o3 + "/assignments/" + a2 + "/return-request", Map.of("reason", "占道经营属城管职责"));
        f.ok(dispatcher, "/api/work-orders/" + o3 + "/requests/" + f.request(a2, "RETURN") + "/decision", Map.of("approve", true));
        f.dispatch(dispatcher, o3, "CGJ");
        long a3 = f.assignment(cgj, o3, "CGJ");
        clock.advance(Duration.ofHours(25));
        f.ok(cgj, "/api/work-orders/" + o3 + "/assignments/" + a3 + "/sign", null);
        f.ok(cgj, "/api/work-orders/" + o3 + "/assignments/" + a3 + "/extension-request",
                Map.of("amount", 2, "unit", "WORKING_DAYS", "reason", "需要联合执法"));
        f.ok(dispatcher, "/api/work-orders/" + o3 + "/requests/" + f.request(a3, "EXTENSION") + "/decision", Map.of("approve", true));
        f.ok(cgj, "/api/work-orders/" + o3 + "/assignments/" + a3 + "/reply", Map.of("text", "已清理占道摊点"));
        f.ok(dispatcher, "/api/work-orders/" + o3 + "/reply-review", Map.of("accept", true));
        f.ok(callback, "/api/work-orders/" + o3 + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
        f.awaitFacts();

        String query = "from=" + day + "&to=" + day.plusDays(1);
        JsonNode report = f.kpis(manager, query);
        // consultations O1, O2; O1 answered directly
        assertThat(figures(report, "direct-reply-rate")).containsExactly("1", "2", "50");
        // O1 directly, O2 closed without reopening or urging
        assertThat(figures(report, "first-contact-resolution")).containsExactly("2", "2", "100");
        // O2 and O3 dispatched at once
        assertThat(figures(report, "dispatch-timeliness")).containsExactly("2", "2", "100");
        // dispatches A1, A2, A3; A2 returned (approved)
        assertThat(figures(report, "dispatch-accuracy")).containsExactly("2", "3", "66.67");
        assertThat(figures(report, "return-rate")).containsExactly("1", "3", "33.33");
        assertThat(figures(report, "extension-rate")).containsExactly("1", "3", "33.33");
        // A1 signed at once, A3 after 25 h (limit 24 h); A2 returned, not counted
        assertThat(figures(report, "sign-timeliness")).containsExactly("1", "2", "50");
        // A1 replied in time; A3 was reopened by the dissatisfied callback and is not due yet
        assertThat(figures(report, "completion-on-time")).containsExactly("1", "1", "100");
        // closed dispatched orders: O2, called back
        assertThat(figures(report, "callback-rate")).containsExactly("1", "1", "100");
        // orders with a standing main reply: O2, called back within minutes
        assertThat(figures(report, "callback-24h-rate")).containsExactly("1", "1", "100");
        // callbacks: O2 satisfied, O3 dissatisfied
        assertThat(figures(report, "satisfaction")).containsExactly("1", "2", "50");
        assertThat(figures(report, "reopen-rate")).containsExactly("1", "2", "50");
        // O3 came by WeChat and was first signed 25 h later
        assertThat(figures(report, "online-response-rate")).containsExactly("0", "1", "0");

        for (String code : List.of("direct-reply-rate", "dispatch-accuracy", "sign-timeliness", "satisfaction",
                "online-response-rate", "callback-rate")) {
            JsonNode k = ReportingFixture.kpi(report, code);
            assertThat(f.records(manager, code, query, "numerator")).as(code).isEqualTo(k.path("numerator").asLong());
            assertThat(f.records(manager, code, query, "denominator")).as(code).isEqualTo(k.path("denominator").asLong());
        }

        // data scope: a unit leader sees the dispatches to its unit and no call-center figures
        JsonNode zjjView = f.kpis(ApiClient.loggedIn(port, "zjj_leader"), query);
        assertThat(figures(zjjView, "dispatch-accuracy")).containsExactly("1", "2", "50");
        assertThat(zjjView.path("kpis").toString()).doesNotContain("answer-rate");
        var cgjLeader = ApiClient.loggedIn(port, "cgj_leader");
        assertThat(figures(f.kpis(cgjLeader, query), "dispatch-accuracy")).containsExactly("1", "1", "100");
        assertThat(f.records(cgjLeader, "dispatch-accuracy", query, "denominator")).isEqualTo(1);
        var foreign = cgjLeader.get("/api/reports/kpis?" + query + "&org=" + f.unit("ZJJ"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.detail()).contains("不在您的查看范围内");
        // the manager narrows to a unit with org, and groups by unit
        assertThat(figures(f.kpis(manager, query + "&org=" + f.unit("CGJ")), "dispatch-accuracy")).containsExactly("1", "1", "100");
        JsonNode byUnit = ReportingFixture.kpi(f.kpis(manager, query + "&groupBy=unit"), "dispatch-accuracy").path("groups");
        assertThat(byUnit.toString()).contains("\"label\":\"江州市住房和城乡建设局\"");
    }
}
