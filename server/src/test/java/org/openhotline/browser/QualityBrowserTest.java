package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.quality.QualityFixture;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 质检 in the screens (issue 12): a plan's task (drawn through the API) is scored by qc1 in the workbench with a
 * running score, agent8 appeals it in 我的质检, and qc2 does the second inspection and changes the score; every
 * step is on the inspection's timeline.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(300)
class QualityBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static Locator row(Page page, String text) {
        return page.locator(".inspections .el-table__row", new Page.LocatorOptions().setHasText(text));
    }

    private static void deduct(Page page, String item, String option) {
        page.locator(".item[data-key=" + item + "] .deduction").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(option)).click();
    }

    @Test
    void aTaskIsInspectedAppealedAndInspectedAgain(BrowserSession inspector, BrowserSession agent, BrowserSession reviewer) {
        var fixture = new QualityFixture(port, jdbc);
        YearMonth month = QualityFixture.ownMonth();
        String call = fixture.calls("browser", "agent8", month, 1, 0).getFirst();
        fixture.drawnPlan("九月抽检", month, 100, Map.of(), List.of("qc1"), 9L);

        inspector.login("qc1").goTo("/quality/tasks");
        Page q = inspector.page();
        row(q, call).locator(".open-inspection").click();
        assertThat(q.locator(".running-score")).hasText("100");
        deduct(q, "answer", "答复错误");
        assertThat(q.locator(".running-score")).hasText("85");
        q.locator(".comment-input input").fill("答复与知识库不一致");
        q.locator(".add-comment .el-button").click();
        q.locator(".submit-inspection").click();
        assertThat(q.locator(".qc-step[data-action=submitted]")).containsText("得分 85");

        agent.login("agent8").goTo("/quality/mine");
        Page a = agent.page();
        row(a, call).locator(".open-inspection").click();
        assertThat(a.locator(".comment")).containsText("答复与知识库不一致");
        a.locator(".appeal-result").click();
        a.locator(".appeal-reason textarea").fill("已按知识库最新版本答复");
        a.locator(".el-dialog:visible .el-dialog__footer .el-button--primary").click();
        assertThat(a.locator(".qc-step[data-action=appealed]")).containsText("已按知识库最新版本答复");

        reviewer.login("qc2").goTo("/quality/appeals");
        Page r = reviewer.page();
        row(r, call).locator(".open-inspection").click();
        r.locator(".start-review").click();
        deduct(r, "answer", "答复不完整");
        assertThat(r.locator(".running-score")).hasText("95");
        r.locator(".review-reason textarea").fill("知识库已更新，答复基本正确");
        r.locator(".submit-review").click();
        assertThat(r.locator(".qc-step[data-action=reviewed]")).containsText("改分 85 → 95");
        assertThat(r.locator(".qc-state-tag")).hasText("已复核");

        a.reload();
        assertThat(a.locator(".running-score")).hasText("95");
        assertThat(a.locator(".first-score")).containsText("85");
        List.of(inspector, agent, reviewer).forEach(b -> org.assertj.core.api.Assertions.assertThat(b.problems()).isEmpty());
    }
}
