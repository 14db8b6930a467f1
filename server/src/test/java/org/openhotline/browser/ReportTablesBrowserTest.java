package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.callcenter.internal.RecordedCalls;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 统计分析 · 报表 in a real browser: from the catalogue, a call report (每日运营情况) and a work-order report
 * (工单受理统计) show the API's figures row by row for the filters the page shows, and a figure opens as many
 * records as it counts.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ReportTablesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    @Test
    void theDailyOperationsReportShowsTheApisFiguresAndACountOpensItsCalls(BrowserSession browser) {
        browser.login("manager");
        var calls = new RecordedCalls(context);
        String call = "rpt-browser-" + System.nanoTime();
        onThePagesLastDay(browser, () -> {
            calls.arrived(call, "INBOUND");
            calls.ended(call, "IVR");
        });
        new ReportingFixture(port, jdbc, clock).awaitFacts();

        var page = browser.goTo("/reports/tables").page();
        assertThat(browser.menuTitles()).contains("报表");
        browser.expectText(".report-card-daily-operations", "每日运营情况");
        page.locator(".report-card-daily-operations").click();
        page.locator(".report-row-0").first().waitFor();
        browser.expectText(".report-title", "每日运营情况");
        String to = page.locator(".range input.el-range-input").nth(1).inputValue();
        JsonNode api = sameAsPage(browser, "daily-operations", "");

        int today = rowOf(api, "period", to);  // the page's last day holds the IVR call just made
        String inbound = ReportingFixture.number(api.path("rows").get(today).path("values").path("inbound"));
        page.locator(".report-row-" + today + " .fig-inbound").first().click();
        browser.expectText(".report-records .records-count", inbound);
        browser.screenshot("reports-table-daily-operations");
    }

    @Test
    void theOrderIntakeReportShowsTheApisFiguresAndACountOpensItsOrders(BrowserSession browser) {
        browser.login("manager");
        var agent = ApiClient.loggedIn(port, "agent6");
        onThePagesLastDay(browser, () -> {
            var created = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "HELP",
                    "content", "楼道灯坏了请求维修", "callerName", "孙女士", "callerPhone", "13600136009"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        });
        new ReportingFixture(port, jdbc, clock).awaitFacts();

        var page = browser.goTo("/reports/tables/order-intake").page();
        page.locator(".report-row-0").first().waitFor();
        browser.expectText(".report-title", "工单受理统计");
        JsonNode api = sameAsPage(browser, "order-intake", "&granularity=total&by=channel");

        int phone = rowOf(api, "channel", "PHONE");
        assertThat(page.locator(".report-row-" + phone + " .key-channel").first().innerText().trim()).isEqualTo("电话");
        String orders = ReportingFixture.number(api.path("rows").get(phone).path("values").path("orders"));
        page.locator(".report-row-" + phone + " .fig-orders").first().click();
        browser.expectText(".report-records .records-count", orders);
        browser.screenshot("reports-table-order-intake");
    }

    @Test
    void aSavedTemplateOpensItsReportWithItsColumnsAndIsSavedAgainAndDeletedFromTheCatalogue(BrowserSession browser) {
        var manager = ApiClient.loggedIn(port, "manager");
        String name = "按诉求类型" + System.nanoTime() % 100000;
        var created = manager.post("/api/reports/templates", Map.of("name", name, "reportCode", "order-intake",
                "columns", java.util.List.of("dispatched", "orders"), "by", "appealType", "granularity", "total",
                "period", "THIS_YEAR", "filters", Map.of(), "shared", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        browser.login("manager");

        var page = browser.goTo("/reports/tables").page();
        page.locator(".template-link", new Page.LocatorOptions().setHasText(name)).click();
        page.locator(".report-row-0").first().waitFor();
        browser.expectText(".template-banner", name);
        var headers = page.locator(".report-grid th .column-title").allInnerTexts();
        assertThat(headers).as("the template's columns, in its order").hasSize(2);
        assertThat(headers.get(0)).startsWith("转派");
        assertThat(headers.get(1)).startsWith("受理量");
        String from = page.locator(".range input.el-range-input").nth(0).inputValue();
        assertThat(from).as("本年 starts on 1 January").endsWith("-01-01");
        sameAsPage(browser, "order-intake", "&granularity=total&by=appealType&columns=dispatched,orders");

        page.locator(".save-template").click();
        page.locator(".el-radio", new Page.LocatorOptions().setHasText("另存为新模板")).click();
        page.locator(".template-name input").fill(name + "副本");
        page.locator(".template-save").click();
        browser.expectText(".template-banner", name + "副本");
        browser.screenshot("reports-template");

        browser.goTo("/reports/tables");
        page.locator(".template-link", new Page.LocatorOptions().setHasText(name + "副本")).waitFor();
        page.locator(".template-list .el-table__row", new Page.LocatorOptions().setHasText(name + "副本"))
                .locator(".template-delete").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        page.locator(".template-link", new Page.LocatorOptions().setHasText(name + "副本"))
                .waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(manager.get("/api/reports/templates").body()).contains(name).doesNotContain(name + "副本");
        assertThat(manager.delete("/api/reports/templates/" + created.json().path("id").asLong() + "?version=0").status())
                .isEqualTo(204);
    }

    /**
     * Runs {@code step} with the clock inside the browser's today (its date range ends there): the server's day may
     * already be tomorrow when the browser's time zone is behind the hotline's.
     */
    private void onThePagesLastDay(BrowserSession browser, Runnable step) {
        String today = (String) browser.page().evaluate("() => { const d = new Date(), p = (n) => String(n).padStart(2, '0');"
                + " return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) }");
        Instant lastMinute = LocalDate.parse(today).atTime(23, 59).atZone(clock.getZone()).toInstant();
        Instant now = clock.instant();
        clock.freezeAt(now.isBefore(lastMinute) ? now : lastMinute);
        try {
            step.run();
        } finally {
            clock.reset();
        }
    }

    /** Every figure of every row on the page equals the API's for the page's dates; answers the API's table. */
    private JsonNode sameAsPage(BrowserSession browser, String code, String extra) {
        Page page = browser.page();
        Locator dates = page.locator(".range input.el-range-input");
        String query = "from=" + dates.nth(0).inputValue() + "&to=" + dates.nth(1).inputValue() + extra;
        var r = ApiClient.loggedIn(port, "manager").get("/api/reports/tables/" + code + "?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode api = r.json();
        assertThat(api.path("rows").size()).isPositive();
        assertThat(page.locator(".report-grid .report-row").count()).isEqualTo(api.path("rows").size());
        for (int i = 0; i < api.path("rows").size(); i++) {
            JsonNode values = api.path("rows").get(i).path("values");
            for (JsonNode c : api.path("columns")) {
                String key = c.path("key").asString();
                assertThat(page.locator(".report-row-" + i + " .fig-" + key).first().innerText().trim())
                        .as(code + " row " + i + " " + key).isEqualTo(shown(c, values.path(key)));
            }
        }
        return api;
    }

    private static int rowOf(JsonNode api, String key, String value) {
        for (int i = 0; i < api.path("rows").size(); i++) {
            if (api.path("rows").get(i).path("keys").path(key).asString().equals(value)) {
                return i;
            }
        }
        throw new AssertionError("no row " + key + "=" + value + " in " + api);
    }

    /** A figure as the page formats it (reportTables.ts formatFigure). */
    private static String shown(JsonNode column, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        BigDecimal v = new BigDecimal(value.asString());
        if (column.path("kind").asString().equals("PERCENT")) {
            return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (column.path("unit").asString().equals("秒")) {
            String s = v.setScale(1, RoundingMode.HALF_UP).toPlainString();
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        return v.toPlainString();
    }
}
