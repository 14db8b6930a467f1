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
    void aRealCallPopsUpTheCallerViewAndTheSeatWallShowsTheTalk(BrowserSession agent, BrowserSession leader) throws Exception {
        Sipp.requireInstalled();
        long agentId = jdbc.sql("select id from account where username = 'agent10'").query(Long.class).single();
        int agentSip = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent", "agent", Map.of("EXT", "8010"),
                List.of("-p", String.valueOf(agentSip), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        Sipp.start(dir, "register", "register",
                Map.of("EXT", "8010", "CONTACT_PORT", String.valueOf(agentSip), "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8010",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));

        agent.login("agent10").goTo("/callcenter/desk");
        Page a = agent.page();
        Locator state = a.locator(".phone-bar .seat-state");
        leader.login("teamleader1").goTo("/callcenter/seat-wall");
        Locator tile = leader.page().locator(".seat-tile[data-agent-no='1010']");

        a.locator(".phone-bar .pb-sign-in").click();
        assertThat(state).hasText("示忙");
        assertThat(a.locator(".phone-bar .pb-ext")).not().hasClass(java.util.regex.Pattern.compile(".*\\boff\\b.*"));
        a.locator(".phone-bar .pb-ready").click();
        assertThat(state).hasText("示闲");
        // Nobody else may take this call: every other agent shows busy for the test.
        var lead = ApiClient.loggedIn(port, "teamleader1");
        jdbc.sql("select account_id from cc_agent where account_id <> ?").param(agentId).query(Long.class).list()
                .forEach(other -> lead.post("/api/callcenter/seat-wall/agents/" + other + "/force", Map.of("state", "NOT_READY")));

        Sipp.Run citizen = Sipp.start(dir, "caller", "caller",
                Map.of("CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "6000", "TALK_MS", "12000"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                        "-rtp_echo", "-m", "1"));

        Locator callerView = a.locator(".caller-view");
        assertThat(callerView.locator(".cv-number")).hasText("13800138000", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(tile.locator(".tile-state")).hasText("通话", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(tile.locator(".tile-caller")).containsText("13800138000");
        assertThat(state).hasText("通话");
        assertThat(a.locator(".phone-bar .pb-hangup")).isEnabled();
        agent.screenshot("callcenter-caller-view");
        leader.screenshot("callcenter-seat-wall-talking");

        callerView.locator(".cv-new-order").click();
        a.waitForURL(url -> url.contains("/workorders/intake") && url.contains("phone=13800138000") && url.contains("callId="));

        citizen.expectSuccess(Duration.ofSeconds(45));
        phone.expectSuccess(Duration.ofSeconds(15));
        assertThat(state).hasText("整理", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(tile.locator(".tile-state")).hasText("整理", WITHIN_5S);

        // The call is in the records with its recording, which the team leader plays back.
        leader.goTo("/callcenter/calls");
        Page l = leader.page();
        Locator row = l.locator(".calls-table .el-table__row", hasText("13800138000")).first();
        for (int i = 0; i < 20 && row.locator(".play-recording").count() == 0; i++) {
            l.waitForTimeout(500);
            l.locator(".calls-search").click();
        }
        assertThat(row).containsText("已接听");
        row.locator(".play-recording").click();
        l.locator("audio.recording-audio").waitFor();
        leader.screenshot("callcenter-calls");
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
