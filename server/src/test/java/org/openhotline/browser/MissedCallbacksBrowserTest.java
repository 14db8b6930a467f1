package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk's 漏接回拨 tab: agent7 finds a missed caller's task, claims it, records a busy line (the task stays open
 * with one of three tries used) and reads the try on the task's timeline; teamleader1 opens the 漏接回拨 lists with the
 * callback rate, switches between 未接来电, 漏话 and 电话留言 and sorts — all without an API error. The task is the
 * test's own row.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(120)
class MissedCallbacksBrowserTest {

    /** A number of this try's own: a rerun in the same database would show the first try's row too. */
    final String number = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentClaimsACallbackTaskRecordsATryAndTheTeamLeaderReadsTheLists(BrowserSession agent, BrowserSession leader) {
        jdbc.sql("insert into cc_missed_task (number, day, first_missed_at, last_missed_at, missed_count) values (?, ?, ?, ?, 2)")
                .params(number, LocalDate.now(), OffsetDateTime.now().minusHours(2), OffsetDateTime.now().minusHours(1)).update();

        agent.login("agent7").goTo("/callcenter/desk");
        Page a = agent.page();
        a.locator(".desk-todo .el-tabs__item", new Page.LocatorOptions().setHasText("漏接回拨")).click();
        Locator row = a.locator(".missed-table .el-table__row", new Page.LocatorOptions().setHasText(number));
        assertThat(row).containsText("×2");
        row.locator(".claim-task").click();
        assertThat(row).containsText("本人");

        row.locator(".record-outcome").click();
        a.locator(".outcome-choice .el-radio", new Page.LocatorOptions().setHasText("占线")).click();
        a.locator(".save-outcome").click();
        assertThat(row).containsText("占线");
        assertThat(row).containsText("1/3");

        row.locator("button", new Locator.LocatorOptions().setHasText("记录")).click();
        assertThat(a.locator(".el-timeline")).containsText("：占线");
        agent.screenshot("callcenter-desk-missed-callbacks");

        leader.login("teamleader1").goTo("/callcenter/missed-calls");
        Page l = leader.page();
        assertThat(l.locator(".missed-figures")).containsText("回拨率");
        assertThat(l.locator(".callback-rate")).containsText("%");
        l.locator(".missed-kinds .el-tabs__item", new Page.LocatorOptions().setHasText("漏话")).click();
        l.locator(".missed-kinds .el-tabs__item", new Page.LocatorOptions().setHasText("电话留言")).click();
        l.locator(".missed-calls-table th", new Page.LocatorOptions().setHasText("回拨次数")).click();
        assertThat(l.locator(".missed-calls-table")).isVisible();
        leader.screenshot("callcenter-missed-calls");
    }
}
