package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Map;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 排班管理 and 培训考试 through the screens: the manager's staffing calculator answers the Erlang C example, the
 * forecast and adherence screens load, a roster job shows its progress and is cancelled, a paper is drawn by rules and a
 * training session's roll is taken; an agent opens the demo's monthly exam from 我的培训与考试, answers a question and
 * hands it in, and sees it waiting for the short answer's grader.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
class WorkforceTrainingBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void managerScreensAndAnAgentSittingAnExam(BrowserSession browser) {
        Page page = browser.page();
        browser.login("manager");
        browser.goTo("/workforce/forecast");
        page.locator(".staffing-form .el-input-number input").nth(3).fill("0.80");
        page.waitForResponse(r -> r.url().contains("/api/workforce/staffing") && r.status() == 200,
                () -> page.locator(".compute").click());
        PlaywrightAssertions.assertThat(page.locator(".staffing-result")).containsText("14");
        PlaywrightAssertions.assertThat(page.locator(".accuracy")).containsText("MAPE");
        browser.goTo("/workforce/adherence");
        PlaywrightAssertions.assertThat(page.locator(".totals")).containsText("遵从度");
        assertThat(browser.problems()).isEmpty();

        // 排班表: the solve runs as a background job with its progress on the screen, and may be cancelled
        browser.goTo("/workforce/rosters");
        Locator month = page.locator(".workforce-rosters .filter-bar .el-date-editor input");
        month.fill("2031-11");
        month.press("Enter");
        page.locator(".generate").click();
        PlaywrightAssertions.assertThat(page.locator(".job-progress")).isVisible();
        page.locator(".cancel-job").click();
        // the solver stops and the page's next poll sees it: on a busy machine that may take a while
        PlaywrightAssertions.assertThat(page.locator(".job-status")).containsText("已取消",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

        // 培训考试管理: a paper drawn by rules; a session's roll call
        String title = "点名测试课程" + Math.floorMod(System.nanoTime(), 100_000);
        var created = ApiClient.loggedIn(port, "manager").post("/api/training/sessions", Map.of("title", title,
                "startsAt", "2026-01-05T01:00:00Z", "endsAt", "2026-01-05T03:00:00Z", "place", "培训室", "trainer", "王老师"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        browser.goTo("/training/manage");
        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("组卷与考试")).click();
        page.locator(".el-form-item", new Page.LocatorOptions().setHasText("试卷名称")).locator("input").fill("按规则抽题测试卷");
        page.locator("button", new Page.LocatorOptions().setHasText("添加抽题规则")).click();
        page.locator(".rule-row .el-input-number input").first().fill("1");
        page.waitForResponse(r -> r.url().endsWith("/api/training/papers") && r.status() == 201,
                () -> page.locator(".add-rules-paper").click());
        PlaywrightAssertions.assertThat(page.locator(".el-table__row", new Page.LocatorOptions().setHasText("按规则抽题测试卷")).first())
                .containsText("按规则抽题");
        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("培训课程")).click();
        Locator row = page.locator(".el-table__row", new Page.LocatorOptions().setHasText(title));
        row.locator(".take-roll").click();
        page.locator(".el-dialog .el-table__row").first().locator(".el-radio-button", new Locator.LocatorOptions().setHasText("出勤")).click();
        page.waitForResponse(r -> r.url().contains("/attendance") && r.request().method().equals("PUT") && r.status() == 200,
                () -> page.locator(".save-roll").click());
        PlaywrightAssertions.assertThat(row).containsText("1 / 0");
        assertThat(browser.problems()).isEmpty();

        try (BrowserSession agent = BrowserSession.open(port)) {
            Page agentPage = agent.page();
            agent.login("agent6");
            agent.goTo("/training/my");
            Locator exam = agentPage.locator(".my-exams .el-table__row", new Page.LocatorOptions().setHasText("本月业务考试"));
            exam.locator(".start-exam").click();
            agentPage.waitForURL("**/training/sittings/**");
            PlaywrightAssertions.assertThat(agentPage.locator(".countdown")).containsText("剩余时间");
            agentPage.locator(".question", new Page.LocatorOptions().setHasText("透露其他市民"))
                    .locator(".el-radio", new Locator.LocatorOptions().setHasText("错")).click();
            agentPage.locator(".submit-exam").click();
            agentPage.waitForResponse(r -> r.url().endsWith("/submit") && r.status() == 200,
                    () -> agentPage.locator(".el-message-box__btns .el-button--primary").click());
            PlaywrightAssertions.assertThat(agentPage.locator(".result")).containsText("简答题待人工阅卷");
            assertThat(agent.problems()).isEmpty();
        }
    }
}
