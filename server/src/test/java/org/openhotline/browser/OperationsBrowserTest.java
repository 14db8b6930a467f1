package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.HotlineTest;

/**
 * The operations console as the system admin uses it: the 运维管理 menu, every part's health with trend charts,
 * the alarm rules, and a daily inspection run from the screen that appears in the report list (no API error on the way).
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class OperationsBrowserTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void sysadminReadsTheHealthTheRulesAndRunsAnInspection(BrowserSession browser) {
        Page page = browser.page();
        browser.login("sysadmin");
        assertThat(browser.menuTitles()).contains("运维监控", "告警管理", "备份与巡检");

        browser.goTo("/ops/health");
        browser.expectText(".ops-part[data-part='数据库']", "数据库可用");
        browser.expectText(".ops-part[data-part='语音']", "中继 ops-probe");
        browser.expectText(".ops-part[data-part='队列']", "未完成事件投递");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".trend-canvas canvas")).hasCount(6);

        browser.goTo("/ops/alarms");
        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("告警规则")).click();
        browser.expectText(".ops-rules .el-table__row", "trunk.up");

        browser.goTo("/ops/backups");
        page.locator("button", new Page.LocatorOptions().setHasText("立即巡检")).click();
        browser.expectText(".ops-report-table .el-table__row", "巡检报告-");
        browser.expectText(".ops-report-table .el-table__row", "正常");
    }
}
