package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
 * A citizen's call through the whole platform with real SIP peers: sipp registers agent6's phone (extension
 * 8006, digest auth) and answers it; agent6 signs in and shows ready; a sipp citizen dials 12345 through the
 * carrier trunk, presses 1 in the IVR, is queued in 综合咨询, the ACD rings agent6, they talk, the citizen
 * hangs up. The call record, the agent's states and the recording must all show it.
 */
@HotlineTest
@Timeout(120)
class CallThroughCallCenterTest {

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aCitizenReachesAReadyAgentThroughIvrAndAcdAndTheCallIsRecorded() throws Exception {
        Sipp.requireInstalled();
        long agentId = jdbc.sql("select id from account where username = 'agent6'").query(Long.class).single();
        int agentSip = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent", "agent", Map.of("EXT", "8006"),
                List.of("-p", String.valueOf(agentSip), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        Sipp.start(dir, "register", "register",
                Map.of("EXT", "8006", "CONTACT_PORT", String.valueOf(agentSip), "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8006",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));

        var agent = ApiClient.loggedIn(port, "agent6");
        assertThat(agent.post("/api/callcenter/me/sign-in", Map.of("extension", "8006")).json().path("phoneRegistered").asBoolean()).isTrue();
        assertThat(agent.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        // Nobody else may take this call: every other ready agent shows busy for the test.
        jdbc.sql("select account_id from cc_agent where account_id <> ?").param(agentId).query(Long.class).list()
                .forEach(other -> forceNotReady(other));

        // Other tests record calls of agent6 too (some on days ahead of today): only a new call counts.
        String[] earlier = jdbc.sql("select id from cc_call where agent_id = ?").param(agentId).query(String.class).list()
                .toArray(String[]::new);
        // The scripted citizen hangs up on its own clock, 19.5 s after the answer: room for the 5 s "connecting"
        // prompt and the agent's ringing on a loaded build machine (one CI run out of many missed a 13.5 s budget).
        Sipp.Run citizen = Sipp.start(dir, "caller", "caller",
                Map.of("CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "12000", "TALK_MS", "6000"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                        "-rtp_echo", "-m", "1"));

        String callId = until("the call is answered by agent6", () -> jdbc.sql("""
                select id from cc_call where agent_id = ? and answered_at is not null and not (id = any(?))
                 order by arrived_at desc limit 1""")
                .params(agentId, earlier).query(String.class).optional().orElse(null), Duration.ofSeconds(30),
                () -> diagnosis(agentId, citizen, phone));
        // the call's row says answered a moment before the agent's state follows (its own transaction): wait for it
        until("agent6 talks", () -> {
            String state = agent.get("/api/callcenter/me").json().path("state").asString();
            return "TALKING".equals(state) || "AFTER_CALL_WORK".equals(state) ? state : null;
        }, Duration.ofSeconds(10));

        citizen.expectSuccess(Duration.ofSeconds(45));
        phone.expectSuccess(Duration.ofSeconds(15));
        until("the call record is complete", () -> jdbc.sql("select recording_path from cc_call where id = ? and ended_at is not null")
                .param(callId).query(String.class).optional().orElse(null), Duration.ofSeconds(10));

        var call = jdbc.sql("""
                select caller, called, ivr_result, g.code, queued_at is not null as queued, offered_at is not null as offered,
                       abandon_point, recording_path, recording_s, extract(epoch from ended_at - answered_at) as talk_s
                  from cc_call c join cc_skill_group g on g.id = c.group_id where c.id = ?""")
                .param(callId).query((rs, n) -> Map.of("caller", org.openhotline.shared.crypto.PersonalData.open(rs.getString(1)), "called", rs.getString(2),
                        "ivr", rs.getString(3), "group", rs.getString(4), "queued", rs.getBoolean(5),
                        "offered", rs.getBoolean(6), "abandon", String.valueOf(rs.getString(7)), "recording", rs.getString(8),
                        "recordingS", rs.getDouble(9), "talkS", rs.getDouble(10))).single();
        assertThat(call.get("caller")).isEqualTo("13800138000");
        assertThat(call.get("called")).isEqualTo("12345");
        assertThat(call.get("ivr")).isEqualTo("queue:general");
        assertThat(call.get("group")).isEqualTo("general");
        assertThat(call.get("queued")).isEqualTo(true);
        assertThat(call.get("offered")).isEqualTo(true);
        assertThat(call.get("abandon")).isEqualTo("null");
        assertThat(Files.exists(Path.of((String) call.get("recording")))).isTrue();
        // sealed at rest (ADR 041): no RIFF header on disk, only the sealed file's magic
        assertThat(new String(Files.readAllBytes(Path.of((String) call.get("recording"))), 0, 8,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OHSEAL01");
        assertThat((Double) call.get("recordingS")).isCloseTo((Double) call.get("talkS"), org.assertj.core.data.Offset.offset(1.0));

        // the record is closed first, after-call work follows a moment later
        String states = until("after-call work begins", () -> {
            String s = String.join(",", jdbc.sql("select state from cc_agent_state_log where account_id = ? order by id")
                    .param(agentId).query(String.class).list());
            return s.contains("AFTER_CALL_WORK") ? s : null;
        }, Duration.ofSeconds(10));
        assertThat(states).contains("READY,RINGING,TALKING,AFTER_CALL_WORK");

        var leader = ApiClient.loggedIn(port, "teamleader1");
        var recording = leader.get("/api/callcenter/calls/" + callId + "/recording");
        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.contentType()).contains("audio/wav");
        assertThat(new String(recording.bytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).as("a playable WAV").isEqualTo("RIFF");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'callcenter.recording-played' and target = ?")
                .param("call:" + callId).query(Long.class).single()).isEqualTo(1);
        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/callcenter/calls/" + callId + "/recording").status()).isEqualTo(403);
    }

    /** What a failed wait shows: the latest call records, the agent's states and both sipp logs. */
    private String diagnosis(long agentId, Sipp.Run citizen, Sipp.Run phone) {
        var calls = jdbc.sql("""
                select id, caller, called, ivr_result, group_id, queued_at, offered_at, agent_id, answered_at, abandon_point, ended_at
                  from cc_call order by arrived_at desc limit 3""").query().listOfRows();
        var states = jdbc.sql("select state, by_actor, started_at from cc_agent_state_log where account_id = ? order by id desc limit 8")
                .param(agentId).query().listOfRows();
        return "calls " + calls + "\nagent6 states " + states + "\n--- citizen\n" + citizen.output() + "\n--- phone\n" + phone.output();
    }

    private void forceNotReady(long accountId) {
        var leader = ApiClient.loggedIn(port, "teamleader1");
        leader.post("/api/callcenter/seat-wall/agents/" + accountId + "/force", Map.of("state", "NOT_READY"));
    }

}
