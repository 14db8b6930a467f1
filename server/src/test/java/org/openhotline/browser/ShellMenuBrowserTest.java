package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shell in a real browser: each role's side menu is the menu the server gives it and nothing more, a screen
 * outside it shows 403, and five wrong passwords lock an account with the same message as a wrong password.
 * {@code agent1} is locked by the last test (and unlocked again): the ordering keeps it usable before that.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellMenuBrowserTest {

    private static final List<String> ADMIN_SCREENS = List.of("账号管理", "区域管理", "承办单位管理", "角色授权", "角色权限",
            "安全策略", "审计日志");

    @LocalServerPort
    int port;

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of("sysadmin", List.of("首页", "部门黄页", "账号管理", "区域管理", "承办单位管理")),
                Arguments.of("secadmin", List.of("首页", "部门黄页", "角色授权", "角色权限", "安全策略")),
                Arguments.of("auditadmin", List.of("首页", "部门黄页", "审计日志")),
                Arguments.of("agent1", List.of("首页", "部门黄页")),
                Arguments.of("zjj1", List.of("首页", "部门黄页")),
                Arguments.of("manager", List.of("首页", "部门黄页")));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void eachRoleSeesExactlyTheMenuTheServerGivesIt(String username, List<String> adminScreensAndBasics, BrowserSession browser) {
        browser.login(username);
        List<String> shown = browser.menuTitles();

        var me = ApiClient.loggedIn(port, username).get("/api/auth/me").json();
        List<String> served = me.path("menu").valueStream().map(m -> m.path("title").asString()).toList();
        assertThat(shown).as("menu of " + username).containsExactlyElementsOf(served);
        assertThat(shown).containsAll(adminScreensAndBasics);
        List<String> notMine = ADMIN_SCREENS.stream().filter(s -> !adminScreensAndBasics.contains(s)).toList();
        assertThat(shown).as("admin screens " + username + " must not see").doesNotContainAnyElementsOf(notMine);

        List<String> roleLabels = me.path("roles").valueStream().map(r -> r.path("label").asString()).toList();
        assertThat(browser.page().locator(".header-role").allInnerTexts()).extracting(String::trim)
                .containsExactlyElementsOf(roleLabels);
        browser.expectText(".user-name", me.path("displayName").asString());
        browser.logout();
        assertThat(browser.page().url()).contains("#/login");
    }

    @Order(2)
    @Test
    void aScreenOutsideTheMenuShowsForbiddenAndTheMenuStaysTheUsers(BrowserSession browser) {
        browser.login("agent1");
        browser.goTo("/admin/accounts");
        browser.expectText(".el-result__title", "403 无权访问");
        assertThat(browser.page().url()).contains("#/403");
        browser.goTo("/audit");
        browser.expectText(".el-result__title", "403 无权访问");
        assertThat(browser.menuTitles()).doesNotContainAnyElementsOf(ADMIN_SCREENS);
    }

    @Order(3)
    @Test
    void whoIsNotLoggedInGoesToTheLoginPageAndBackAfterwards(BrowserSession browser) {
        browser.page().navigate(browser.baseUrl() + "/#/admin/accounts");
        browser.page().waitForURL("**/#/login?redirect=**");
        browser.login("sysadmin");
        browser.page().waitForURL("**/#/admin/accounts");
        browser.expectText(".accounts-table .el-table__row", "sysadmin");
    }

    @Order(4)
    @Test
    void aWrongPasswordShowsTheServersMessage(BrowserSession browser) {
        browser.page().navigate(browser.baseUrl() + "/#/login");
        browser.expectApiFailure(401, "/api/auth/login");
        browser.submitLogin("nobody-here", "Wrong-Password-1");
        assertThat(browser.loginError()).isEqualTo("用户名或密码错误");
        assertThat(browser.page().url()).contains("#/login");
    }

    @Order(100)
    @Test
    void fiveWrongPasswordsLockAgent1AndTheRightOneThenGetsTheSameMessage(BrowserSession browser) {
        browser.page().navigate(browser.baseUrl() + "/#/login");
        browser.expectApiFailure(401, "/api/auth/login");
        try {
            for (int i = 1; i <= 5; i++) {
                browser.submitLogin("agent1", "Wrong-Password-" + i);
                assertThat(browser.loginError()).as("attempt " + i).isEqualTo("用户名或密码错误");
            }
            browser.submitLogin("agent1", ApiClient.DEMO_PASSWORD);
            assertThat(browser.loginError()).isEqualTo("用户名或密码错误");
            assertThat(browser.page().url()).contains("#/login");
            assertThat(browser.page().locator(".shell-menu").count()).isZero();

            var sysadmin = ApiClient.loggedIn(port, "sysadmin");
            var agent1 = sysadmin.get("/api/accounts?q=agent1").json().path("items").valueStream()
                    .filter(a -> a.path("username").asString().equals("agent1")).findFirst().orElseThrow();
            assertThat(agent1.path("locked").asBoolean()).isTrue();
        } finally {
            unlockAgent1();
        }
    }

    private void unlockAgent1() {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        sysadmin.get("/api/accounts?q=agent1").json().path("items").valueStream()
                .filter(a -> a.path("username").asString().equals("agent1"))
                .forEach(a -> sysadmin.post("/api/accounts/" + a.path("id").asLong() + "/unlock", null));
    }
}
