package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 知识纠错 through the screens: an agent reports an error from the article page, the editor accepts it in 知识纠错处理
 * (which opens the revision in the editor), the fixed revision is published, and the agent's 我的纠错 shows 已处理.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class KnowledgeErrorReportBrowserTest {

    @LocalServerPort
    int port;

    private static ApiClient.Response ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isLessThan(300);
        return r;
    }

    @Test
    void anAgentReportsAnErrorTheEditorAcceptsItAndTheAgentSeesItFixed(BrowserSession browser) {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long cat = ok(editor.post("/api/knowledge/categories", Map.of("name", "纠错浏览器测试" + System.nanoTime() % 100000,
                "visibility", "PUBLIC", "readRoles", List.of()))).json().path("id").asLong();
        String title = "机动车年检" + System.nanoTime() % 100000;
        long id = ok(editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", title,
                "bodyHtml", "<p>机动车每年检验一次。</p>", "keywords", ""))).json().path("id").asLong();
        ok(editor.post("/api/knowledge/articles/" + id + "/submit", null));
        ok(manager.post("/api/knowledge/articles/" + id + "/approve", Map.of("comment", "同意")));
        String note = "六年内免检车辆每两年申领检验标志";

        Page page = browser.page();
        browser.login("agent3");
        browser.goTo("/knowledge/articles/" + id);
        page.locator(".report-error").click();
        page.locator(".error-report-dialog .el-radio-button", new Page.LocatorOptions().setHasText("内容过时")).click();
        page.locator(".error-report-dialog textarea").fill(note);
        page.waitForResponse(r -> r.url().endsWith("/error-reports") && r.status() == 201,
                () -> page.locator(".send-error-report").click());
        browser.goTo("/knowledge/my-error-reports");
        Locator mine = page.locator(".el-table__row", new Page.LocatorOptions().setHasText(title));
        PlaywrightAssertions.assertThat(mine.locator(".report-status")).hasText("待处理");

        try (BrowserSession editorScreen = BrowserSession.open(port)) {
            Page editorPage = editorScreen.page();
            editorScreen.login("kbeditor1");
            editorScreen.goTo("/knowledge/error-reports");
            Locator queued = editorPage.locator(".el-table__row", new Page.LocatorOptions().setHasText(note));
            editorPage.waitForResponse(r -> r.url().endsWith("/accept") && r.status() == 200,
                    () -> queued.locator(".accept-report").click());
            editorPage.waitForURL("**/knowledge/editor**");
            assertThat(editorScreen.problems()).isEmpty();
        }

        String revision = "/api/knowledge/articles/" + id + "/revision";
        ok(editor.put(revision, Map.of("categoryId", cat, "title", title,
                "bodyHtml", "<p>机动车每年检验一次；六年内免检车辆每两年申领检验标志。</p>", "note", "纠错")));
        ok(editor.post(revision + "/submit", null));
        ok(manager.post(revision + "/approve", Map.of()));

        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/knowledge/error-reports/mine").body())
                .as("the server has the report fixed").contains("\"statusLabel\":\"已处理\"");
        page.reload();
        PlaywrightAssertions.assertThat(page.locator(".el-table__row", new Page.LocatorOptions().setHasText(title))
                .locator(".report-status")).hasText("已处理");
        assertThat(browser.problems()).isEmpty();
    }
}
