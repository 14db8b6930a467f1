package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.channels.internal.chat.ChatHours;
import org.openhotline.shared.crypto.SealedFiles;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Online chat end to end over real WebSockets: citizens ↔ agents through the call center's ACD (capacity per
 * group respected), a reconnect that loses nothing, transfer, a team leader joining, chat → order with its
 * transcript, the satisfaction question, and the offline message that becomes an online order.
 */
@HotlineTest
class ChatTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChatHours hours;
    @Autowired
    org.openhotline.channels.internal.chat.AbandonedChats abandonedChats;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.openhotline.shared.cluster.PostgresSignals signals;
    @Autowired
    javax.sql.DataSource dataSource;

    CallCenterFixture fx;
    LocalTime opens, closes;
    final List<ApiClient> signedIn = new ArrayList<>();
    final List<ChatSocketClient> sockets = new ArrayList<>();
    final String n = String.valueOf(System.nanoTime() % 1_000_000);

    @BeforeEach
    void open() {
        fx = new CallCenterFixture(port, jdbc);
        opens = hours.opens();
        closes = hours.closes();
        hours.use(LocalTime.MIN, LocalTime.MAX);
    }

    @AfterEach
    void close() {
        sockets.forEach(ChatSocketClient::close);
        for (ApiClient a : signedIn) {
            for (JsonNode chat : a.get("/api/chat/mine").json()) {
                if ("AGENT".equals(chat.path("role").asString())) {
                    a.post("/api/chat/" + chat.path("id").asString() + "/end", Map.of());
                }
            }
            a.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
        hours.use(opens, closes);
    }

    String base() {
        return "http://localhost:" + port;
    }

    long group(String code, int capacity, int withCall) {
        return fx.group(code, "在线测试" + code, "LONGEST_IDLE", Map.of("chatCapacity", capacity, "chatsWithCall", withCall));
    }

    ApiClient readyAgent(String name, long group, int i) {
        fx.agent(name, "C" + n + i, fx.freeExtension(), Map.of(group, 3));
        ApiClient agent = ApiClient.loggedIn(port, name);
        assertThat(agent.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);
        signedIn.add(agent);
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }

    ChatSocketClient socket(String path, String cookie) {
        ChatSocketClient s = ChatSocketClient.connect(base(), path, cookie);
        sockets.add(s);
        return s;
    }

    ChatSocketClient citizen() {
        return socket("/api/portal/chat/ws", null);
    }

    ChatSocketClient desk(ApiClient staff) {
        ChatSocketClient d = socket("/api/chat/ws", staff.sessionCookieHeader());
        d.next("hello");
        return d;
    }

    static JsonNode active(ChatSocketClient c) {
        return c.next(f -> "state".equals(f.path("type").asString()) && "ACTIVE".equals(f.path("state").asString()), "ACTIVE");
    }

    @Test
    void citizensReachAnAgentThroughTheAcdWithinItsCapacityAndAReconnectLosesNothing() {
        String code = "chat-a" + n;
        long group = group(code, 2, 1);
        ApiClient agent = readyAgent("chata" + n, group, 1);
        ChatSocketClient desk = desk(agent);

        ChatSocketClient one = citizen();
        one.send(Map.of("type", "start", "group", code, "name", "张女士"));
        JsonNode started = one.next("started");
        String chatId = started.path("chatId").asString();
        String token = started.path("token").asString();
        active(one);
        assertThat(desk.next("assigned").path("chatId").asString()).isEqualTo(chatId);

        ChatSocketClient two = citizen();
        two.send(Map.of("type", "start", "group", code));
        two.next("started");
        active(two);
        // the agent holds 2 chats, its group's capacity: the third citizen waits, told its place
        ChatSocketClient three = citizen();
        three.send(Map.of("type", "start", "group", code));
        three.next("started");
        assertThat(three.next("queue").path("position").asInt()).isEqualTo(1);
        assertThat(agent.get("/api/chat/mine").json().size()).isEqualTo(2);
        // and the agent's phone is still free for a call (1 call + 1 chat would be allowed only below 2 chats)
        assertThat(agent.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("READY");

        one.send(Map.of("type", "send", "clientId", "m1", "text", "你好，我想咨询医保报销"));
        int seq = one.next("ack").path("seq").asInt();
        assertThat(desk.line("你好，我想咨询医保报销").path("seq").asInt()).isEqualTo(seq);
        var reply = agent.post("/api/chat/" + chatId + "/messages", Map.of("clientId", "r1", "text", "您好，请讲"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        int seen = one.line("您好，请讲").path("seq").asInt();

        // the citizen's phone drops; the agent writes on; the citizen comes back and gets what it missed
        one.close();
        agent.post("/api/chat/" + chatId + "/messages", Map.of("clientId", "r2", "text", "报销需要带身份证"));
        agent.post("/api/chat/" + chatId + "/messages", Map.of("clientId", "r3", "text", "还需要医保卡"));
        ChatSocketClient back = citizen();
        back.send(Map.of("type", "resume", "chatId", chatId, "token", token, "after", seen));
        assertThat(back.line("报销需要带身份证").path("seq").asInt()).isEqualTo(seen + 1);
        assertThat(back.line("还需要医保卡").path("seq").asInt()).isEqualTo(seen + 2);
        assertThat(back.next("state").path("state").asString()).isEqualTo("ACTIVE");
        // a line sent again because its ack was lost counts once
        back.send(Map.of("type", "send", "clientId", "m2", "text", "好的，谢谢"));
        back.send(Map.of("type", "send", "clientId", "m2", "text", "好的，谢谢"));
        int first = back.next("ack").path("seq").asInt();
        assertThat(back.next("ack").path("seq").asInt()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from ch_chat_message where chat_id = ? and client_id = 'm2'")
                .param(UUID.fromString(chatId)).query(Integer.class).single()).isEqualTo(1);
        // a forged token opens nothing
        ChatSocketClient forged = citizen();
        forged.send(Map.of("type", "resume", "chatId", chatId, "token", "forged", "after", 0));
        assertThat(forged.next("error").path("detail").asString()).isEqualTo("会话不存在或已失效");
        back.send(Map.of("type", "send", "clientId", "m3", "text", " "));
        assertThat(back.next("error").path("detail").asString()).isEqualTo("消息不能为空");

        // the agent ends the first chat: the citizen is asked to rate, and the waiting chat comes to the agent
        assertThat(agent.post("/api/chat/" + chatId + "/end", Map.of()).status()).isEqualTo(200);
        assertThat(back.next("ended").path("askRating").asBoolean()).isTrue();
        active(three);
        back.send(Map.of("type", "rate", "grade", "VERY_SATISFIED"));
        assertThat(back.next("rated").path("label").asString()).isEqualTo("非常满意");
        back.send(Map.of("type", "rate", "grade", "DISSATISFIED"));
        assertThat(back.next("error").path("detail").asString()).isEqualTo("您已评价过本次服务");
        assertThat(jdbc.sql("select state || '/' || rating from ch_chat where id = ?").param(UUID.fromString(chatId))
                .query(String.class).single()).isEqualTo("ENDED/VERY_SATISFIED");
        Wait.until("the chat's fact", () -> jdbc.sql("""
                select count(*) from rpt_chat_fact where chat_id = ? and ended_at is not null and answered_at is not null
                   and rating = 'VERY_SATISFIED'""")
                .param(UUID.fromString(chatId)).query(Integer.class).single() == 1, java.time.Duration.ofSeconds(20), () -> "");
        // and the chats are in the reports (在线客服统计), beside the calls
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var table = ApiClient.loggedIn(port, "manager").get("/api/reports/tables/chats?from=" + today + "&to=" + today);
        assertThat(table.status()).as(table.body()).isEqualTo(200);
        assertThat(table.json().path("totals").path("offered").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(table.json().path("totals").path("rated").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChatIsTransferredJoinedByTheTeamLeaderAndTurnedIntoAnOrderWithItsTranscript() {
        String code = "chat-b" + n;
        long group = group(code, 3, 1);
        ApiClient first = readyAgent("chatb" + n, group, 1);
        ChatSocketClient firstDesk = desk(first);
        ChatSocketClient citizen = citizen();
        citizen.send(Map.of("type", "start", "group", code, "name", "王先生", "phone", "13900001111"));
        String chatId = citizen.next("started").path("chatId").asString();
        active(citizen);
        firstDesk.next("assigned");
        citizen.send(Map.of("type", "send", "clientId", "c1", "text", "我家楼下的路灯坏了一个星期了"));
        citizen.next("ack");
        // the citizen's name and number, and the name on its lines, are sealed at rest (ADR 041)
        assertThat(jdbc.sql("select citizen_name || ' ' || citizen_phone from ch_chat where id = ?").param(UUID.fromString(chatId))
                .query(String.class).single()).startsWith("ENC1.").doesNotContain("王先生").doesNotContain("13900001111");
        assertThat(jdbc.sql("select author from ch_chat_message where chat_id = ? and sender = 'CITIZEN'").param(UUID.fromString(chatId))
                .query(String.class).list()).isNotEmpty().noneMatch(a -> a.contains("王先生"));

        ApiClient second = readyAgent("chatc" + n, group, 2);
        ChatSocketClient secondDesk = desk(second);
        long secondId = jdbc.sql("select id from account where username = ?").param("chatc" + n).query(Long.class).single();
        var targets = first.get("/api/chat/transfer-targets").json();
        assertThat(targets.path("agents").findValuesAsString("accountId")).contains(String.valueOf(secondId));
        var moved = first.post("/api/chat/" + chatId + "/transfer", Map.of("accountId", secondId));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(secondDesk.next("assigned").path("chatId").asString()).isEqualTo(chatId);
        assertThat(firstDesk.next("removed").path("chatId").asString()).isEqualTo(chatId);
        citizen.line("正在为您转接其他客服，请稍候。");
        assertThat(second.get("/api/chat/" + chatId).json().path("messages").findValuesAsString("text"))
                .contains("我家楼下的路灯坏了一个星期了");
        // the first agent no longer holds it
        assertThat(first.post("/api/chat/" + chatId + "/messages", Map.of("text", "还在吗")).status()).isEqualTo(403);

        ApiClient leader = ApiClient.loggedIn(port, "teamleader1");
        ChatSocketClient leaderDesk = desk(leader);
        assertThat(leader.post("/api/chat/" + chatId + "/join", Map.of()).status()).isEqualTo(200);
        citizen.line("班长 郑海涛 加入会话。"); // the title once, though the display name carries it
        assertThat(leader.post("/api/chat/" + chatId + "/messages", Map.of("text", "我们会尽快处理")).status()).isEqualTo(201);
        assertThat(citizen.line("我们会尽快处理").path("sender").asString()).isEqualTo("LEADER");
        leaderDesk.line("我们会尽快处理");

        var order = second.post("/api/chat/" + chatId + "/order", Map.of("appealType", "COMPLAINT",
                "content", "市民反映楼下路灯损坏一周无人维修，请尽快修复。", "name", "王先生", "phone", "13900001111",
                "address", "人民路 12 号"));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String number = order.json().path("number").asString();
        assertThat(citizen.next(f -> f.path("text").asString().contains(number), "the order number").path("sender").asString())
                .isEqualTo("SYSTEM");
        assertThat(jdbc.sql("select channel from work_order where number = ?").param(number).query(String.class).single())
                .isEqualTo("CHAT");
        // attachments are sealed at rest (ADR 041): read as the download does
        String transcript = new String(SealedFiles.openBytes(jdbc.sql("""
                select a.data from wo_attachment a join work_order o on o.id = a.work_order_id
                 where o.number = ? and a.name = '在线客服会话记录.txt'""").param(number).query(byte[].class).single()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(transcript).contains("群众：我家楼下的路灯坏了一个星期了").contains("班长 郑海涛：我们会尽快处理").doesNotContain("班长 班长");
        assertThat(second.post("/api/chat/" + chatId + "/order", Map.of("content", "再来一次的内容再来一次")).status()).isEqualTo(409);
    }

    @Test
    void outsideOpeningHoursTheCitizenLeavesAMessageThatBecomesAnOnlineOrder() {
        String code = "chat-c" + n;
        long group = group(code, 3, 1);
        readyAgent("chatd" + n, group, 1);
        hours.use(LocalTime.of(0, 0), LocalTime.of(0, 0)); // never open
        ChatSocketClient citizen = citizen();
        citizen.send(Map.of("type", "start", "group", code));
        assertThat(citizen.next("offline").path("detail").asString()).contains("请留言").contains("1 个工作日");
        citizen.send(Map.of("type", "leave", "name", "刘女士", "phone", "13800002222", "text", "想咨询一下公积金提取的流程",
                "clientId", "leave-" + n));
        JsonNode left = citizen.next("left");
        String number = left.path("number").asString();
        assertThat(left.path("queryCode").asString()).hasSize(8);
        assertThat(jdbc.sql("select channel || '/' || content from work_order where number = ?").param(number)
                .query(String.class).single()).isEqualTo("CHAT/想咨询一下公积金提取的流程");
        // the same message sent again after a reconnect is the same order
        citizen.send(Map.of("type", "leave", "name", "刘女士", "phone", "13800002222", "text", "想咨询一下公积金提取的流程",
                "clientId", "leave-" + n));
        assertThat(citizen.next("left").path("number").asString()).isEqualTo(number);
        citizen.send(Map.of("type", "leave", "phone", "123", "text", "想咨询一下公积金提取的流程"));
        assertThat(citizen.next("error").path("detail").asString()).isEqualTo("请填写正确的 11 位手机号，以便回复您");

        // open hours, but nobody of the group signed in: offline too
        hours.use(LocalTime.MIN, LocalTime.MAX);
        long empty = group("chat-e" + n, 3, 1);
        ChatSocketClient another = citizen();
        another.send(Map.of("type", "start", "group", "chat-e" + n));
        assertThat(another.next("offline").path("detail").asString()).contains("当前没有在线客服");
        assertThat(empty).isPositive();
    }

    @Test
    void aWaitingCitizenWhoseSocketStaysGoneIsTakenOutOfTheQueueAsAbandoned() {
        String code = "chat-g" + n;
        long group = group(code, 1, 1);
        readyAgent("chatg" + n, group, 1);
        ChatSocketClient served = citizen();
        served.send(Map.of("type", "start", "group", code));
        served.next("started");
        active(served);
        // the agent holds 1 chat, its capacity: two citizens wait
        ChatSocketClient gone = citizen();
        gone.send(Map.of("type", "start", "group", code));
        UUID goneChat = UUID.fromString(gone.next("started").path("chatId").asString());
        assertThat(gone.next("queue").path("position").asInt()).isEqualTo(1);
        ChatSocketClient staying = citizen();
        staying.send(Map.of("type", "start", "group", code));
        UUID stayingChat = UUID.fromString(staying.next("started").path("chatId").asString());
        assertThat(staying.next("queue").path("position").asInt()).isEqualTo(2);

        // the first closes the page and does not come back within the grace: abandoned, the other moves up
        gone.close();
        Wait.until("the gone citizen's chat abandoned", () -> {
            abandonedChats.sweep(clock.instant().plus(java.time.Duration.ofMinutes(2)));
            return "ABANDONED".equals(state(goneChat));
        }, java.time.Duration.ofSeconds(30), () -> "still " + state(goneChat));
        assertThat(staying.next(f -> "queue".equals(f.path("type").asString()) && f.path("position").asInt() == 1,
                "place 1").path("position").asInt()).isEqualTo(1);
        // a citizen still connected keeps waiting however long it takes
        assertThat(state(stayingChat)).isEqualTo("WAITING");
        Wait.until("the abandonment in the chat facts (排队中放弃)", () -> jdbc.sql(
                "select count(*) from rpt_chat_fact where chat_id = ? and abandoned_at is not null and answered_at is null")
                .param(goneChat).query(Integer.class).single() == 1, java.time.Duration.ofSeconds(20), () -> "");
        staying.send(Map.of("type", "end"));
        staying.next("ended");
    }

    /** A chat queued through another node (its ACD, its citizen's socket): on record only, as this node sees it. */
    UUID queuedElsewhere(long group, java.time.Instant queuedAt, String token) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into ch_chat (id, token_hash, source, group_id, state, queued_at, citizen_seen_at)
                values (?, ?, 'WEB', ?, 'WAITING', ?, ?)""")
                .params(id, org.openhotline.channels.internal.portal.PhoneCodes.hash(token), group,
                        java.sql.Timestamp.from(queuedAt), java.sql.Timestamp.from(queuedAt)).update();
        return id;
    }

    java.sql.Timestamp seenAt(UUID chatId) {
        return jdbc.sql("select citizen_seen_at from ch_chat where id = ?").param(chatId).query(java.sql.Timestamp.class).single();
    }

    @Test
    void placesAndPresenceAreTheSameOnEveryNode() {
        String code = "chat-n" + n;
        long group = group(code, 1, 1); // nobody of it signed in: what is queued waits
        java.time.Instant base = clock.instant();
        UUID gone = queuedElsewhere(group, base.minusSeconds(2), "gone-" + n);
        UUID here = queuedElsewhere(group, base.minusSeconds(1), "here-" + n);
        try {
            // the citizen of the second reconnects to this node: told its place in the queue as on record
            ChatSocketClient citizen = citizen();
            citizen.send(Map.of("type", "resume", "chatId", here.toString(), "token", "here-" + n, "after", 0));
            JsonNode state = citizen.next("state");
            assertThat(state.path("state").asString()).isEqualTo("WAITING");
            assertThat(state.path("position").asInt()).isEqualTo(2);

            // the node holding the ACD moves the queue and signals the place: pushed to the socket on this node
            Wait.until("this node listens for signals", signals::listening, java.time.Duration.ofSeconds(10), () -> "");
            new org.openhotline.shared.cluster.PostgresSignals(dataSource, "node-acd", false).send("chat-queue", here + " 7");
            assertThat(citizen.next(f -> "queue".equals(f.path("type").asString()), "the signalled place")
                    .path("position").asInt()).isEqualTo(7);

            // the citizen's phone moves to another node: this node's socket closes, the other node vouches for it
            java.sql.Timestamp resumed = seenAt(here);
            citizen.close();
            Wait.until("this node saw the socket close", () -> seenAt(here).after(resumed), java.time.Duration.ofSeconds(20),
                    () -> "seen at " + seenAt(here));
            java.time.Instant later = base.plus(java.time.Duration.ofMinutes(5));
            jdbc.sql("update ch_chat set citizen_seen_at = ? where id = ?").params(java.sql.Timestamp.from(later), here).update();

            // a sweep past the grace: the chat nobody has seen (its node died) is abandoned, the one seen elsewhere waits
            abandonedChats.sweep(later.plusSeconds(10));
            assertThat(state(gone)).isEqualTo("ABANDONED");
            assertThat(state(here)).isEqualTo("WAITING");

            ChatSocketClient back = citizen();
            back.send(Map.of("type", "resume", "chatId", here.toString(), "token", "here-" + n, "after", 0));
            assertThat(back.next("state").path("position").asInt()).isEqualTo(1);
            back.send(Map.of("type", "end"));
            back.next("ended");
        } finally {
            jdbc.sql("update ch_chat set state = 'ENDED' where id in (?, ?) and state = 'WAITING'").params(gone, here).update();
        }
    }

    String state(UUID chatId) {
        return jdbc.sql("select state from ch_chat where id = ?").param(chatId).query(String.class).single();
    }
}
