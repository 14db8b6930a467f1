package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every foundation screen opens for its admin with its data at 1366×768, and the unit pages work on a 390-px
 * phone (menu in a drawer, yellow pages as cards). Screenshots land in target/screenshots for a human to look at.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ShellScreensBrowserTest {

    @LocalServerPort
    int port;

    record Screen(String path, String title, String dataSelector, String dataText) {}

    private void check(BrowserSession browser, String user, List<Screen> screens) {
        browser.login(user);
        for (Screen s : screens) {
            browser.goTo(s.path());
            browser.expectText(".page-title", s.title());
            browser.expectText(s.dataSelector(), s.dataText());
            browser.page().waitForTimeout(300); // let transitions settle for the picture
            browser.screenshot("screen-" + user + s.path().replace('/', '-'));
        }
    }

    @Test
    void sysadminScreens(BrowserSession browser) {
        check(browser, "sysadmin", List.of(
                new Screen("/home", "首页", ".quick-link", "账号管理"),
                new Screen("/admin/accounts", "账号管理", ".accounts-table .el-table__row", "agent2"),
                new Screen("/admin/regions", "区域管理", ".org-tree .tree-label", "江州市"),
                new Screen("/admin/units", "承办单位管理", ".org-tree .tree-label", "江州市住房和城乡建设局"),
                new Screen("/org/yellow-pages", "部门黄页", ".yellow-table .el-table__row", "承办单位")));
        browser.goTo("/admin/units");
        browser.page().locator(".org-tree [data-code='ZJJ']").click();
        browser.expectText(".detail-title", "江州市住房和城乡建设局");
        browser.screenshot("screen-sysadmin-admin-units-detail");
    }

    @Test
    void secadminScreens(BrowserSession browser) {
        check(browser, "secadmin", List.of(
                new Screen("/security/grants", "角色授权", ".grant-accounts .el-table__row", "agent2"),
                new Screen("/security/roles", "角色权限", ".matrix .el-table__row", "工单受理"),
                new Screen("/security/policy", "安全策略", ".policy-form", "连续失败锁定次数")));
        assertThat(browser.page().locator(".policy-form input").first().inputValue()).isNotBlank();
    }

    @Test
    void auditadminScreen(BrowserSession browser) {
        check(browser, "auditadmin", List.of(new Screen("/audit", "审计日志", ".audit-table .el-table__row", "登录成功")));
    }

    @Test
    void unitPagesWorkOnAPhone() {
        try (BrowserSession phone = BrowserSession.open(port, 390, 844)) {
            phone.page().navigate(phone.baseUrl() + "/#/login");
            phone.screenshot("phone-login");
            phone.submitLogin("zjj1", org.openhotline.testing.ApiClient.DEMO_PASSWORD);
            phone.page().waitForURL("**/#/home");
            assertThat(phone.page().locator(".shell-aside").count()).as("no side bar on a phone").isZero();
            phone.screenshot("phone-home");

            phone.goTo("/org/yellow-pages");
            phone.expectText(".unit-card", "江州市住房和城乡建设局");
            assertThat(phone.page().evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            phone.screenshot("phone-yellow-pages");

            phone.page().locator(".menu-toggle").click();
            phone.expectText(".shell-drawer .el-menu-item", "部门黄页");
            phone.page().waitForTimeout(500); // the drawer slides in
            phone.screenshot("phone-menu-drawer");
            phone.page().locator(".shell-drawer .el-menu-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("首页")).click();
            phone.page().waitForURL("**/#/home");
        }
    }
}
