package org.openhotline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 排班管理 and 培训考试 through the screens: the manager's staffing calculator answers the Erlang C example, the
 * forecast and adherence screens load; an agent opens the demo's monthly exam from 我的培训与考试, answers a question and
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
