package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Phone linkage 12345 → 110 (国办发〔2022〕12号) with real SIP peers: a citizen (test phone, 1300 Hz) calls the hotline
 * and gets this test's own agent (its desk phone is sipp); the agent calls 110, which the platform dials through the
 * carrier trunk of the test context, where sipp answers as the 110 operator (echoing what it hears). The agent talks
 * all three, then drops out: the agent's phone is released, the citizen keeps talking with 110 (hears its echo),
 * and the hand-over is written on the call's order and the call record. The citizen hangs up; 110 is released.
 */
@HotlineTest
@Timeout(300)
class EmergencyHandOverTest {

    static final String CITIZEN = "13911000110";

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Value("${hotline.test.ops-trunk-port}")
    int trunkPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    @Disabled("Never green yet (issue 15): in the whole suite the sipp 110 operator exits with 97 about a second in, "
            + "after one INVITE/BYE and 11 OPTIONS probes; its one helper run reached the hand-over but heard no audio "
            + "across the three-way. Run alone with -Dtest=EmergencyHandOverTest while fixing it.")
    void theAgentHandsTheCitizenOverTo110InAThreeWayCallAndTheOrderRecordsIt() throws Exception {
        Sipp.requireInstalled();
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-emergency", "测试电话联动", "LONGEST_IDLE", Map.of());
        var manager = ApiClient.loggedIn(port, "manager");
        assertThat(manager.put("/api/callcenter/admin/numbers/12307/flow", Map.of("flowId", "direct-to-agent")).status()).isEqualTo(200);
        assertThat(manager.post("/api/callcenter/admin/routing-rules", Map.of("calledNumber", "12307", "callerPrefix", CITIZEN,
                "groupId", group, "priority", 300, "note", "电话联动测试")).status()).isEqualTo(201);
        fixture.agent("ccem1", "T991", "8291", Map.of(group, 3));
        var agent = ApiClient.loggedIn(port, "ccem1");

        int phonePort = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent", "phone", Map.of("EXT", "8291"),
                List.of("-p", String.valueOf(phonePort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1",
                        "-timeout", "240s")); // the whole test's span, not sipp's 60 s: a loaded machine is slow
        Sipp.start(dir, "register", "register", Map.of("EXT", "8291", "CONTACT_PORT", String.valueOf(phonePort),
                        "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8291",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
        assertThat(agent.post("/api/callcenter/me/sign-in", Map.of("extension", "8291")).status()).isEqualTo(200);
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);

        var services = agent.get("/api/callcenter/me/emergency/services");
        assertThat(services.status()).as(services.body()).isEqualTo(200);
        assertThat(services.json().valueStream().map(s -> s.path("code").asString() + "=" + s.path("number").asString()).toList())
                .containsExactly("110=110", "119=119", "120=120", "122=122");

        Sipp.Run operator = null;
        try (TestPhone citizen = new TestPhone(CITIZEN, 1300, sipPort)) {
            citizen.dial("12307");
            String callId = until("the agent talks with the citizen", () -> {
                var me = agent.get("/api/callcenter/me").json();
                return me.path("state").asString().equals("TALKING") ? me.path("callId").asString() : null;
            }, Duration.ofSeconds(30), () -> agent.get("/api/callcenter/me").body());
            var order = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "HELP",
                    "content", "有人在小区门口打架，需要警察", "callerPhone", CITIZEN, "callId", callId));
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

            operator = Sipp.start(dir, "emergency-operator", "operator-110", Map.of("NUMBER", "110"),
                    List.of("-p", String.valueOf(trunkPort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-timeout", "240s"));
            var started = agent.post("/api/callcenter/me/emergency", Map.of("service", "110", "workOrderId", orderId));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            assertThat(started.json().path("name").asString()).isEqualTo("公安110");
            until("110 answers", () -> agent.get("/api/callcenter/me/emergency").json().path("answered").asBoolean() ? true : null,
                    Duration.ofSeconds(20), () -> agent.get("/api/callcenter/me/emergency").body());
            var early = agent.post("/api/callcenter/me/emergency/hand-over", Map.of());
            assertThat(early.status()).as("no hand-over before all three talked").isEqualTo(409);
            assertThat(early.json().path("detail").asString()).contains("三方通话");
            var generic = agent.post("/api/callcenter/me/consult/complete", Map.of());
            assertThat(generic.status()).as("the phone bar's 完成转接 is the same hand-over").isEqualTo(409);
            assertThat(generic.json().path("detail").asString()).contains("三方通话");

            var joined = agent.post("/api/callcenter/me/emergency/join", Map.of());
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertThat(joined.json().path("threeWay").asBoolean()).isTrue();

            var handed = agent.post("/api/callcenter/me/emergency/hand-over", Map.of());
            assertThat(handed.status()).as(handed.body()).isEqualTo(200);
            assertThat(handed.json().path("orders").valueStream().map(n -> n.asString()).toList()).containsExactly(number);
            phone.expectSuccess(Duration.ofSeconds(15)); // the agent's phone is released with a BYE
            // the test group's after-call work is 0 s: the agent is off the call, ready for the next one
            until("the agent off the call", () -> onCall(agent) ? null : true, Duration.ofSeconds(10));

            // The citizen still talks — to 110, the only one left who echoes.
            assertThat(jdbc.sql("select ended_at is null from cc_call where id = ?").param(callId).query(Boolean.class).single()).isTrue();
            // TODO audio: a check that the citizen hears 110's echo (sipp -rtp_echo) heard nothing in the one run
            // made (level 0) — whether sipp's echo or the room's mix is at fault is not known yet.
            citizen.hangUp();
            operator.expectSuccess(Duration.ofSeconds(20)); // 110 is released when the citizen hangs up
            operator = null;
            until("the call is over", () -> jdbc.sql("select ended_at is not null from cc_call where id = ?").param(callId)
                    .query(Boolean.class).single() ? true : null, Duration.ofSeconds(10));
            assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                    .isEqualTo("咨询 外线 110 → 联动 公安110 → 三方通话 外线 110 → 咨询转接至 外线 110 → 三方交接至 公安110");
            var timeline = agent.get("/api/work-orders/" + orderId).body();
            assertThat(timeline).contains("电话联动公安110：三方通话交接（拨打 110），坐席 测试坐席T991 退出，来电人与公安110继续通话");
        } finally {
            if (operator != null) {
                operator.stop();
            }
            if (onCall(agent)) {
                agent.post("/api/callcenter/me/hangup", Map.of()); // a failed run may leave a call behind
            }
            until("off the call", () -> onCall(agent) ? null : true, Duration.ofSeconds(20));
            agent.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
    }

    private static boolean onCall(ApiClient c) {
        return List.of("RINGING", "TALKING", "HELD").contains(c.get("/api/callcenter/me").json().path("state").asString());
    }
}
