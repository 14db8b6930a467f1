package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
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
 * 统计分析 in a real browser: the manager's KPI overview shows the API's figures for the range it shows, a figure
 * opens exactly as many records, the Excel export holds the same numbers; the leader's home is the cockpit with
 * today's KPIs; the big screen counts a new order without a reload.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ReportsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theManagersKpiOverviewShowsTheApisFiguresTheirRecordsAndTheSameNumbersInExcel(BrowserSession browser) throws Exception {
        var agent = ApiClient.loggedIn(port, "agent4");
        var created = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "CONSULTATION",
                "content", "居住证办理需要什么材料", "callerName", "赵女士", "callerPhone", "13600136001",
                "finish", Map.of("mode", "DIRECT_REPLY", "reply", "携带身份证和租房合同到派出所办理")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var reporting = new ReportingFixture(port, jdbc, clock);
        reporting.awaitFacts();
        // An agent still in a busy state adds seconds to occupancy every moment: the page and the API must see the
        // same "now" to show the same seconds.
        clock.freezeAt(clock.instant());

        var page = browser.login("manager").goTo("/reports/kpis").page();
        assertThat(browser.menuTitles()).contains("指标总览", "驾驶舱");
        browser.expectText(".kpi-row-direct-reply-rate", "直接答复率");
        Locator dates = page.locator(".range input.el-range-input");
        String query = "from=" + dates.nth(0).inputValue() + "&to=" + dates.nth(1).inputValue();
        JsonNode api = reporting.kpis(ApiClient.loggedIn(port, "manager"), query);

        JsonNode busiest = null;
        for (JsonNode k : api.path("kpis")) {
            Locator row = page.locator(".kpi-row-" + k.path("code").asString());
            assertThat(row.locator(".kpi-num").innerText().trim()).as(k.path("code").asString())
                    .isEqualTo(ReportingFixture.number(k.path("numerator")));
            assertThat(row.locator(".kpi-den").innerText().trim()).as(k.path("code").asString())
                    .isEqualTo(ReportingFixture.number(k.path("denominator")));
            // The records dialog counts rows; occupancy's and adherence's denominators are seconds or minutes, not rows.
            boolean countsRows = !java.util.Set.of("occupancy", "schedule-adherence", "schedule-conformance")
                    .contains(k.path("code").asString());
            if (countsRows && (busiest == null || k.path("denominator").asLong() > busiest.path("denominator").asLong())) {
                busiest = k;
            }
        }
        assertThat(busiest.path("denominator").asLong()).isPositive();
        page.locator(".kpi-row-" + busiest.path("code").asString() + " .kpi-den").click();
        browser.expectText(".kpi-records .records-count", ReportingFixture.number(busiest.path("denominator")));
        browser.screenshot("reports-kpi-records");
        page.locator(".kpi-records .el-dialog__headerbtn").click();

        var download = page.waitForDownload(() -> page.locator("button", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("导出 Excel")).click());
        try (InputStream in = Files.newInputStream(download.path())) {
            var rows = ExcelSheets.read(in);
            for (JsonNode k : api.path("kpis")) {
                var row = rows.stream().filter(r -> r.cell(1).equals(k.path("code").asString()) && r.cell(2).equals("合计"))
                        .findFirst().orElseThrow(() -> new AssertionError("no Excel row for " + k.path("code")));
                assertThat(plain(row.cell(3))).as(k.path("code").asString()).isEqualTo(ReportingFixture.number(k.path("numerator")));
                assertThat(plain(row.cell(4))).as(k.path("code").asString()).isEqualTo(ReportingFixture.number(k.path("denominator")));
            }
        }
    }

    @Test
    void theLeadersHomeIsTheCockpitWithTodaysKpis(BrowserSession browser) {
        var page = browser.login("leader").goTo("/home").page();
        browser.expectText(".cockpit", "今日指标");
        String today = (String) page.evaluate("() => { const d = new Date(), p = (n) => String(n).padStart(2, '0');"
                + " return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) }");
        JsonNode api = new ReportingFixture(port, jdbc, clock).kpis(ApiClient.loggedIn(port, "leader"),
                "from=" + today + "&to=" + today + "&codes=direct-reply-rate,answer-rate,satisfaction");
        for (JsonNode k : api.path("kpis")) {
            String count = "（" + ReportingFixture.number(k.path("numerator")) + " / " + ReportingFixture.number(k.path("denominator")) + "）";
            browser.expectText(".cockpit-" + k.path("code").asString() + " .card-count", count);
        }
        browser.expectText(".cockpit-answer-rate .card-target", "目标 ≥ 95.00%");
        // the alarms of the same day, from the server (below target, overdue spikes)
        JsonNode alarms = ApiClient.loggedIn(port, "leader").get("/api/reports/cockpit/alarms").json();
        browser.expectText(".cockpit .overdue-line", "超期未答复派单 " + alarms.path("overdue").path("openNow").asLong() + " 件");
        for (JsonNode a : alarms.path("alarms")) {
            browser.expectText(".cockpit .alarm-" + a.path("code").asString(), a.path("text").asString());
        }
        browser.screenshot("reports-leader-cockpit");
    }

    @Test
    void theBigScreenCountsAnOrderTheMomentItIsTaken() {
        // the big screen's own size; its map is the app's GeoJSON, its figures come by SSE
        try (var browser = BrowserSession.open(port, 1920, 1080)) {
            try {
                bigScreen(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("failed-big-screen");
                throw new AssertionError(e.getMessage() + " — problems: " + browser.problems(), e);
            }
        }
    }

    private void bigScreen(BrowserSession browser) {
        {
            var page = browser.login("leader").goTo("/reports/bigscreen").page();
            browser.expectText(".bs-clock", "更新于");
            browser.expectText(".bs-district-DH", "东湖区");
            page.locator(".bs-pages").hover(); // the pages stop rotating under the mouse
            browser.expectText(".bs-paused", "已暂停");
            long before = Long.parseLong(page.locator(".bs-orders-today").innerText().trim());
            long inDistrict = Long.parseLong(page.locator(".bs-district-DH .bs-district-count").innerText().trim());
            Locator wechat = page.locator(".bs-channel-WECHAT b");
            long byWechat = wechat.count() == 0 ? 0 : Long.parseLong(wechat.innerText().trim());
            long district = jdbc.sql("select id from org_node where code = 'DH'").query(Long.class).single();
            var created = ApiClient.loggedIn(port, "agent5").post("/api/work-orders", Map.of("channel", "WECHAT",
                    "appealType", "SUGGESTION", "content", "建议在公园增设健身器材", "callerName", "钱先生",
                    "callerPhone", "13600136002", "regionId", district));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            // pushed by the server: the page is not reloaded
            exactly(page.locator(".bs-orders-today"), before + 1);
            exactly(page.locator(".bs-district-DH .bs-district-count"), inDistrict + 1);
            exactly(page.locator(".bs-channel-WECHAT b"), byWechat + 1);
            browser.expectText(".panel", "坐席状态");
            browser.screenshot("reports-big-screen");
            page.locator(".bs-dot", new com.microsoft.playwright.Page.LocatorOptions().setHasText("趋势与排名")).click();
            browser.expectText(".panel", "近 30 天来电与工单");
            browser.screenshot("reports-big-screen-trends");
            assertThat(browser.problems()).as("API errors and console errors on the big screen").isEmpty();
        }
    }

    private static void exactly(Locator figure, long value) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(figure)
                .hasText(java.util.regex.Pattern.compile("^\\s*" + value + "\\s*$"));
    }

    private static String plain(String cell) {
        return cell.isBlank() ? "null" : new BigDecimal(cell).stripTrailingZeros().toPlainString();
    }
}
