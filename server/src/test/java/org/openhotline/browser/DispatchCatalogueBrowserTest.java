package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
 * The manager's dispatch screens: on 派单目录 a rule is written (its keyword this test's own, so it matches no other
 * test's appeal), tried on past orders, saved and published as the next version — then taken out again; on 自动派单
 * the validation curve is drawn and a threshold is set for a category of this test's own, then removed.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(240)
class DispatchCatalogueBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The screens wait on the server: on a machine at load 50 the default 5 s of an assertion is not enough. */
    private static final double WAIT_MS = 30_000;
    private static final LocatorAssertions.ContainsTextOptions TEXT = new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS);
    private static final LocatorAssertions.HasTextOptions EXACT = new LocatorAssertions.HasTextOptions().setTimeout(WAIT_MS);
    private static final LocatorAssertions.HasCountOptions COUNT = new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MS);
    private static final LocatorAssertions.IsVisibleOptions VISIBLE = new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT_MS);

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    private static Locator.LocatorOptions within(String text) {
        return new Locator.LocatorOptions().setHasText(text);
    }

    @Test
    void theManagerWritesTriesAndPublishesARule(BrowserSession manager) {
        String word = "目录测试词" + UUID.randomUUID().toString().substring(0, 6);
        int before = jdbc.sql("select coalesce(max(version), 0) from wo_dispatch_catalogue").query(Integer.class).single();
        manager.login("manager").goTo("/workorders/admin/dispatch-catalogue");
        Page p = manager.page();
        assertThat(p.locator(".model-card")).containsText("首选准确率", TEXT);
        assertThat(p.locator(".rules-table .el-table__row").first()).isVisible(VISIBLE);

        ApiClient api = ApiClient.loggedIn(port, "manager");
        try {
            p.locator(".el-button", hasText("新增规则")).click();
            Locator dialog = p.locator(".rule-dialog");
            dialog.locator(".el-form-item", within("规则名称")).locator("input").fill("测试规则 " + word);
            dialog.locator(".el-form-item", within("关键词")).locator("input").fill(word);
            dialog.locator(".el-form-item", within("主办单位")).locator(".el-select").first().click();
            p.keyboard().type("燃气集团");
            p.locator(".el-tree-node__content:visible", hasText("燃气集团")).first().click();
            dialog.locator(".try").click();
            assertThat(dialog.locator(".trial-figures")).containsText("扫描", TEXT);
            assertThat(dialog.locator(".trial-figures")).containsText("命中 0 件", TEXT);
            dialog.locator(".el-button--primary", within("保存")).click();
            assertThat(p.locator(".rules-table .el-table__row", hasText(word))).containsText("燃气集团", TEXT);

            p.locator(".publish").click();
            p.locator(".el-message-box .el-button--primary").click();
            assertThat(p.locator(".current-version")).hasText("第 " + (before + 1) + " 版", EXACT);
            assertThat(jdbc.sql("select rules::text from wo_dispatch_catalogue where version = ?").param(before + 1)
                    .query(String.class).single()).contains(word);
        } finally {
            // the rule is this test's own: take it out of the drafts and, if it was published, out of the catalogue
            var rule = jdbc.sql("select id, version from wo_dispatch_rule where name = ?").param("测试规则 " + word)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional();
            if (rule.isPresent()) {
                assertThat(api.delete("/api/dispatch-catalogue/rules/" + rule.get()[0] + "?version=" + rule.get()[1]).status())
                        .isEqualTo(200);
                boolean published = jdbc.sql("select count(*) from wo_dispatch_catalogue where version = "
                        + "(select max(version) from wo_dispatch_catalogue) and rules::text like ?").param("%" + word + "%")
                        .query(Integer.class).single() > 0;
                if (published) {
                    assertThat(api.post("/api/dispatch-catalogue/publish", Map.of("note", "撤下浏览器测试规则")).status()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void theManagerSeesTheCurveAndSetsAThresholdForACategory(BrowserSession manager) {
        ApiClient api = ApiClient.loggedIn(port, "manager");
        String name = "自动派单界面测试" + UUID.randomUUID().toString().substring(0, 6);
        var created = api.post("/api/work-orders/categories", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        long category = created.json().path("id").asLong();
        try {
            manager.login("manager").goTo("/workorders/admin/auto-dispatch");
            Page p = manager.page();
            assertThat(p.locator(".curve-table .el-table__row")).hasCount(11, COUNT);
            // ECharts adds its canvas on the first frame after the data arrived
            assertThat(p.locator(".chart canvas").first()).isAttached(
                    new LocatorAssertions.IsAttachedOptions().setTimeout(WAIT_MS));
            assertThat(p.locator(".curve-table .el-table__row").first()).containsText("≥ 0.50", TEXT);
            assertThat(p.locator(".global-switch")).not().hasClass(java.util.regex.Pattern.compile(".*is-checked.*"));
            assertThat(p.locator(".live")).containsText("自动派单", TEXT);

            p.locator(".el-select.new-category").click(); // el-tree-select gives its class to the popup tree too
            p.keyboard().type(name);
            p.locator(".el-tree-node__content:visible", hasText(name)).first().click();
            p.locator(".new-threshold input").fill("0.85");
            p.locator(".new-threshold input").press("Tab");
            p.locator(".add-category").click();
            Locator row = p.locator(".category-table .el-table__row", hasText(name));
            assertThat(row).containsText("≥ 0.85", TEXT);
            assertThat(jdbc.sql("select threshold from wo_dispatch_auto_category where category_id = ?").param(category)
                    .query(Double.class).single()).isEqualTo(0.85);

            row.locator(".remove").click();
            assertThat(p.locator(".category-table .el-table__row", hasText(name))).hasCount(0, COUNT);
            assertThat(jdbc.sql("select count(*) from wo_dispatch_auto_category where category_id = ?").param(category)
                    .query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("delete from wo_dispatch_auto_category where category_id = ?").param(category).update();
            jdbc.sql("delete from wo_category where id = ?").param(category).update();
        }
    }
}
