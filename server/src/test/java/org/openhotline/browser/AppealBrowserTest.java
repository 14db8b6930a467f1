package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 工单申诉 in the screens (issue 18): an order of 住建局 was called back 不满意 (set up through the API); zjj1 appeals
 * it on the order's detail, sees it in 我的申诉, and supervisor1 upholds it in 申诉审核; the order's timeline says so.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(240)
class AppealBrowserTest {

    private static final String UNIT = "江州市住房和城乡建设局";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private void ok(ApiClient client, String path, Map<String, Object> body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body == null ? Map.of() : body));
        if (r.status() != 200) {
            throw new AssertionError(path + " → " + r.body());
        }
    }

    private long dissatisfiedOrder(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "COMPLAINT");
        body.put("title", title);
        body.put("content", "要求住建局强制小区全体业主同意加装电梯");
        body.put("callerName", "周先生");
        body.put("callerPhone", "135" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        long id = ApiClient.loggedIn(port, "agent2").post("/api/work-orders", body).json().path("id").asLong();
        long unit = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        ok(ApiClient.loggedIn(port, "dispatcher1"), "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit));
        var zjj = ApiClient.loggedIn(port, "zjj1");
        long a = 0;
        for (JsonNode n : zjj.get("/api/work-orders/" + id).json().path("assignments")) {
            a = n.path("id").asLong();
        }
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已依法解释"));
        ok(ApiClient.loggedIn(port, "dispatcher1"), "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        ok(ApiClient.loggedIn(port, "callback1"), "/api/work-orders/" + id + "/callback",
                Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
        return id;
    }

    private static Locator dialog(Page page) {
        return page.locator(".el-dialog:visible");
    }

    private static void confirm(Page page) {
        Locator open = dialog(page);
        open.locator(".el-dialog__footer .el-button--primary").click();
        assertThat(open).hasCount(0);
    }

    @Test
    void aUnitAppealsADissatisfiedCallbackAndTheSupervisorUpholdsIt(BrowserSession unit, BrowserSession supervisor) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = dissatisfiedOrder("加装电梯诉求（" + tag + "）");
        String no = jdbc.sql("select number from work_order where id = ?").param(id).query(String.class).single();

        unit.login("zjj1").goTo("/workorders/" + id);
        Page u = unit.page();
        u.locator(".el-button.appeal", new Page.LocatorOptions().setHasText(UNIT)).click();
        Locator form = dialog(u);
        assertThat(form.locator(".el-dialog__title")).hasText("提出申诉");
        form.locator(".el-form-item", new Locator.LocatorOptions().setHasText("申诉类型")).locator(".el-select").click();
        u.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("不满意回访")).click();
        form.locator(".el-form-item", new Locator.LocatorOptions().setHasText("申诉理由")).locator("textarea")
                .fill("群众诉求超出法定职责，已依法解释");
        confirm(u);
        assertThat(u.locator(".step[data-action=appeal-submitted]")).containsText("不满意回访");

        unit.goTo("/workorders/appeals");
        Locator mine = u.locator(".appeals .el-table__row", new Page.LocatorOptions().setHasText(no));
        assertThat(mine).hasCount(1);
        assertThat(mine.locator(".appeal-state")).hasText("待审核");

        supervisor.login("supervisor1").goTo("/workorders/appeals/review");
        Page s = supervisor.page();
        Locator row = s.locator(".appeals .el-table__row", new Page.LocatorOptions().setHasText(no));
        assertThat(row).hasCount(1);
        row.locator(".uphold").click();
        Locator decision = dialog(s);
        assertThat(decision.locator(".el-dialog__title")).hasText("申诉成立");
        // a dissatisfied callback's appeal may also change the result (改判); excluding it is the default
        assertThat(decision.locator(".field-outcome .el-radio")).hasCount(3);
        assertThat(decision.locator(".field-outcome .el-radio.is-checked")).hasText("剔除（不计入满意率）");
        decision.locator("textarea").fill("诉求超出职责范围，申诉成立");
        confirm(s);
        assertThat(s.locator(".appeals .el-table__row", new Page.LocatorOptions().setHasText(no))).hasCount(0);

        u.reload(); // 我的申诉 is still open in the unit's browser: read it again
        assertThat(u.locator(".appeals .el-table__row", new Page.LocatorOptions().setHasText(no)).locator(".appeal-state"))
                .hasText("申诉成立");
        supervisor.goTo("/workorders/" + id);
        assertThat(s.locator(".step[data-action=appeal-upheld]")).containsText("不计入相关考核指标");
        List.of(unit, supervisor).forEach(b -> org.assertj.core.api.Assertions.assertThat(b.problems()).isEmpty());
    }
}
