package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.channels.internal.chat.ChatHours;
import org.openhotline.channels.internal.chat.OpenIds;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A WeChat follower asks for 人工: the conversation becomes an online chat routed by the ACD to an agent of the
 * general group; the follower's messages reach the agent's desk, the agent's lines come back through the
 * customer-service API of the simulated WeChat, and "结束" ends the chat.
 */
@HotlineTest
class WeChatChatTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChatHours hours;
    @Autowired
    org.openhotline.channels.internal.wechat.WeChatChat wechatChat;
    @Autowired
    org.openhotline.channels.internal.wechat.WeChatQueueNotices notices;
    @Autowired
    org.openhotline.channels.internal.chat.AbandonedChats abandoned;
    @Autowired
    org.openhotline.callcenter.ChatDistribution acd;
    @Autowired
    java.time.Clock clock;
    String group;

    final WeChatApiStandIn api = WeChatApiStandIn.shared();
    ApiClient agent;
    LocalTime opens, closes;

    @AfterEach
    void restore() {
        if (agent != null) {
            for (var chat : agent.get("/api/chat/mine").json()) {
                agent.post("/api/chat/" + chat.path("id").asString() + "/end", Map.of());
            }
            agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
        if (opens != null) {
            hours.use(opens, closes);
        }
        if (group != null) {
            wechatChat.useGroup(group);
        }
    }

    @Test
    void aFollowerAsksForAnAgentAndTheAgentsLinesComeBackThroughTheCustomerServiceApi() throws Exception {
        opens = hours.opens();
        closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        var fx = new CallCenterFixture(port, jdbc);
        long own = fx.group("wx-chat" + n, "微信在线" + n, "LONGEST_IDLE", Map.of());
        group = wechatChat.group();
        wechatChat.useGroup("wx-chat" + n);
        fx.agent("wxchat" + n, "W" + n, fx.freeExtension(), Map.of(own, 3));
        agent = ApiClient.loggedIn(port, "wxchat" + n);
        agent.post("/api/callcenter/me/sign-in", Map.of());
        agent.post("/api/callcenter/me/state", Map.of("state", "READY"));

        var wechat = new WeChatServerSimulator(port, false);
        String user = "oChat" + System.nanoTime();
        assertThat(wechat.push(WeChatServerSimulator.text(user, "人工")).replyText()).contains("正在为您接入人工客服");
        String chatId = Wait.until("the chat to be taken", () -> jdbc.sql(
                "select id::text from ch_chat where wechat_openid_index = ? and state = 'ACTIVE'").param(OpenIds.index(user))
                .query(String.class).optional().orElse(null), Duration.ofSeconds(30));
        assertThat(jdbc.sql("select agent_id from ch_chat where id = ?::uuid").param(chatId).query(Long.class).single())
                .isEqualTo(jdbc.sql("select id from account where username = ?").param("wxchat" + n).query(Long.class).single());
        Wait.until("the greeting through the customer-service API", (java.util.function.BooleanSupplier) () -> api.sent()
                .stream().anyMatch(s -> s.toUser().equals(user) && s.text().contains("为您服务")), Duration.ofSeconds(30),
                () -> api.sent().toString());

        var silent = wechat.push(WeChatServerSimulator.text(user, "我想问一下公积金怎么提取"));
        assertThat(silent.replyText()).isNullOrEmpty(); // the agent answers, not the robot
        assertThat(jdbc.sql("select count(*) from ch_chat_message where chat_id = ?::uuid and sender = 'CITIZEN' and body = ?")
                .params(chatId, "我想问一下公积金怎么提取").query(Integer.class).single()).isEqualTo(1);
        var r = agent.post("/api/chat/" + chatId + "/messages", Map.of("clientId", "w1", "text", "您好，提取需要带身份证和购房合同"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Wait.until("the agent's line in WeChat", (java.util.function.BooleanSupplier) () -> api.sent().stream()
                .anyMatch(s -> s.toUser().equals(user) && s.text().equals("客服：您好，提取需要带身份证和购房合同")),
                Duration.ofSeconds(30), () -> api.sent().toString());

        wechat.push(WeChatServerSimulator.text(user, "结束"));
        assertThat(jdbc.sql("select state from ch_chat where id = ?::uuid").param(chatId).query(String.class).single())
                .isEqualTo("ENDED");
        // the satisfaction question reaches the follower through the customer-service API; a digit answers it
        Wait.until("the rating question through the customer-service API", (java.util.function.BooleanSupplier) () -> api
                .sent().stream().anyMatch(s -> s.toUser().equals(user) && s.text().contains("回复 1 非常满意")),
                Duration.ofSeconds(30), () -> api.sent().toString());
        assertThat(wechat.push(WeChatServerSimulator.text(user, "2")).replyText()).contains("感谢您的评价");
        assertThat(jdbc.sql("select rating from ch_chat where id = ?::uuid").param(chatId).query(String.class).single())
                .isEqualTo("SATISFIED");
        Wait.until("the rating in the chat facts", (java.util.function.BooleanSupplier) () -> "SATISFIED".equals(jdbc.sql(
                "select rating from rpt_chat_fact where chat_id = ?::uuid").param(chatId).query(String.class).optional()
                .orElse(null)), Duration.ofSeconds(30), () -> "no rating fact");
        // back to the robot
        assertThat(wechat.push(WeChatServerSimulator.text(user, "你好")).replyText()).contains("我要反映");

        // the follower's openid is sealed at rest (ADR 041): the chat and every pushed message hold it only sealed
        String stored = jdbc.sql("select wechat_openid from ch_chat where id = ?::uuid").param(chatId).query(String.class).single();
        assertThat(stored).startsWith("ENC1.").doesNotContain(user);
        assertThat(PersonalData.open(stored)).isEqualTo(user);
        assertThat(jdbc.sql("select open_id from ch_wechat_message").query(String.class).list().stream().map(PersonalData::open)
                .filter(user::equals).count()).as("the follower's messages, sealed").isGreaterThanOrEqualTo(5);
        for (String table : java.util.List.of("ch_chat", "ch_chat_message", "ch_wechat_session", "ch_wechat_message", "ch_wechat_order")) {
            assertThat(jdbc.sql("select count(*) from " + table + " t where t::text like ?").param("%" + user + "%")
                    .query(Long.class).single()).as(table + " rows holding the openid in plain text").isZero();
        }
    }

    @Test
    void aChatTransferredToAGroupIsToldItsPlaceWithoutTheQueueIntroductionAgain() throws Exception {
        opens = hours.opens();
        closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        var fx = new CallCenterFixture(port, jdbc);
        long own = fx.group("wx-tr" + n, "微信转接" + n, "LONGEST_IDLE", Map.of("chatCapacity", 1, "chatsWithCall", 1));
        // a second chat group with nobody signed in: a chat transferred there waits
        fx.group("wx-tr2" + n, "微信转接二" + n, "LONGEST_IDLE", Map.of("chatCapacity", 1, "chatsWithCall", 1));
        group = wechatChat.group();
        wechatChat.useGroup("wx-tr" + n);
        fx.agent("wxtr" + n, "T" + n, fx.freeExtension(), Map.of(own, 3));
        agent = ApiClient.loggedIn(port, "wxtr" + n);
        agent.post("/api/callcenter/me/sign-in", Map.of());
        agent.post("/api/callcenter/me/state", Map.of("state", "READY"));
        var wechat = new WeChatServerSimulator(port, false);
        String served = "oServedT" + n, waiting = "oWaitT" + n;

        wechat.push(WeChatServerSimulator.text(served, "人工"));
        String servedChat = Wait.until("the first follower served", () -> jdbc.sql(
                "select id::text from ch_chat where wechat_openid_index = ? and state = 'ACTIVE'").param(OpenIds.index(served))
                .query(String.class).optional().orElse(null), Duration.ofSeconds(30));
        // the second waits (capacity 1) and hears how the queue works, once
        wechat.push(WeChatServerSimulator.text(waiting, "人工"));
        String waitingChat = waitingChat(waiting);
        Wait.until("the waiting follower told the queue", (java.util.function.BooleanSupplier) () ->
                sentTo(waiting, "您已进入人工客服排队，当前排在第 1 位"), Duration.ofSeconds(30), () -> api.sent().toString());
        // the first leaves: the second is served
        wechat.push(WeChatServerSimulator.text(served, "结束"));
        Wait.until("the second follower served", (java.util.function.BooleanSupplier) () -> "ACTIVE".equals(jdbc.sql(
                "select state from ch_chat where id = ?::uuid").param(waitingChat).query(String.class).single()),
                Duration.ofSeconds(30));
        assertThat(servedChat).isNotEqualTo(waitingChat);

        // the agent transfers it to a group with nobody free: back in a queue, told its place — not the introduction
        var moved = agent.post("/api/chat/" + waitingChat + "/transfer", Map.of("groupCode", "wx-tr2" + n));
        assertThat(moved.status()).as(() -> moved.body() + " — the chat then: " + jdbc.sql(
                "select state || ' agent ' || coalesce(agent_id::text, '-') || ' group ' || group_id from ch_chat where id = ?::uuid")
                .param(waitingChat).query(String.class).single() + ", its lines: " + jdbc.sql(
                "select string_agg(seq || ' ' || sender || ' ' || body, ' | ' order by seq) from ch_chat_message where chat_id = ?::uuid")
                .param(waitingChat).query(String.class).single()).isEqualTo(200);
        Wait.until("the transferred follower told its place", (java.util.function.BooleanSupplier) () ->
                sentTo(waiting, "您当前排在第 1 位，请稍候。"), Duration.ofSeconds(30), () -> api.sent().toString());
        assertThat(sentTo(waiting, "正在为您转接至「微信转接二" + n + "」")).isTrue();
        assertThat(api.sent().stream().filter(s -> s.toUser().equals(waiting) && s.text().contains("您已进入人工客服排队"))
                .count()).as(api.sent().toString()).isEqualTo(1);
        wechat.push(WeChatServerSimulator.text(waiting, "结束"));
        assertThat(jdbc.sql("select state from ch_chat where id = ?::uuid").param(waitingChat).query(String.class).single())
                .isIn("ENDED", "ABANDONED");
    }

    boolean sentTo(String user, String part) {
        return api.sent().stream().anyMatch(s -> s.toUser().equals(user) && s.text().contains(part));
    }

    String waitingChat(String user) {
        return Wait.until("the follower's chat waiting", () -> jdbc.sql(
                "select id::text from ch_chat where wechat_openid_index = ? and state = 'WAITING'").param(OpenIds.index(user))
                .query(String.class).optional().orElse(null), Duration.ofSeconds(30));
    }

    @Test
    void followersWaitingAreToldTheirPlaceAndASilentOneLeavesTheQueueAsAbandoned() throws Exception {
        opens = hours.opens();
        closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        var fx = new CallCenterFixture(port, jdbc);
        long own = fx.group("wx-queue" + n, "微信排队" + n, "LONGEST_IDLE", Map.of("chatCapacity", 1, "chatsWithCall", 1));
        group = wechatChat.group();
        wechatChat.useGroup("wx-queue" + n);
        fx.agent("wxq" + n, "Q" + n, fx.freeExtension(), Map.of(own, 3));
        agent = ApiClient.loggedIn(port, "wxq" + n);
        agent.post("/api/callcenter/me/sign-in", Map.of());
        agent.post("/api/callcenter/me/state", Map.of("state", "READY"));
        var wechat = new WeChatServerSimulator(port, false);
        String served = "oServed" + n, second = "oSecond" + n, third = "oThird" + n;

        wechat.push(WeChatServerSimulator.text(served, "人工"));
        Wait.until("the first follower served", (java.util.function.BooleanSupplier) () -> jdbc.sql(
                "select count(*) from ch_chat where wechat_openid_index = ? and state = 'ACTIVE'").param(OpenIds.index(served))
                .query(Integer.class).single() == 1, Duration.ofSeconds(30));
        // the agent holds 1 chat, its group's capacity: the next followers wait and are told their place
        wechat.push(WeChatServerSimulator.text(second, "人工"));
        String secondChat = waitingChat(second);
        Wait.until("the second follower told place 1", (java.util.function.BooleanSupplier) () -> sentTo(second, "排在第 1 位"),
                Duration.ofSeconds(30), () -> api.sent().toString());
        wechat.push(WeChatServerSimulator.text(third, "人工"));
        String thirdChat = waitingChat(third);
        Wait.until("the third follower told place 2", (java.util.function.BooleanSupplier) () -> sentTo(third, "排在第 2 位"),
                Duration.ofSeconds(30), () -> api.sent().toString());
        assertThat(sentTo(served, "排在第")).isFalse(); // served at once: no place to tell

        // the second leaves: the third moves up; told once the interval since its last notice is over
        wechat.push(WeChatServerSimulator.text(second, "结束"));
        assertThat(jdbc.sql("select state from ch_chat where id = ?::uuid").param(secondChat).query(String.class).single())
                .isEqualTo("ABANDONED");
        Wait.until("the third follower told place 1", (java.util.function.BooleanSupplier) () -> {
            notices.flush(clock.instant().plus(Duration.ofMinutes(1)));
            return sentTo(third, "您当前排在第 1 位");
        }, Duration.ofSeconds(30), () -> api.sent().toString());
        assertThat(api.sent().stream().filter(s -> s.toUser().equals(third) && s.text().contains("排在第")).count())
                .isEqualTo(2);

        // the third stays silent past the timeout: abandoned, out of the queue, told, counted in the chat facts
        abandoned.sweep(clock.instant());
        assertThat(jdbc.sql("select state from ch_chat where id = ?::uuid").param(thirdChat).query(String.class).single())
                .as("not silent long enough yet").isEqualTo("WAITING");
        assertThat(abandoned.sweep(clock.instant().plus(Duration.ofMinutes(16)))).isPositive();
        assertThat(jdbc.sql("select state from ch_chat where id = ?::uuid").param(thirdChat).query(String.class).single())
                .isEqualTo("ABANDONED");
        assertThat(acd.position(thirdChat)).isZero();
        Wait.until("the follower told why", (java.util.function.BooleanSupplier) () -> sentTo(third, "长时间未回复"),
                Duration.ofSeconds(30), () -> api.sent().toString());
        Wait.until("the abandonment in the chat facts", (java.util.function.BooleanSupplier) () -> jdbc.sql(
                "select count(*) from rpt_chat_fact where chat_id = ?::uuid and abandoned_at is not null and answered_at is null")
                .param(thirdChat).query(Integer.class).single() == 1, Duration.ofSeconds(30));
        // the follower served by the agent is not touched, though silent as long
        assertThat(jdbc.sql("select state from ch_chat where wechat_openid_index = ?").param(OpenIds.index(served)).query(String.class).single())
                .isEqualTo("ACTIVE");
        // the next "人工" opens a new chat
        assertThat(wechat.push(WeChatServerSimulator.text(third, "人工")).replyText()).contains("正在为您接入人工客服");
        waitingChat(third);
        wechat.push(WeChatServerSimulator.text(third, "结束"));
    }
}
