package org.openhotline.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.channels.internal.chat.ChatHours;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 在线客服 in two browsers: a citizen on a phone-sized portal page and an agent at the desk. The ACD gives the chat to
 * the agent; both write; the agent inserts a canned reply, turns the chat into an order (prefilled with what the
 * citizen wrote) and ends it; the citizen sees the order number and rates the service.
 */
@HotlineTest
@Timeout(300)
class ChatBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChatHours hours;

    @Test
    void aCitizenChatsWithAnAgentWhoTurnsTheChatIntoAnOrder() {
        LocalTime opens = hours.opens(), closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        var fx = new CallCenterFixture(port, jdbc);
        long group = fx.group("chat-ui" + n, "在线界面" + n, "LONGEST_IDLE", Map.of());
        fx.agent("chatui" + n, "U" + n, fx.freeExtension(), Map.of(group, 3));
        ApiClient api = ApiClient.loggedIn(port, "chatui" + n);
        api.post("/api/callcenter/me/sign-in", Map.of());
        api.post("/api/callcenter/me/state", Map.of("state", "READY"));
        try (BrowserSession agent = BrowserSession.open(port).login("chatui" + n);
             BrowserSession citizen = BrowserSession.open(port, 390, 844)) {
            agent.goTo("/callcenter/desk");
            Page a = agent.page();
            assertThat(a.locator(".chat-desk .chat-desk-link")).hasText("已连接");

            Page c = citizen.page();
            c.navigate(citizen.baseUrl() + "/#/portal/chat?group=chat-ui" + n);
            c.locator(".chat-name input").fill("孙先生");
            c.locator(".chat-begin").click();
            assertThat(c.locator(".chat-line.system").last()).containsText("为您服务");
            c.locator(".chat-draft input").fill("我想咨询社保卡丢了怎么补办");
            c.locator(".chat-send").click();

            assertThat(a.locator(".chat-desk-lines")).containsText("我想咨询社保卡丢了怎么补办");
            a.locator(".chat-desk-draft textarea").fill("您好，可以到任一社保服务网点补办");
            a.locator(".chat-desk-send").click();
            assertThat(c.locator(".chat-line.agent").last()).containsText("您好，可以到任一社保服务网点补办");

            a.locator(".chat-canned").click();
            a.locator(".el-dropdown-menu__item:visible", new Page.LocatorOptions().setHasText("稍等")).click();
            assertThat(a.locator(".chat-desk-draft textarea")).hasValue("请稍等，正在为您查询相关信息。");
            a.locator(".chat-desk-send").click();
            assertThat(c.locator(".chat-line.agent").last()).containsText("请稍等，正在为您查询相关信息。");

            a.locator(".chat-order").click();
            assertThat(a.locator(".order-content textarea")).hasValue("我想咨询社保卡丢了怎么补办");
            a.locator(".order-phone input").fill("13700003333");
            a.locator(".order-confirm").click();
            assertThat(c.locator(".chat-line.system").last()).containsText("已为您登记工单");
            // the number and the name are sealed at rest (ADR 041): found by the number's blind index, the name opened
            String number = jdbc.sql("select o.number, h.citizen_name from work_order o join ch_chat h on h.order_id = o.id where o.caller_phone_index = ?")
                    .param(PersonalData.phoneIndex("13700003333"))
                    .query((rs, row) -> "孙先生".equals(PersonalData.open(rs.getString(2))) ? rs.getString(1) : null).list()
                    .stream().filter(java.util.Objects::nonNull).reduce((x, y) -> {
                        throw new AssertionError("two chat orders of 孙先生 " + x + ", " + y);
                    }).orElseThrow();
            assertThat(c.locator(".chat-line.system").last()).containsText(number);

            a.locator(".chat-end").click();
            c.locator(".rate-button", new Page.LocatorOptions().setHasText("非常满意")).click();
            assertThat(c.locator(".rate-done")).containsText("非常满意");
            org.assertj.core.api.Assertions.assertThat(agent.problems()).isEmpty();
            org.assertj.core.api.Assertions.assertThat(citizen.problems()).isEmpty();
        } finally {
            api.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            hours.use(opens, closes);
        }
    }
    /** The rating after the citizen's own 结束: asked when an agent had served the chat, not when it only waited. */
    @Test
    void aCitizenWhoEndsAServedChatRatesItAndOneWhoOnlyWaitedIsNotAsked() {
        LocalTime opens = hours.opens(), closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        var fx = new CallCenterFixture(port, jdbc);
        long group = fx.group("chat-rt" + n, "在线评价" + n, "LONGEST_IDLE", Map.of("chatCapacity", 1, "chatsWithCall", 1));
        fx.agent("chatrt" + n, "R" + n, fx.freeExtension(), Map.of(group, 3));
        ApiClient api = ApiClient.loggedIn(port, "chatrt" + n);
        api.post("/api/callcenter/me/sign-in", Map.of());
        api.post("/api/callcenter/me/state", Map.of("state", "READY"));
        try (BrowserSession served = BrowserSession.open(port, 390, 844);
             BrowserSession waiting = BrowserSession.open(port, 390, 844)) {
            Page s = served.page();
            s.navigate(served.baseUrl() + "/#/portal/chat?group=chat-rt" + n);
            s.locator(".chat-begin").click();
            assertThat(s.locator(".chat-line.system").last()).containsText("为您服务");
            // the agent holds one chat, its capacity: the second citizen waits first in line
            Page w = waiting.page();
            w.navigate(waiting.baseUrl() + "/#/portal/chat?group=chat-rt" + n);
            w.locator(".chat-begin").click();
            assertThat(w.locator(".queue-position")).hasText("0");

            // the waiting citizen gives up: the chat ends without the satisfaction question
            w.locator(".chat-end").click();
            assertThat(w.locator(".rate-none")).containsText("未接入客服");
            assertThat(w.locator(".rate-button")).hasCount(0);

            // the served citizen ends the chat: asked to rate, and the grade is kept
            s.locator(".chat-end").click();
            s.locator(".rate-button", new Page.LocatorOptions().setHasText("基本满意")).click();
            assertThat(s.locator(".rate-done")).containsText("基本满意");
            org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                    "select state || '/' || coalesce(rating, '-') from ch_chat where group_id = ? order by queued_at")
                    .param(group).query(String.class).list()).containsExactly("ENDED/BASICALLY_SATISFIED", "ABANDONED/-");
            org.assertj.core.api.Assertions.assertThat(served.problems()).isEmpty();
            org.assertj.core.api.Assertions.assertThat(waiting.problems()).isEmpty();
        } finally {
            api.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            hours.use(opens, closes);
        }
    }
}
