package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call center in two browsers at once: agent10 works the phone bar, teamleader1 watches the seat wall. Every
 * change must reach the other screen through the live streams, without a reload. agent10 (工号 1010, extension
 * 8010) is used by this class only.
 */
@HotlineTest
@ExtendWith(BrowserSessions.class)
@Timeout(180)
class CallCenterBrowserTest {

    private static final LocatorAssertions.HasTextOptions WITHIN_5S = new LocatorAssertions.HasTextOptions().setTimeout(5_000);

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void agent10StartsSignedOut() {
        ApiClient.loggedIn(port, "agent10").post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
    }

    @AfterEach
    void agent10SignsOut() {
        agent10StartsSignedOut();
    }

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    @Test
    void anAgentGoesReadyOnThePhoneBarTheSeatWallShowsItLiveAndTheTeamLeaderForcesNotReady(BrowserSession agent,
                                                                                           BrowserSession leader) {
        agent.login("agent10").goTo("/callcenter/desk");
        Page a = agent.page();
        Locator state = a.locator(".phone-bar .seat-state");
        assertThat(state).hasText("签出");

        leader.login("teamleader1").goTo("/callcenter/seat-wall");
        Page l = leader.page();
        Locator tile = l.locator(".seat-tile[data-agent-no='1010']");
        assertThat(tile.locator(".tile-state")).hasText("签出");

        a.locator(".phone-bar .pb-sign-in").click();
        assertThat(state).hasText("示忙");
        assertThat(tile.locator(".tile-state")).hasText("示忙", WITHIN_5S);

        a.locator(".phone-bar .pb-ready").click();
        assertThat(state).hasText("示闲");
        assertThat(tile.locator(".tile-state")).hasText("示闲", WITHIN_5S);
        assertThat(tile).hasAttribute("data-state", "READY");

        // The phone bar goes with the agent to every page, and the time in state keeps running.
        agent.goTo("/home");
        assertThat(state).hasText("示闲");
        assertThat(a.locator(".phone-bar .pb-timer")).not().hasText("00:00", new LocatorAssertions.HasTextOptions().setTimeout(5_000));

        agent.goTo("/callcenter/desk");
        agent.expectText(".desk-today .stat-label", "接听量");
        leader.screenshot("callcenter-seat-wall");
        agent.screenshot("callcenter-desk");

        tile.locator(".tile-menu").click();
        l.locator(".el-dropdown-menu__item:visible", hasText("强制示忙")).click();
        l.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(tile.locator(".tile-state")).hasText("示忙", WITHIN_5S);
        assertThat(state).hasText("示忙", WITHIN_5S);
        assertThat(a.locator(".phone-bar .pb-reason")).containsText("班长");

        a.locator(".phone-bar .pb-break").click();
        a.locator(".el-dropdown-menu__item:visible", hasText("培训")).click();
        assertThat(state).hasText("小休");
        assertThat(tile.locator(".tile-state")).hasText("小休", WITHIN_5S);
        assertThat(tile).containsText("培训");
    }

    @Test
    void theAdminScreenShowsSkillGroupsAndRejectsABadIvrFlow(BrowserSession admin) {
        admin.login("manager").goTo("/callcenter/admin");
        Page p = admin.page();
        admin.expectText(".groups-table .el-table__row", "最长空闲优先");
        admin.screenshot("callcenter-admin");
        p.locator(".admin-tabs .el-tabs__item", hasText("IVR 流程")).click();
        // A new flow (never the demo one) whose start node does not exist: the engine's parser refuses it.
        String id = "bt-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        p.locator(".ivr-list .el-button", hasText("新建流程")).click();
        p.locator(".flow-id input").fill(id);
        p.locator(".flow-json textarea").fill("{\"id\": \"" + id + "\", \"name\": \"坏流程\", \"start\": \"nowhere\", \"nodes\": {}}");
        p.locator(".save-flow").click();
        assertThat(p.locator(".flow-error")).containsText("IVR 流程无效");
        admin.screenshot("callcenter-admin-ivr");
    }
}
