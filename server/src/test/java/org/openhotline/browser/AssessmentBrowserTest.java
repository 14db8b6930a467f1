package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 监管考核 in a real browser: the manager's 成员单位考核 shows the API's values, scores, totals and ranks for the range it
 * shows and the Excel export the same totals, a unit leader sees its unit only; 话务员考核 shows the API's points for
 * each agent and the centre, and an agent's 我的考核 its own total.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class AssessmentBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theUnitKpiReportShowsTheApisFiguresAndTheSameTotalsInExcel(BrowserSession browser) throws Exception {
        var reporting = new ReportingFixture(port, jdbc, clock);
        var created = ApiClient.loggedIn(port, "agent6").post("/api/work-orders", Map.of("channel", "PHONE",
                "appealType", "COMPLAINT", "content", "小区路灯不亮", "callerName", "孙先生", "callerPhone", "13600136011"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long order = created.json().path("id").asLong();
        long zjj = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        var dispatched = ApiClient.loggedIn(port, "dispatcher1").post("/api/work-orders/" + order + "/dispatch",
                org.openhotline.testing.StepVersions.withCurrentVersion(jdbc, "/api/work-orders/" + order + "/dispatch",
                        Map.of("mainUnitId", zjj, "instruction", "请核实处理")));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        reporting.awaitFacts();

        var page = browser.login("manager").goTo("/reports/unit-kpis").page();
        assertThat(browser.menuTitles()).contains("成员单位考核", "话务员考核", "指标与考核配置");
        loaded(page, ".scheme-version");
        var dates = page.locator(".range input.el-range-input");
        String query = "from=" + dates.nth(0).inputValue() + "&to=" + dates.nth(1).inputValue();
        JsonNode api = ApiClient.loggedIn(port, "manager").get("/api/reports/unit-kpis?" + query).json();
        assertThat(api.path("units").size()).isPositive();
        browser.expectText(".scheme-version", "第 " + api.path("scheme").path("version").asInt() + " 版");
        for (JsonNode u : api.path("units")) {
            var row = page.locator(".unit-row-" + u.path("unitId").asLong());
            assertThat(row.locator(".unit-total").innerText().trim()).as(u.path("unitName").asString())
                    .isEqualTo(points(u.path("total")));
            assertThat(row.locator(".unit-rank").innerText().trim()).isEqualTo(u.path("rank").asString());
            for (JsonNode i : u.path("items")) {
                assertThat(row.locator(".unit-score-" + i.path("code").asString()).innerText().trim())
                        .as(u.path("unitName").asString() + " " + i.path("code").asString()).isEqualTo(points(i.path("score")));
                assertThat(row.locator(".unit-den-" + i.path("code").asString()).innerText().trim())
                        .isEqualTo(ReportingFixture.number(i.path("denominator")).replace("null", "0"));
            }
        }
        // a figure opens the orders behind it
        JsonNode zjjRow = null;
        for (JsonNode u : api.path("units")) {
            if (u.path("unitId").asLong() == zjj) {
                zjjRow = u;
            }
        }
        assertThat(zjjRow).isNotNull();
        page.locator(".unit-row-" + zjj + " .unit-den-sign-timeliness").click();
        browser.expectText(".kpi-records .records-count", ReportingFixture.number(zjjRow.path("items").get(0).path("denominator")));
        page.locator(".kpi-records .el-dialog__headerbtn").click();
        browser.screenshot("assessment-unit-kpis");

        var download = page.waitForDownload(() -> page.locator("button", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("导出 Excel")).click());
        try (InputStream in = Files.newInputStream(download.path())) {
            var rows = ExcelSheets.read(in);
            for (JsonNode u : api.path("units")) {
                var row = rows.stream().filter(r -> r.cell(1).equals(u.path("unitName").asString())).findFirst()
                        .orElseThrow(() -> new AssertionError("no Excel row for " + u.path("unitName")));
                int totalColumn = 2 + 2 * u.path("items").size();
                assertThat(new BigDecimal(row.cell(totalColumn)).compareTo(new BigDecimal(u.path("total").asString())))
                        .as(u.path("unitName").asString()).isZero();
            }
        }

        browser.logout();
        browser.login("zjj_leader").goTo("/reports/unit-kpis");
        loaded(browser.page(), ".unit-row");
        browser.expectText(".unit-row", "江州市住房和城乡建设局");
        // its own unit (and sub-units with dispatches of their own), nothing else
        JsonNode own = ApiClient.loggedIn(port, "zjj_leader").get("/api/reports/unit-kpis?" + query).json();
        assertThat(own.toString()).doesNotContain("江州市城市管理局");
        assertThat(browser.page().locator(".unit-row").count()).isEqualTo(own.path("units").size());
    }

    @Test
    void theOperatorAssessmentShowsTheApisPointsAndTheAgentItsOwn(BrowserSession browser) {
        long agent9 = jdbc.sql("select id from account where username = 'agent9'").query(Long.class).single();
        long agent10 = jdbc.sql("select id from account where username = 'agent10'").query(Long.class).single();
        try {
            var at = LocalDateTime.of(2033, 9, 8, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            for (int i = 0; i < 6; i++) {
                long agent = i < 3 ? agent9 : agent10;
                var queued = at.plusSeconds(600L * i);
                jdbc.sql("""
                                insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, group_id, offered_at,
                                                           agent_id, answered_at, ended_at, satisfaction)
                                values (?, 'INBOUND', ?, ?, 99003, ?, ?, ?, ?, ?)""")
                        .params("asmt-b-" + i, Timestamp.from(queued), Timestamp.from(queued), Timestamp.from(queued),
                                agent, i == 5 ? null : Timestamp.from(queued.plusSeconds(8)), Timestamp.from(queued.plusSeconds(90)),
                                i == 5 ? null : (i % 2 == 0 ? 1 : 2))
                        .update();
            }
            var manager = ApiClient.loggedIn(port, "manager");
            assertThat(manager.post("/api/reports/agent-adjustments", Map.of("agentId", agent9, "month", "2033-09",
                    "kind", "BANNER", "note", "市民送锦旗")).status()).isEqualTo(201);
            JsonNode api = manager.get("/api/reports/agent-assessment?month=2033-09").json();
            assertThat(api.path("agents")).hasSize(2);

            var page = browser.login("manager").goTo("/reports/agent-assessment?month=2033-09").page();
            loaded(page, ".agent-total");
            browser.expectText(".scheme-version", "第 " + api.path("scheme").path("version").asInt() + " 版");
            for (JsonNode a : api.path("agents")) {
                var row = page.locator(".agent-row-" + a.path("agentId").asLong()).first();
                browser.expectText(".agent-row-" + a.path("agentId").asLong() + " .agent-total", points(a.path("total")));
                assertThat(row.locator(".agent-bonus").innerText().trim()).isEqualTo(points(a.path("bonus")));
                for (JsonNode i : a.path("items")) {
                    assertThat(row.locator(".agent-score-" + i.path("code").asString()).innerText().trim())
                            .as(a.path("name").asString() + " " + i.path("code").asString()).isEqualTo(points(i.path("score")));
                }
            }
            browser.expectText(".total-average-centre", points(api.path("centre").path("average")));
            // a total per team (班组) the agents were in that month
            for (JsonNode t : api.path("teams")) {
                browser.expectText(".total-average-team-" + t.path("key").asString(), points(t.path("average")));
            }
            browser.screenshot("assessment-agents");

            browser.logout();
            JsonNode own = ApiClient.loggedIn(port, "agent9").get("/api/reports/agent-assessment/me?month=2033-09").json();
            browser.login("agent9").goTo("/reports/my-assessment?month=2033-09");
            loaded(browser.page(), ".my-total-value");
            assertThat(browser.menuTitles()).contains("我的考核").doesNotContain("话务员考核");
            browser.expectText(".my-total-value", points(own.path("agents").get(0).path("total")));
            assertThat(points(own.path("agents").get(0).path("total"))).isEqualTo(pointsOf(api, agent9));
            browser.screenshot("assessment-my-card");
        } finally {
            jdbc.sql("delete from rpt_call_fact where call_id like 'asmt-b-%'").update();
            jdbc.sql("delete from rpt_agent_adjustment where month = '2033-09'").update();
        }
    }

    /**
     * Waits for a report's first answer: these reports compute several KPI statements per unit or agent, which on a
     * loaded build machine takes longer than the assertions' default wait.
     */
    private static void loaded(com.microsoft.playwright.Page page, String selector) {
        page.locator(selector).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
    }

    private static String pointsOf(JsonNode report, long agent) {
        for (JsonNode a : report.path("agents")) {
            if (a.path("agentId").asLong() == agent) {
                return points(a.path("total"));
            }
        }
        throw new AssertionError("no agent " + agent);
    }

    /** The screens show points with two decimals. */
    private static String points(JsonNode n) {
        return new BigDecimal(n.asString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
