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

    /**
     * The whole desk with a real call: agent10's phone (sipp, extension 8010) auto-answers when the platform asks
     * (soft off-hook); a sipp citizen with a number of its own dials 12345 and presses 1. The caller view pops up
     * with the citizen's earlier order (urged with one click), the agent starts a new order from the call, hangs
     * up at the phone bar and goes through after-call work; teamleader1's seat wall shows every state in order.
     */
    @Test
    void aRealCallPopsUpTheCallerViewTheAgentTakesAnOrderAndTheSeatWallFollowsEveryState(BrowserSession agent,
                                                                                        BrowserSession leader) throws Exception {
        Sipp.requireInstalled();
        long agentId = jdbc.sql("select id from account where username = 'agent10'").query(Long.class).single();
        String citizenNumber = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        var api = ApiClient.loggedIn(port, "agent10");
        var past = api.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT",
                "callerPhone", citizenNumber, "content", "小区门口路灯不亮已一周，浏览器测试的历史工单",
                "finish", Map.of("mode", "PENDING")));
        org.assertj.core.api.Assertions.assertThat(past.status()).as(past.body()).isEqualTo(201);
        String pastNumber = past.json().path("number").asString();
        long pastId = past.json().path("id").asLong();

        int agentSip = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent", "agent", Map.of("EXT", "8010"),
                // the phone lives as long as the browser steps take on a busy machine, not sipp's default 60 s
                List.of("-p", String.valueOf(agentSip), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1",
                        "-timeout", "600s"));
        Sipp.start(dir, "register", "register",
                Map.of("EXT", "8010", "CONTACT_PORT", String.valueOf(agentSip), "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8010",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));

        leader.login("teamleader1").goTo("/callcenter/seat-wall");
        Page l = leader.page();
        Locator tile = l.locator(".seat-tile[data-agent-no='1010']");
        assertThat(tile.locator(".tile-state")).hasText("签出");

        agent.login("agent10").goTo("/callcenter/desk");
        Page a = agent.page();
        Locator state = a.locator(".phone-bar .seat-state");
        a.locator(".phone-bar .pb-sign-in").click();
        assertThat(state).hasText("示忙");
        assertThat(a.locator(".phone-bar .pb-ext")).not().hasClass(java.util.regex.Pattern.compile(".*\\boff\\b.*"));
        // Nobody else may take this call: every other agent is forced busy, and the wall shows that too.
        var lead = ApiClient.loggedIn(port, "teamleader1");
        List<Long> others = jdbc.sql("select account_id from cc_agent where account_id <> ?").param(agentId).query(Long.class).list();
        others.forEach(other -> lead.post("/api/callcenter/seat-wall/agents/" + other + "/force", Map.of("state", "NOT_READY")));
        for (String no : jdbc.sql("select a.agent_no from cc_agent a where a.account_id <> ?").param(agentId).query(String.class).list()) {
            assertThat(l.locator(".seat-tile[data-agent-no='" + no + "'] .tile-state")).not().hasText("示闲", WITHIN_5S);
        }
        a.locator(".phone-bar .pb-ready").click();
        assertThat(state).hasText("示闲");
        assertThat(tile.locator(".tile-state")).hasText("示闲", WITHIN_5S);

        // From here on, every text the tile shows is written down the moment the page changes it.
        l.evaluate("""
                () => {
                  const read = () => document.querySelector(".seat-tile[data-agent-no='1010'] .tile-state")?.textContent.trim();
                  window.__tileStates = [read()];
                  new MutationObserver(() => {
                    const s = read();
                    if (s && s !== window.__tileStates[window.__tileStates.length - 1]) window.__tileStates.push(s);
                  }).observe(document.querySelector('.tiles'), { subtree: true, childList: true, characterData: true });
                }""");

        Sipp.Run citizen = Sipp.start(dir, "caller-waits", "citizen",
                Map.of("CALLER", citizenNumber, "CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "500"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                        "-rtp_echo", "-m", "1", "-timeout", "600s"));

        Locator callerView = a.locator(".caller-view");
        assertThat(callerView.locator(".cv-number")).hasText(citizenNumber, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(state).hasText("通话", WITHIN_5S);
        assertThat(a.locator(".phone-bar .pb-hangup")).isEnabled();
        assertThat(tile.locator(".tile-state")).hasText("通话", WITHIN_5S);
        assertThat(tile.locator(".tile-caller")).containsText(citizenNumber);

        // The caller's earlier order is there, open; the repeat call is recorded as an urge with one click.
        Locator pastRow = callerView.locator(".cv-orders .el-table__row", new Locator.LocatorOptions().setHasText(pastNumber));
        assertThat(pastRow).containsText("待派单");
        assertThat(callerView.locator(".tag-open-orders")).containsText("1");
        pastRow.locator(".cv-urge").click();
        assertThat(pastRow.locator(".cv-urge-count")).hasText("1 次", WITHIN_5S);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/work-orders/" + pastId).json().path("urgeCount").asInt()).isEqualTo(1);
        agent.screenshot("callcenter-caller-view");
        leader.screenshot("callcenter-seat-wall-talking");

        // A new order from the call: the number and the call come along to the intake.
        callerView.locator(".cv-new-order").click();
        a.waitForURL(url -> url.contains("/workorders/intake") && url.contains("callId="));
        var callIdInUrl = java.util.regex.Pattern.compile("[?&]callId=([^&#]+)").matcher(a.url());
        org.assertj.core.api.Assertions.assertThat(callIdInUrl.find()).as(a.url()).isTrue();
        String callId = java.net.URLDecoder.decode(callIdInUrl.group(1), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(callId).isNotBlank();
        Locator intake = a.locator(".intake .form-card");
        assertThat(intake.locator(".el-form-item", new Locator.LocatorOptions().setHasText("来电号码")).locator("input")).hasValue(citizenNumber);
        assertThat(intake.locator(".el-form-item", new Locator.LocatorOptions().setHasText("来电编号")).locator("input")).hasValue(callId);
        intake.locator(".el-form-item", new Locator.LocatorOptions().setHasText("诉求内容")).locator("textarea")
                .fill("来电反映路灯仍未修复，浏览器测试新建工单");
        intake.locator(".el-radio-button", new Locator.LocatorOptions().setHasText("转派单员")).click();
        intake.locator(".el-button--primary", new Locator.LocatorOptions().setHasText("提交")).click();
        a.waitForURL(java.util.regex.Pattern.compile(".*/workorders/\\d+$"));
        long newId = Long.parseLong(a.url().replaceAll(".*/workorders/(\\d+)$", "$1"));
        var created = api.get("/api/work-orders/" + newId).json();
        org.assertj.core.api.Assertions.assertThat(created.path("callId").asString()).isEqualTo(callId);
        org.assertj.core.api.Assertions.assertThat(created.path("callerPhone").asString()).endsWith(citizenNumber.substring(7));
        org.assertj.core.api.Assertions.assertThat(org.openhotline.shared.crypto.PersonalData.open(jdbc.sql("select caller from cc_call where id = ?").param(callId)
                .query(String.class).single())).isEqualTo(citizenNumber);

        // Hang up at the phone bar (still there on the order's page); after-call work runs with its timer, then ends.
        assertThat(state).hasText("通话");
        a.locator(".phone-bar .pb-hangup").click();
        assertThat(state).hasText("整理", WITHIN_5S);
        assertThat(tile.locator(".tile-state")).hasText("整理", WITHIN_5S);
        assertThat(a.locator(".phone-bar .pb-timer")).not().hasText("00:00", WITHIN_5S);
        phone.expectSuccess(Duration.ofSeconds(15));
        // the agent hung up first: the citizen is kept for the satisfaction survey, presses nothing and is released
        // after the survey has asked twice
        citizen.expectSuccess(Duration.ofSeconds(45));
        agent.screenshot("callcenter-after-call-work");
        int afterCallWorkS = jdbc.sql("select after_call_work_s from cc_skill_group where code = 'general'").query(Integer.class).single();
        var untilReady = new LocatorAssertions.HasTextOptions().setTimeout((afterCallWorkS + 15) * 1000.0);
        assertThat(state).hasText("示闲", untilReady);
        assertThat(tile.locator(".tile-state")).hasText("示闲", untilReady);

        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) l.evaluate("() => window.__tileStates");
        org.assertj.core.api.Assertions.assertThat(seen).containsExactly("示闲", "振铃", "通话", "整理", "示闲");
        String states = String.join(",", jdbc.sql("""
                select state from cc_agent_state_log where account_id = ? and started_at >= (select arrived_at from cc_call where id = ?)
                 order by id""").params(agentId, callId).query(String.class).list());
        org.assertj.core.api.Assertions.assertThat(states).isEqualTo("RINGING,TALKING,AFTER_CALL_WORK,READY");

        // What to do: the new order waits for dispatch, so it counts among the agent's orders to handle.
        var toDo = api.get("/api/callcenter/me/to-do").json();
        var firstPage = api.get("/api/callcenter/me/orders-to-handle?page=1&size=10").json();
        long total = firstPage.path("total").asLong();
        org.assertj.core.api.Assertions.assertThat(toDo.path("ordersToHandle").asLong()).isEqualTo(total).isGreaterThanOrEqualTo(2);
        agent.goTo("/callcenter/desk");
        assertThat(a.locator(".todo-orders b")).hasText(String.valueOf(total));
        a.locator(".todo-orders").click();
        Locator firstRow = a.locator(".orders-table .el-table__row").first();
        assertThat(firstRow).containsText(firstPage.path("items").get(0).path("number").asString());
        firstRow.click();
        a.waitForURL(java.util.regex.Pattern.compile(".*/workorders/" + firstPage.path("items").get(0).path("id").asLong() + "$"));
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
        p.locator(".editor-mode .el-radio-button", hasText("JSON")).click(); // experts write the JSON themselves
        p.locator(".flow-json textarea").fill("{\"id\": \"" + id + "\", \"name\": \"坏流程\", \"start\": \"nowhere\", \"nodes\": {}}");
        admin.expectApiFailure(422, "/api/callcenter/admin/ivr-flows/" + id);
        p.locator(".save-flow").click();
        assertThat(p.locator(".flow-error")).containsText("IVR 流程无效");
        admin.screenshot("callcenter-admin-ivr");
    }
}
