package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin screens in a browser, the way the three admins use them: the system admin creates a unit and an
 * account, the audit admin finds both in the trail; the security admin grants roles and sees the server's refusal
 * of two admin powers; a bad Excel import lists its bad rows. Codes and usernames are unique per run.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class AdministrationBrowserTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 100_000_000L, 36);
    }

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    @Test
    void sysadminCreatesAUnitAndAnAccountThatTheAuditAdminFindsInTheTrail(BrowserSession browser) {
        String code = unique("BT-").toUpperCase();
        String unitName = "浏览器测试局" + code;
        String username = unique("bt");
        Page page = browser.page();

        browser.login("sysadmin").goTo("/admin/units");
        page.locator(".org-tree [data-code='JZ']").click();
        page.locator(".add-child").click();
        Locator unitDialog = page.locator(".create-node-dialog");
        unitDialog.locator(".el-select").click();
        page.locator(".el-select-dropdown__item:visible", hasText("承办单位")).click();
        unitDialog.locator("input[name=code]").fill(code);
        unitDialog.locator("input[name=name]").fill(unitName);
        unitDialog.locator("textarea[name=duties]").fill("浏览器测试：噪音扰民投诉的受理与处置");
        unitDialog.locator("input[name=contactPhone]").fill("0771-5551234");
        unitDialog.locator(".save-new-node").click();
        browser.expectText(".detail-title", unitName);
        browser.expectText(".org-tree .tree-label", unitName);

        browser.goTo("/admin/accounts");
        page.locator(".create-account").click();
        Locator accountDialog = page.locator(".account-dialog");
        accountDialog.locator("input[name=username]").fill(username);
        accountDialog.locator("input[name=displayName]").fill("浏览器测试员");
        accountDialog.locator(".org-tree-select").click();
        page.keyboard().type(code);
        page.locator(".el-tree-node__content:visible", hasText(unitName)).click();
        accountDialog.locator("input[name=password]").fill("Browser-Test-2026");
        accountDialog.locator("input[name=confirm]").fill("Browser-Test-2026");
        accountDialog.locator(".save-account").click();
        accountDialog.waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.locator(".account-search input").fill(username);
        page.keyboard().press("Enter");
        browser.expectText(".accounts-table .el-table__row", unitName);
        browser.logout();

        browser.login("auditadmin").goTo("/audit");
        page.locator(".audit-keyword input").fill(code);
        page.locator(".audit-search").click();
        Locator unitRow = page.locator(".audit-table .el-table__row", hasText("新增机构")).first();
        unitRow.waitFor();
        assertThat(unitRow.innerText()).contains("sysadmin", "org:" + code, "成功");

        page.locator(".audit-keyword input").fill(username);
        page.locator(".audit-search").click();
        Locator accountRow = page.locator(".audit-table .el-table__row", hasText("新建账号")).first();
        accountRow.waitFor();
        assertThat(accountRow.innerText()).contains("sysadmin", "account:" + username, unitName);
    }

    @Test
    void theAuditTrailReadsInChineseWordsNotCodes(BrowserSession browser) {
        var target = new org.openhotline.identity.FreshAccounts(port, jdbc).create("ba", "AUDIT_ADMIN");
        var stranger = ApiClient.fromOwnAddress(port);
        assertThat(stranger.login(target.username(), "Wrong-Password-1").status()).isEqualTo(401);
        assertThat(ApiClient.loggedIn(port, "sysadmin").post("/api/accounts/" + target.id() + "/disable", null).status())
                .isEqualTo(403);
        Page page = browser.page();

        browser.login("auditadmin").goTo("/audit");
        page.locator(".audit-keyword input").fill(target.username());
        page.locator(".audit-search").click();
        Locator failed = page.locator(".audit-table .el-table__row", hasText("登录失败")).first();
        failed.waitFor();
        assertThat(failed.innerText()).contains("结果：失败（密码错误）").doesNotContain("outcome", "bad-credentials");
        Locator refused = page.locator(".audit-table .el-table__row", hasText("越权操作被拒绝")).first();
        assertThat(refused.innerText()).contains("sysadmin", "拒绝", "尝试的操作：停用账号", "原因：三权分立")
                .doesNotContain("denied", "attempted");
        Locator created = page.locator(".audit-table .el-table__row", hasText("新建账号")).first();
        assertThat(created.innerText()).contains("姓名：测试账号").doesNotContain("displayName");
    }

    @Test
    void theSystemAdminAsksAndTheAuditAdminApprovesTheRecoveryOfASecurityAdmin(BrowserSession browser) {
        var lost = new org.openhotline.identity.FreshAccounts(port, jdbc).create("bl", "SEC_ADMIN");
        Page page = browser.page();

        browser.login("sysadmin").goTo("/admin/recoveries");
        page.locator(".new-recovery").click();
        page.locator(".recovery-dialog input[name=username]").fill(lost.username());
        page.locator(".recovery-dialog textarea[name=reason]").fill("浏览器测试：忘记密码");
        page.locator(".save-recovery").click();
        Locator row = page.locator(".recoveries-table .el-table__row", hasText(lost.username())).first();
        row.waitFor();
        assertThat(row.innerText()).contains("安全管理员", "sysadmin", "待批准");
        assertThat(row.locator(".approve").count()).as("the requester does not approve").isZero();
        browser.logout();

        browser.login("auditadmin").goTo("/admin/recoveries");
        page.locator(".recoveries-table .el-table__row", hasText(lost.username())).first().locator(".approve").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        browser.expectText(".recovery-half", "一次性密码后半段");
        String second = page.locator(".recovery-half .el-message-box__message").innerText()
                .replaceAll("(?s).*后半段：(\\S+).*", "$1");
        page.locator(".recovery-half .el-message-box__btns .el-button--primary").click();
        browser.logout();

        browser.login("sysadmin").goTo("/admin/recoveries");
        page.locator(".recoveries-table .el-table__row", hasText(lost.username())).first().locator(".read-half").click();
        browser.expectText(".recovery-half", "一次性密码前半段");
        String first = page.locator(".recovery-half .el-message-box__message").innerText()
                .replaceAll("(?s).*前半段：(\\S+).*", "$1");
        var restricted = ApiClient.fromOwnAddress(port).login(lost.username(), first + second);
        assertThat(restricted.status()).as("the two halves together are the one-time password").isEqualTo(200);
    }

    @Test
    void secadminGrantsARoleAndSeesWhyTwoAdminPowersAreRefused(BrowserSession browser) {
        browser.expectApiFailure(409, "/api/accounts/"); // the refused second admin power
        String username = unique("bg");
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        long cityId = sysadmin.get("/api/org/nodes?q=JZ&kind=CITY").json().path("items").get(0).path("id").asLong();
        var created = sysadmin.post("/api/accounts", Map.of("username", username, "displayName", "授权测试员",
                "orgNodeId", cityId, "password", "Grant-Test-2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Page page = browser.page();

        browser.login("secadmin").goTo("/security/grants");
        page.locator(".grants .filter-bar input").fill(username);
        page.keyboard().press("Enter");
        page.locator(".grant-accounts .el-table__row", hasText(username)).click();
        page.locator(".role-checks .el-checkbox", hasText("系统管理员")).click();
        page.locator(".role-checks .el-checkbox", hasText("审计管理员")).click();
        page.locator(".save-roles").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        browser.expectText(".grant-error", "三权分立");

        page.locator(".role-checks .el-checkbox", hasText("系统管理员")).click();
        page.locator(".role-checks .el-checkbox", hasText("审计管理员")).click();
        page.locator(".role-checks .el-checkbox", hasText("派单员")).click();
        page.locator(".save-roles").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        browser.expectText(".grant-accounts .el-table__row", "派单员");

        var account = sysadmin.get("/api/accounts?q=" + username).json().path("items").get(0);
        assertThat(account.path("roles").toString()).isEqualTo("[\"DISPATCHER\"]");
    }

    @Test
    void secadminSetsAnAccountToSmsCodesAndItsHolderLogsInWithTheCodeReceived(BrowserSession admin, BrowserSession user) {
        var holder = new org.openhotline.identity.FreshAccounts(port, jdbc).create("smsb", "DISPATCHER");
        String phone = "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        jdbc.sql("update account set demo = false, password_must_change = false, phone = ? where id = ?")
                .params(phone, holder.id()).update();
        Page page = admin.login("secadmin").goTo("/security/policy").page();
        page.locator(".sms-username input").fill(holder.username());
        page.locator(".add-sms-account").click();
        admin.expectText(".sms-accounts .el-table__row", holder.username());
        admin.expectText(".sms-accounts .el-table__row", phone.substring(0, 3) + "****" + phone.substring(7));

        user.submitLogin(holder.username(), org.openhotline.identity.FreshAccounts.PASSWORD);
        user.expectText(".sms-step-title", phone.substring(0, 3) + "****" + phone.substring(7));
        var smsc = org.openhotline.notification.SmscSimulator.shared();
        String text = org.openhotline.testing.Wait.until("the login code by SMS", () -> smsc.receivedBy(phone).stream()
                .map(org.openhotline.notification.SmscSimulator.Received::text).findFirst().orElse(null),
                java.time.Duration.ofSeconds(30));
        var code = java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        user.page().locator("input[name=sms-code]").fill(code.group(1));
        user.page().locator(".sms-code-submit").click();
        user.page().locator(".shell-menu").first().waitFor();
        assertThat(ApiClient.loggedIn(port, "secadmin").delete("/api/security/sms-factor/accounts/" + holder.username())
                .status()).isEqualTo(200);
    }

    @Test
    void aBadUnitImportListsEachBadRowAndImportsNothing(BrowserSession browser) {
        String good = unique("BI-").toUpperCase();
        byte[] sheet = ExcelSheets.write("承办单位", List.of("单位编码", "单位名称", "上级编码", "职责", "联系人", "联系电话", "地址"),
                List.of(List.of(good, "导入测试单位" + good, "JZ", "测试", "", "0771-5550002", ""),
                        List.of(good + "-X", "上级不存在的单位", "NO-SUCH-PARENT", "", "", "", "")));
        Page page = browser.page();

        browser.login("sysadmin").goTo("/admin/units");
        browser.expectApiFailure(422, "/api/org/units/import"); // the bad rows are refused
        page.locator(".import-upload input[type=file]").setInputFiles(new FilePayload("units.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet));
        page.locator(".el-message-box__btns .el-button--primary").click();
        Locator report = page.locator(".import-report");
        browser.expectText(".import-report .el-alert__title", "未导入任何数据");
        Locator rows = report.locator(".import-errors .el-table__row");
        assertThat(rows.count()).isEqualTo(1);
        assertThat(rows.first().innerText()).contains("3", "NO-SUCH-PARENT");
        page.waitForTimeout(500); // the dialog fades in
        browser.screenshot("admin-units-import-errors");

        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        assertThat(sysadmin.get("/api/org/nodes?q=" + good).json().path("total").asLong()).isZero();
    }

    @Test
    void aForcedLogoutSendsTheUserBackToTheLoginPage(BrowserSession admin, BrowserSession user) {
        user.login("supervisor1");
        user.expectApiFailure(401, "/api/"); // the ended session's next request
        Page page = admin.login("sysadmin").goTo("/admin/accounts").page();
        page.locator(".account-search input").fill("supervisor1");
        page.keyboard().press("Enter");
        Locator row = page.locator(".accounts-table .el-table__row", hasText("supervisor1")).first();
        row.waitFor();
        row.getByText("更多").click();
        page.locator(".el-dropdown-menu__item:visible", hasText("强制下线")).click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        admin.expectText(".el-message", "已强制下线");

        user.page().locator(".shell-menu .el-menu-item", hasText("部门黄页")).click();
        user.page().waitForURL("**/#/login**");
        user.expectText(".login-notice", "登录已过期或已被下线");
    }
}
