package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Phone linkage 12345 → 110 (国办发〔2022〕12号) with real SIP and RTP, judged by ear: the citizen's phone speaks
 * 1300 Hz, this test's agent's desk phone 1000 Hz, and 110's operator 1700 Hz — a phone behind the test context's
 * carrier trunk (its probed outbound peer, which allows caller-ID pass-through), answering the platform's call and its
 * OPTIONS probes. The agent briefs 110 while the citizen hears music, talks all three, then drops out: the agent's
 * phone is released, the citizen keeps talking with 110, and the hand-over is written on the call's order and the
 * call record. 110 is shown the citizen's number. The citizen hangs up; 110 is released.
 * <p>
 * Why it was never green before (issue 15): 110 was sipp with {@code -rtp_echo}, whose echo carries the platform's own
 * SSRC — the engine's echo check takes those packets and never mixes them, so nobody could hear "110"; and its
 * scenario ended with {@code stop_now}, which makes sipp exit 97 (EXIT_TEST_RES_INTERNAL) by design, even on success.
 */
@HotlineTest
@Timeout(300)
class EmergencyHandOverTest {

    static final String CITIZEN_NUMBER = "13911000110";
    static final double CITIZEN = 1300, AGENT = 1000, OPERATOR = 1700;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Value("${hotline.test.ops-trunk-port}")
    int trunkPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgentHandsTheCitizenOverTo110InAThreeWayCallAndTheOrderRecordsIt() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-emergency", "测试电话联动", "LONGEST_IDLE", Map.of());
        fixture.routeCallers("12307", CITIZEN_NUMBER, group, 300, "电话联动测试");
        fixture.agent("ccem1", "T991", "8291", Map.of(group, 3));
        var agent = ApiClient.loggedIn(port, "ccem1");

        // 110's operator listens where the trunk dials; operations' trunk alarm test answers there with sipp, which
        // may still be exiting when this test starts.
        try (TestPhone operator = until("the trunk's port is free", () -> operatorOn(trunkPort), Duration.ofSeconds(30));
             TestPhone agentPhone = new TestPhone("8291", AGENT, sipPort);
             TestPhone citizen = new TestPhone(CITIZEN_NUMBER, CITIZEN, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            boolean citizenHungUp = false;
            try {
                assertThat(agent.post("/api/callcenter/me/sign-in", Map.of("extension", "8291")).status()).isEqualTo(200);
                assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);

                var services = agent.get("/api/callcenter/me/emergency/services");
                assertThat(services.status()).as(services.body()).isEqualTo(200);
                assertThat(services.json().valueStream().map(s -> s.path("code").asString() + "=" + s.path("number").asString()).toList())
                        .containsExactly("110=110", "119=119", "120=120", "122=122");

                citizen.dial("12307");
                String callId = until("the agent talks with the citizen", () -> {
                    var me = agent.get("/api/callcenter/me").json();
                    return me.path("state").asString().equals("TALKING") ? me.path("callId").asString() : null;
                }, Duration.ofSeconds(30), () -> agent.get("/api/callcenter/me").body());
                var order = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "HELP",
                        "content", "有人在小区门口打架，需要警察", "callerPhone", CITIZEN_NUMBER, "callId", callId));
                assertThat(order.status()).as(order.body()).isEqualTo(201);
                long orderId = order.json().path("id").asLong();
                String number = order.json().path("number").asString();

