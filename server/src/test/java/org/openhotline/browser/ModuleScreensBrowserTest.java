package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The work-order, knowledge and call-center workbenches open in a real browser for the role that uses them,
 * inside the main layout, and show the data their API gives that user: each screen is checked against the same
 * API read by the test (a first row, a count, a figure), not against its static labels. A failed API call or a
 * console error on any of them fails the test (see {@link BrowserSessions}). Screenshots land in target/screenshots.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class ModuleScreensBrowserTest {

    @LocalServerPort
    int port;

    /** A screen, the API it loads from, what of that answer must be on the screen, and where. */
    record Screen(String path, String title, String api, Function<JsonNode, String> shown, String where) {}

    private void check(BrowserSession browser, String user, List<Screen> screens) {
        browser.login(user);
        ApiClient api = ApiClient.loggedIn(port, user);
        for (Screen s : screens) {
            var answer = api.get(s.api());
            assertThat(answer.status()).as(s.api() + " " + answer.body()).isEqualTo(200);
            String expected = s.shown().apply(answer.json());
            assertThat(expected).as("what " + s.api() + " gives to show").isNotBlank();
            browser.goTo(s.path());
            browser.expectText(".page-title", s.title());
            assertThat(browser.page().locator(s.where()).first()).containsText(expected);
            browser.screenshot("module-" + user + s.path().replace('/', '-'));
        }
    }

    @Test
    void anAgentsWorkbenches(BrowserSession browser) {
        orderWaitingForDispatch(); // agent2's own, so that the desk's to-do count is not zero by chance
        check(browser, "agent2", List.of(
                new Screen("/knowledge", "知识门户", "/api/knowledge/articles?state=PUBLISHED&size=8",
                        j -> j.path("items").get(0).path("title").asString(), ".kb-portal"),
                new Screen("/callcenter/desk", "坐席工作台", "/api/callcenter/me/to-do",
                        j -> j.path("ordersToHandle").asString(), ".todo-orders b"),
                new Screen("/callcenter/desk", "坐席工作台", "/api/callcenter/me/today",
                        j -> j.path("answered").asString(), ".desk-today .stat-value")));
        assertThat(Long.parseLong(browser.page().locator(".todo-orders b").innerText().trim())).isPositive();

        // The intake's category picker offers the categories of the API.
        var categories = ApiClient.loggedIn(port, "agent2").get("/api/work-orders/categories?all=false").json();
        browser.goTo("/workorders/intake");
        browser.page().locator(".intake .el-cascader").first().click();
        Locator panel = browser.page().locator(".el-cascader-panel:visible");
        for (JsonNode top : categories) {
            assertThat(panel).containsText(top.path("name").asString());
        }
    }

    /** An order of agent2 waiting for dispatch: this test's own data on the desk and the dispatch workbench. */
    private void orderWaitingForDispatch() {
        var created = ApiClient.loggedIn(port, "agent2").post("/api/work-orders", Map.of("channel", "PHONE",
                "appealType", "CONSULTATION", "callerPhone", "13900139002", "content", "模块页面浏览器测试：咨询公积金提取",
                "finish", Map.of("mode", "PENDING")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aDispatchersAndAUnitsWorkbenches(BrowserSession browser) {
        orderWaitingForDispatch();
        check(browser, "dispatcher1", List.of(new Screen("/workorders/dispatch", "派单工作台",
                "/api/work-orders?state=PENDING_DISPATCH&state=PENDING_REVIEW&page=1&size=50&sort=due_asc",
                j -> "待派单 (" + j.path("total").asLong() + ")", ".el-tabs__item"),
                new Screen("/workorders/dispatch", "派单工作台",
                        "/api/work-orders?state=PENDING_DISPATCH&state=PENDING_REVIEW&page=1&size=50&sort=due_asc",
                        j -> j.path("items").get(0).path("number").asString(), ".to-dispatch .el-table__row")));
        browser.logout();
        check(browser, "zjj1", List.of(new Screen("/workorders/unit", "承办工作台",
                "/api/work-orders/unit-tasks?box=TO_SIGN&q=&page=1&size=20",
                j -> "共 " + j.path("total").asLong() + " 件", ".portal .count")));
    }

    @Test
    void theKnowledgeEditorsScreens(BrowserSession browser) {
        check(browser, "kbeditor1", List.of(
                new Screen("/knowledge/review", "知识审核", "/api/knowledge/review-queue?page=1",
                        j -> j.path("items").isEmpty() ? "没有待审核的知识" : j.path("items").get(0).path("title").asString(),
                        ".el-table"),
                new Screen("/knowledge/admin/synonyms", "同义词管理", "/api/knowledge/synonyms",
                        j -> j.get(0).path("terms").get(0).asString(), ".el-table")));
    }
}
