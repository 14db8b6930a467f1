package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The smart-dispatch panel: an agent types a gas leak on intake, the published 派单目录's gas rule suggests 燃气集团,
 * 采用 fills the main unit and the order is dispatched with the rule as its basis; a dispatcher dispatches a waiting
 * order from the workbench with one click on the best suggestion. The orders are this test's own (own phone numbers).
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(240)
class SmartDispatchBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long unit(String code) {
        return jdbc.sql("select id from org_node where code = ?").param(code).query(Long.class).single();
    }

    private static String phone() {
        return "135" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    @Test
    void anAgentTypesAnAppealSeesTheSuggestionAndDispatchesWithOneClick(BrowserSession agent) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "楼道燃气味很浓 " + tag;
        agent.login("agent4").goTo("/workorders/intake");
        Page p = agent.page();
        p.locator(".el-form-item", new Page.LocatorOptions().setHasText("来电号码")).locator("input").fill(phone());
        p.locator(".el-form-item", new Page.LocatorOptions().setHasText("标题")).locator("input").fill(title);
        p.locator(".el-form-item", new Page.LocatorOptions().setHasText("诉求内容")).locator("textarea")
                .fill("我家楼道里一直闻到很浓的燃气味，担心是漏气了，请赶紧派人来查看。");

        Locator panel = p.locator(".intake-suggestions");
        Locator first = panel.locator(".suggestion").first();
        assertThat(first).containsText("燃气");
        assertThat(first).containsText("规则");
        assertThat(first.locator(".reasons li").first()).isVisible();
        first.locator(".pick").click();
        assertThat(p.locator(".basis-tag")).hasText("依派单目录");
        assertThat(p.locator(".el-form-item", new Page.LocatorOptions().setHasText("主办单位")).locator(".el-select"))
                .containsText("燃气");

        p.locator(".form-card .el-button--primary", new Page.LocatorOptions().setHasText("提交")).click();
        p.waitForURL(java.util.regex.Pattern.compile(".*/workorders/\\d+$"));
        long id = jdbc.sql("select id from work_order where title = ?").param(title).query(Long.class).single();
        assertThat(jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single())
                .isNotEqualTo("PENDING_DISPATCH");
        assertThat(jdbc.sql("select unit_id from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(Long.class).single()).isEqualTo(unit("RQJT"));
        var basis = jdbc.sql("select kind, rule_id, catalogue_version, rank from wo_dispatch_basis where work_order_id = ?")
                .param(id).query().singleRow();
        assertThat(basis.get("kind")).isEqualTo("RULE");
        assertThat(basis.get("rule_id")).isNotNull();
        assertThat(basis.get("catalogue_version")).isNotNull();
        assertThat(basis.get("rank")).isEqualTo(1);
    }

    @Test
    void aDispatcherDispatchesAWaitingOrderWithTheBestSuggestion(BrowserSession dispatcher) {
        var api = ApiClient.loggedIn(port, "agent4");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "HELP", "callerPhone", phone(),
                "title", "家里燃气表漏气 " + tag, "content", "厨房燃气表附近有漏气的声音，还有明显的煤气味。"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String no = created.json().get("number").asText();

        dispatcher.login("dispatcher1").goTo("/workorders/dispatch");
        Page d = dispatcher.page();
        d.locator(".bench-search input").fill(no);
        d.locator(".bench-search input").press("Enter");
        d.locator(".to-dispatch .el-table__row", new Page.LocatorOptions().setHasText(no)).locator(".row-dispatch").click();
        Locator dialog = d.locator(".dispatch-dialog");
        assertThat(dialog.locator(".suggestion").first()).containsText("燃气");
        dialog.locator(".first-and-dispatch").click();
        assertThat(d.locator(".el-dialog:visible")).hasCount(0);

        assertThat(jdbc.sql("select unit_id from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(Long.class).single()).isEqualTo(unit("RQJT"));
        assertThat(jdbc.sql("select kind from wo_dispatch_basis where work_order_id = ?").param(id)
                .query(String.class).single()).isEqualTo("RULE");
    }
}
