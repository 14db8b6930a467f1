package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake screen opened from a call shows the caller's orders and the knowledge panel; the callback dialog
 * preselects nothing, counts 联系不上 attempts and applies the manager's rule on the last one. The orders are this
 * test's own (a phone number of its own); the callback rule is put back as it was.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(240)
class IntakeAndCallbackBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static Locator dialog(Page page) {
        return page.locator(".el-dialog:visible");
    }

    private long order(ApiClient agent, String phone, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "CONSULTATION");
        body.put("content", content);
        body.put("callerName", "赵先生");
        body.put("callerPhone", phone);
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private String number(long id) {
        return jdbc.sql("select number from work_order where id = ?").param(id).query(String.class).single();
    }

    private int version(long id) {
        return jdbc.sql("select version from work_order where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void intakeFromACallShowsTheCallersOrdersAndSearchesTheKnowledgeBase(BrowserSession agent) {
        var api = ApiClient.loggedIn(port, "agent4");
        String phone = "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        String first = number(order(api, phone, "咨询公积金提取需要哪些材料"));
        String second = number(order(api, phone, "咨询公积金贷款额度"));

        agent.login("agent4").goTo("/workorders/intake?callId=call-" + phone + "&phone=" + phone);
        Page p = agent.page();
        Locator history = p.locator(".caller-history .mini");
        assertThat(history).hasCount(2);
        assertThat(p.locator(".caller-history")).containsText(first);
        assertThat(p.locator(".caller-history")).containsText(second);

        Locator panel = p.locator(".knowledge-side");
        panel.locator("input").fill("公积金提取");
        panel.locator("input").press("Enter");
        assertThat(panel.locator(".kb-panel__hit").first()).containsText("公积金");
        assertThat(panel.locator(".kb-panel__meta")).containsText("共");
    }

    @Test
    void theCallbackDialogPreselectsNothingAndTheLastUnreachableAttemptClosesTheOrder(BrowserSession callback) {
        Map<String, String> before = new HashMap<>();
        jdbc.sql("select key, value from wo_setting").query(rs -> {
            before.put(rs.getString(1), rs.getString(2));
        });
        try {
            var manager = ApiClient.loggedIn(port, "manager");
            assertThat(manager.put("/api/work-orders/settings", Map.of("callbackMaxAttempts", 2,
                    "callbackWhenExhausted", "CLOSE", "unitsMayUnmask", false)).status()).isEqualTo(200);
            long id = waitingForCallback();
            String no = number(id);

            callback.login("callback1").goTo("/workorders/callback");
            Page c = callback.page();
            for (int attempt = 1; attempt <= 2; attempt++) {
                c.locator(".bench-search input").fill(no);
                c.locator(".bench-search input").press("Enter");
                Locator row = c.locator(".to-call-back .el-table__row", new Page.LocatorOptions().setHasText(no));
                row.locator(".row-callback").click();
                Locator d = dialog(c);
                assertThat(d.locator(".el-radio.is-checked")).hasCount(0);
                assertThat(d.locator(".field-satisfaction")).hasCount(0);
                if (attempt == 2) {
                    assertThat(d.locator(".action-info")).containsText("已尝试 1 次");
                }
                d.locator(".el-radio", new Locator.LocatorOptions().setHasText("联系不上/未接通")).click();
                d.locator(".el-dialog__footer .el-button--primary").click();
                assertThat(dialog(c)).hasCount(0);
                int expected = attempt;
                assertThat(jdbc.sql("select callback_attempts from work_order where id = ?").param(id)
                        .query(Integer.class).single()).isEqualTo(expected);
            }
            assertThat(jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single())
                    .isEqualTo("CLOSED");
            assertThat(jdbc.sql("select count(*) from wo_callback where work_order_id = ?").param(id)
                    .query(Long.class).single()).isZero();
        } finally {
            before.forEach((k, v) -> jdbc.sql("update wo_setting set value = ? where key = ?").params(v, k).update());
        }
    }

    private long waitingForCallback() {
        var agent = ApiClient.loggedIn(port, "agent4");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        String phone = "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        long id = order(agent, phone, "小区电梯经常停运");
        long unit = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        ok(dispatcher.post("/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit, "version", version(id))));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ?").param(id).query(Long.class).single();
        ok(zjj.post("/api/work-orders/" + id + "/assignments/" + a + "/sign", Map.of("version", version(id))));
        ok(zjj.post("/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已维修", "version", version(id))));
        ok(dispatcher.post("/api/work-orders/" + id + "/reply-review", Map.of("accept", true, "version", version(id))));
        return id;
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