                // Bad input and out-of-order steps are refused with a reason.
                assertThat(agent.post("/api/callcenter/me/emergency", Map.of("service", "999")).status()).isEqualTo(422);
                assertThat(agent.post("/api/callcenter/me/emergency/hand-over", Map.of()).status()).isEqualTo(409);
                long otherOrder = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "HELP",
                        "content", "另一通来电的工单", "callerPhone", "13911000119")).json().path("id").asLong();
                var foreign = agent.post("/api/callcenter/me/emergency", Map.of("service", "110", "workOrderId", otherOrder));
                assertThat(foreign.status()).as("only an order of this call").isEqualTo(422);
                assertThat(foreign.json().path("detail").asString()).isEqualTo("该工单不是本次通话的工单");

                var started = agent.post("/api/callcenter/me/emergency", Map.of("service", "110", "workOrderId", orderId));
                assertThat(started.status()).as(started.body()).isEqualTo(200);
                assertThat(started.json().path("name").asString()).isEqualTo("公安110");
                until("110 answers", () -> agent.get("/api/callcenter/me/emergency").json().path("answered").asBoolean() ? true : null,
                        Duration.ofSeconds(30), () -> agent.get("/api/callcenter/me/emergency").body());
                // 主叫号码透传: 110 sees the citizen's number (to call back, to locate), not the hotline's.
                assertThat(operator.lastInvite).as("the INVITE 110 received")
                        .containsPattern("(?im)^From:[^\\r\\n]*sip:" + CITIZEN_NUMBER + "@")
                        .containsPattern("(?im)^P-Asserted-Identity:\\s*<sip:" + CITIZEN_NUMBER + "@");
                // ... and the phone bar says so: whether 110 can call the citizen back depends on it.
                assertThat(started.json().path("shownAs").asString()).isEqualTo(CITIZEN_NUMBER);
                assertThat(agent.get("/api/callcenter/me").json().path("consulting").path("shownAs").asString())
                        .isEqualTo(CITIZEN_NUMBER);
                awaitSound("the agent briefs 110 while the citizen hears music, heard by nobody",
                        () -> hears(agentPhone, OPERATOR) && hears(operator, AGENT) && music(citizen)
                                && silent(citizen, OPERATOR) && silent(citizen, AGENT) && silent(operator, CITIZEN),
                        citizen, agentPhone, operator);

                var early = agent.post("/api/callcenter/me/emergency/hand-over", Map.of());
                assertThat(early.status()).as("no hand-over before all three talked").isEqualTo(409);
                assertThat(early.json().path("detail").asString()).contains("三方通话");
                var generic = agent.post("/api/callcenter/me/consult/complete", Map.of());
                assertThat(generic.status()).as("the phone bar's 完成转接 is the same hand-over").isEqualTo(409);
                assertThat(generic.json().path("detail").asString()).contains("三方通话");

                var joined = agent.post("/api/callcenter/me/emergency/join", Map.of());
                assertThat(joined.status()).as(joined.body()).isEqualTo(200);
                assertThat(joined.json().path("threeWay").asBoolean()).isTrue();
                awaitSound("all three hear each other", () -> hears(citizen, AGENT) && hears(citizen, OPERATOR)
                                && hears(operator, CITIZEN) && hears(operator, AGENT)
                                && hears(agentPhone, CITIZEN) && hears(agentPhone, OPERATOR),
                        citizen, agentPhone, operator);

                var handed = agent.post("/api/callcenter/me/emergency/hand-over", Map.of());
                assertThat(handed.status()).as(handed.body()).isEqualTo(200);
                assertThat(handed.json().path("orders").valueStream().map(n -> n.asString()).toList()).containsExactly(number);
                assertThat(agentPhone.awaitBye(20_000)).as("the agent's phone is released").isTrue();
                agentPhone.close(); // it would go on speaking to a port the engine may give the next leg
                // the test group's after-call work is 0 s: the agent is off the call, ready for the next one
                until("the agent off the call", () -> onCall(agent) ? null : true, Duration.ofSeconds(20));

                // The citizen still talks — with 110 alone.
                awaitSound("the citizen and 110 talk on without the agent", () -> hears(citizen, OPERATOR)
                        && hears(operator, CITIZEN) && silent(citizen, AGENT) && silent(operator, AGENT), citizen, operator);
                assertThat(jdbc.sql("select ended_at is null from cc_call where id = ?").param(callId).query(Boolean.class).single()).isTrue();
                citizen.hangUp();
                citizenHungUp = true;
                assertThat(operator.awaitBye(20_000)).as("110 is released when the citizen hangs up").isTrue();
                until("the call is over", () -> jdbc.sql("select ended_at is not null from cc_call where id = ?").param(callId)
                        .query(Boolean.class).single() ? true : null, Duration.ofSeconds(20));
                assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                        .isEqualTo("咨询 外线 110 → 联动 公安110 → 三方通话 外线 110 → 咨询转接至 外线 110 → 三方交接至 公安110");
                var timeline = agent.get("/api/work-orders/" + orderId).body();
                assertThat(timeline).contains("电话联动公安110：三方通话交接（拨打 110），坐席 测试坐席T991 退出，来电人与公安110继续通话");
            } finally {
                if (onCall(agent)) {
                    agent.post("/api/callcenter/me/hangup", Map.of()); // a failed run may leave a call behind
                }
                if (!citizenHungUp) {
                    citizen.hangUp();
                }
                until("off the call", () -> onCall(agent) ? null : true, Duration.ofSeconds(20));
                agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            }
        }
    }

    /** 110 on the trunk's port, or null while another process still holds it. */
    private static TestPhone operatorOn(int trunkPort) {
        try {
            return new TestPhone("110", OPERATOR, 0, trunkPort);
        } catch (BindException taken) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onCall(ApiClient c) {
        return List.of("RINGING", "TALKING", "HELD").contains(c.get("/api/callcenter/me").json().path("state").asString());
    }

    // ---- hearing (as DeskCallControlTest) -----------------------------------------------------------------

    /** Half-second windows of fresh audio until {@code condition} holds (a live call's state, not a moment). */
    private static void awaitSound(String what, BooleanSupplier condition, TestPhone citizen, TestPhone... others) {
        List<TestPhone> phones = new java.util.ArrayList<>(List.of(others));
        phones.addFirst(citizen);
        Wait.overWindows(what, Duration.ofMillis(500), () -> phones.forEach(p -> p.audio.forget()), condition,
                Duration.ofSeconds(30), () -> {
                    StringBuilder b = new StringBuilder();
                    for (TestPhone p : phones) {
                        b.append(String.format("[%s hears citizen %d, agent %d, 110 %d, music %d] ",
                                p == citizen ? "citizen" : "phone " + phones.indexOf(p), Math.round(p.audio.level(CITIZEN)),
                                Math.round(p.audio.level(AGENT)), Math.round(p.audio.level(OPERATOR)), Math.round(musicLevel(p))));
                    }
                    return b.toString();
                });
    }

    private static boolean hears(TestPhone phone, double hz) {
        return phone.audio.level(hz) > 1000;
    }

    private static boolean silent(TestPhone phone, double hz) {
        return phone.audio.level(hz) < 200;
    }

    /** The hold music: one of its three notes is loud in any half second. */
    private static boolean music(TestPhone phone) {
        return musicLevel(phone) > 1000;
    }

    private static double musicLevel(TestPhone phone) {
        return Math.max(phone.audio.level(523), Math.max(phone.audio.level(659), phone.audio.level(784)));
    }
}
