package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 item 14, knowledge screens: 知识提问 and 知识提问待答 each show their own mode when the user goes from one
 * to the other, and on a 390-px phone the knowledge portal and the unit's knowledge base are readable (text lines,
 * not one character per line) without scrolling sideways.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class KnowledgeScreensBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** API calls the page makes from now on that fail: a screen that shows stale data after a 4xx/5xx is not working. */
    private static List<String> failedCalls(Page page) {
        List<String> failed = new ArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("/api/") && r.status() >= 400) {
                failed.add(r.status() + " " + r.url());
            }
        });
        return failed;
    }

    private static Locator ask(Page page) {
        return page.locator(".el-card__header", new Page.LocatorOptions().setHasText("向成员单位提问"));
    }

    private static Locator inboxTitle(Page page) {
        return page.locator(".el-card__header", new Page.LocatorOptions().setHasText("本单位待答复的知识提问"));
    }

    @Test
    void questionsAndTheInboxKeepTheirOwnModeWhenTheUserSwitchesBetweenThem(BrowserSession browser) {
        long zjj = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        String asked = "浏览器测试：住宅维修资金怎么申请使用？" + System.nanoTime();
        var agent = ApiClient.loggedIn(port, "agent3");
        assertThat(agent.post("/api/knowledge/questions", Map.of("question", asked, "unitId", zjj)).status())
                .isEqualTo(201);

        Page page = browser.page();
        browser.login("zjj1");
        List<String> failed = failedCalls(page);
        browser.goTo("/knowledge/questions");
        PlaywrightAssertions.assertThat(ask(page)).isVisible();
        PlaywrightAssertions.assertThat(inboxTitle(page)).hasCount(0);

        browser.goTo("/knowledge/inbox");
        PlaywrightAssertions.assertThat(inboxTitle(page)).isVisible();
        PlaywrightAssertions.assertThat(ask(page)).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator(".el-table__row", new Page.LocatorOptions().setHasText(asked)))
                .hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".el-table__row .el-button", new Page.LocatorOptions()
                .setHasText("答复")).first()).isVisible();

        browser.goTo("/knowledge/questions");
        PlaywrightAssertions.assertThat(ask(page)).isVisible();
        PlaywrightAssertions.assertThat(inboxTitle(page)).hasCount(0);
        // zjj1 did not ask it: 我的提问 no longer lists the inbox.
        PlaywrightAssertions.assertThat(page.locator(".el-table__row", new Page.LocatorOptions().setHasText(asked)))
                .hasCount(0);
        assertThat(failed).isEmpty();
    }

    @Test
    void onA390PxPhoneThePortalAndTheUnitsBaseShowLinesOfTextAndDoNotScrollSideways() {
        try (BrowserSession phone = BrowserSession.open(port, 390, 844)) {
            Page page = phone.page();
            page.navigate(phone.baseUrl() + "/#/login");
            phone.submitLogin("zjj1", ApiClient.DEMO_PASSWORD);
            page.waitForURL("**/#/home");
            List<String> failed = failedCalls(page);
            phone.goTo("/knowledge");
            page.locator(".kb-portal__search input").fill("公积金");
            page.locator(".kb-portal__search .el-button--primary").click();
            Locator title = page.locator(".kb-hit__title").first();
            title.waitFor();
            assertReadable(title, "portal hit title");
            assertReadable(page.locator(".kb-hit__snippet").first(), "portal snippet");
            assertNoSidewaysScroll(page, "portal");

            phone.goTo("/knowledge/own");
            Locator own = page.locator(".el-table__row a").first();
            own.waitFor();
            assertReadable(own, "unit's base article title");
            assertReadable(page.locator(".el-tree-node__label").first(), "unit's column");
            assertNoSidewaysScroll(page, "unit's knowledge base");
            assertThat(failed).isEmpty();
        }
    }

    /**
     * The assistant's reply is judged in the browser (有帮助), and an editor finds the verdict in the assistant's
     * feedback card, with the article the assistant answered from.
     */
    @Test
    void anAgentJudgesTheAssistantsReplyAndAnEditorSeesTheVerdict(BrowserSession browser) {
        Page page = browser.page();
        browser.login("agent5");
        List<String> failed = failedCalls(page);
        browser.goTo("/knowledge/assistant");
        String question = "租房能提取公积金吗，一年能取多少？浏览器" + System.nanoTime() % 100000;
        page.locator(".kb-ask textarea").fill(question);
        page.locator(".kb-ask .el-button", new Page.LocatorOptions().setHasText("提问")).click();
        Locator judge = page.locator("[data-test=assistant-judge]");
        PlaywrightAssertions.assertThat(judge).isVisible();
        judge.locator(".el-button", new Locator.LocatorOptions().setHasText("有帮助")).click();
        PlaywrightAssertions.assertThat(judge.locator(".kb-judge__done")).hasText("已记录");
        PlaywrightAssertions.assertThat(page.locator("[data-test=assistant-feedback]")).hasCount(0);
        assertThat(failed).isEmpty();

        browser.logout();
        browser.login("kbeditor1");
        failed = failedCalls(page);
        browser.goTo("/knowledge/assistant");
        Locator row = page.locator("[data-test=assistant-feedback] .el-table__row",
                new Page.LocatorOptions().setHasText(question));
        PlaywrightAssertions.assertThat(row).hasCount(1);
        PlaywrightAssertions.assertThat(row).containsText("住房公积金提取指南");
        PlaywrightAssertions.assertThat(row).containsText("有帮助");
        assertThat(failed).isEmpty();
    }

    /** At least eight characters side by side: one character per line is about 14 px wide. */
    private static void assertReadable(Locator text, String what) {
        var box = text.boundingBox();
        assertThat(box).as(what + " is on screen").isNotNull();
        String content = text.innerText().strip();
        assertThat(content).as(what + " has text").isNotEmpty();
        double fontSize = Double.parseDouble(((String) text.evaluate("e => getComputedStyle(e).fontSize")).replace("px", ""));
        double wanted = Math.min(content.length(), 8) * fontSize;
        assertThat(box.width).as(what + " («" + content + "») is " + box.width + " px wide").isGreaterThanOrEqualTo(wanted * 0.9);
        assertThat(box.x + box.width).as(what + " fits the screen").isLessThanOrEqualTo(391);
    }

    private static void assertNoSidewaysScroll(Page page, String what) {
        int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as(what + ": page is " + scrollWidth + " px wide on a 390-px screen").isLessThanOrEqualTo(390);
    }
}
