package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 数据交换 screen as the system admin uses it: a counterpart's queue, a dead letter retried with a reason (which
 * the audit admin finds), and a reconciliation with a counterpart that does not answer shown as failed.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ExchangeBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sysadminSeesTheQueueRetriesADeadLetterAndRunsAReconciliation(BrowserSession browser) {
        String code = "BT" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        // A counterpart nobody listens at (port 9 on loopback: discard, refused), disabled so nothing is sent to it.
        var saved = sysadmin.put("/api/exchange/counterparts/" + code, Map.of("name", "浏览器测试平台" + code,
                "kind", "EVALUATION", "baseUrl", "http://127.0.0.1:9", "secret", "browser-test-key-0123456789",
                "algorithm", "HMAC-SHA256", "enabled", false));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String messageId = "JZ>JZ:" + code + "#1";
        long row = jdbc.sql("""
                insert into ex_outbox (counterpart, message_id, order_key, seq, type, schema_version, payload, state,
                                       attempts, last_error, created_at)
                values (?, ?, ?, 1, 'evaluation', 1, '{}'::jsonb, 'DEAD', 1, '对方拒收：缺少必填字段', ?) returning id""")
                .params(code, messageId, "JZ:" + code, OffsetDateTime.now()).query(Long.class).single();

        Page page = browser.page();
        browser.login("sysadmin").goTo("/exchange");
        browser.expectText(".queues-table .el-table__row", "浏览器测试平台" + code);

        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("失败与死信")).click();
        var deadRow = page.locator(".problems-table .el-table__row", new Page.LocatorOptions().setHasText(messageId));
        deadRow.locator(".retry").click();
        page.locator(".el-message-box input").fill("对方已修正接收程序");
        page.locator(".el-message-box .el-button--primary").click();
        Wait.until("the dead letter is queued again", () -> "PENDING".equals(jdbc.sql("select state from ex_outbox where id = ?")
                .param(row).query(String.class).single()), java.time.Duration.ofSeconds(15));
        // The audit record of a retry is asserted in ExchangePipeTest; here the screen no longer lists it as dead.
        page.locator(".el-checkbox", new Page.LocatorOptions().setHasText("只看死信")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                page.locator(".problems-table .el-table__row", new Page.LocatorOptions().setHasText(messageId))).hasCount(0);

        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("对账")).click();
        page.locator(".run-counterpart").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("浏览器测试平台" + code)).click();
        page.locator(".el-date-editor input").fill(java.time.LocalDate.now().toString());
        page.keyboard().press("Enter");
        page.locator(".run-reconciliation").click();
        browser.expectText(".reconciliations-table .el-table__row", "失败");
    }
}
