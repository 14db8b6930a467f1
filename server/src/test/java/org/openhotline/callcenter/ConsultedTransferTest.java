package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Consulted transfer (咨询转) at the phone bar's API with real SIP phones: agent3 (extension 8003) takes a
 * citizen's call, puts the citizen on hold and consults agent4 (extension 8004); then either completes the
 * transfer (agent3 leaves, agent4 has the citizen) or joins all three and lets agent4 go again. Both phones are
 * sipp, answering by themselves when the platform asks (soft off-hook).
 */
@HotlineTest
@Timeout(120)
class ConsultedTransferTest {

    /**
     * How long the citizen talks before hanging up, from its answer: long enough for the agent to consult and complete
     * or cancel on a busy machine. 15 s was not: under load the consultation took longer and the citizen hung up the
     * moment the transfer completed (suite run under stress-ng, load ≈ 10).
     */
    private static final String CITIZEN_TALKS_MS = "30000";

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    long agent3;
    long agent4;
    ApiClient a;
    ApiClient b;
    /** The phones and callers a test started: stopped after it, so that a failed test leaves no caller queued. */
    final List<Sipp.Run> peers = new ArrayList<>();

    @BeforeEach
    void bothSignedOut() {
        agent3 = jdbc.sql("select id from account where username = 'agent3'").query(Long.class).single();
        agent4 = jdbc.sql("select id from account where username = 'agent4'").query(Long.class).single();
        a = ApiClient.loggedIn(port, "agent3");
        b = ApiClient.loggedIn(port, "agent4");
        signOut();
    }

    @AfterEach
    void signOut() {
        peers.forEach(Sipp.Run::stop);
        peers.clear();
        for (ApiClient c : List.of(a, b)) {
            if (!c.get("/api/callcenter/me").json().path("state").asString().equals("SIGNED_OUT")) {
                if (onCall(c)) {
                    c.post("/api/callcenter/me/hangup", Map.of()); // a failed test may leave a call behind
                }
                until("not on a call", () -> onCall(c) ? null : true, Duration.ofSeconds(20));
                c.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            }
        }
    }

    private static boolean onCall(ApiClient c) {
        return List.of("RINGING", "TALKING", "HELD").contains(c.get("/api/callcenter/me").json().path("state").asString());
    }

    private Sipp.Run phone(String ext, String name) throws Exception {
        int sip = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent", name, Map.of("EXT", ext),
                List.of("-p", String.valueOf(sip), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        peers.add(phone);
        Sipp.start(dir, "register", "register-" + name,
                Map.of("EXT", ext, "CONTACT_PORT", String.valueOf(sip), "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", ext,
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
        return phone;
    }

    /** agent3 ready alone, a citizen calls, agent3's phone answers; then agent4 shows ready for the consultation. */
    private String callAnsweredByAgent3(Sipp.Run[] citizen, String scenario, Map<String, String> vars) throws Exception {
        a.post("/api/callcenter/me/sign-in", Map.of("extension", "8003"));
        assertThat(a.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        var leader = ApiClient.loggedIn(port, "teamleader1");
        jdbc.sql("select account_id from cc_agent where account_id <> ?").param(agent3).query(Long.class).list()
                .forEach(other -> leader.post("/api/callcenter/seat-wall/agents/" + other + "/force", Map.of("state", "NOT_READY")));
        citizen[0] = Sipp.start(dir, scenario, "citizen", vars,
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                        "-rtp_echo", "-m", "1"));
        peers.add(citizen[0]);
        String callId;
        try {
            callId = until("agent3 talks", () -> {
                var me = a.get("/api/callcenter/me").json();
                return me.path("state").asString().equals("TALKING") ? me.path("callId").asString() : null;
            }, Duration.ofSeconds(30));
        } catch (AssertionError e) {
            // once on a quiet machine (CI check of 2026-12-05 23:14, passed on its rerun): say what each side saw
            StringBuilder seen = new StringBuilder(e.getMessage()).append("\nagent3: ")
                    .append(a.get("/api/callcenter/me").body()).append("\nseat wall: ")
                    .append(leader.get("/api/callcenter/seat-wall").body());
            peers.forEach(p -> seen.append("\n--- sipp ").append(p.name()).append(p.process().isAlive() ? " (running)" : " (exited "
                    + p.process().exitValue() + ")").append('\n').append(p.output()));
            throw new AssertionError(seen.toString(), e);
        }
        b.post("/api/callcenter/me/sign-in", Map.of("extension", "8004"));
        assertThat(b.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        return callId;
    }

    private void consultAgent4AndWaitForTheAnswer(String callId) throws Exception {
        var consulting = a.post("/api/callcenter/me/consult", Map.of("destination", "8004"));
        assertThat(consulting.status()).as(consulting.body()).isEqualTo(200);
        assertThat(consulting.json().path("consulting").path("target").asString()).contains("1004");
        until("agent4 answers the consultation", () -> a.get("/api/callcenter/me").json().path("consulting")
                .path("answered").asBoolean() ? true : null, Duration.ofSeconds(10));
        var consulted = b.get("/api/callcenter/me").json();
        assertThat(consulted.path("state").asString()).isEqualTo("TALKING");
        assertThat(consulted.path("callId").asString()).isEqualTo(callId);
        assertThat(a.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("TALKING");
        // Only one consultation at a time.
        assertThat(a.post("/api/callcenter/me/consult", Map.of("destination", "8004")).status()).isEqualTo(409);
    }

    @Test
    void theAgentConsultsAColleagueAndCompletesTheTransfer() throws Exception {
        Sipp.requireInstalled();
        Sipp.Run phoneA = phone("8003", "phone-a");
        Sipp.Run phoneB = phone("8004", "phone-b");
        Sipp.Run[] citizen = new Sipp.Run[1];
        String callId = callAnsweredByAgent3(citizen, "caller",
                Map.of("CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "1000", "TALK_MS", CITIZEN_TALKS_MS));
        // Completing before the consulted party answered is refused.
        assertThat(a.post("/api/callcenter/me/consult/complete", Map.of()).status()).isEqualTo(409);

        consultAgent4AndWaitForTheAnswer(callId);

        var done = a.post("/api/callcenter/me/consult/complete", Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        java.time.OffsetDateTime completedAt = java.time.OffsetDateTime.now();
        phoneA.expectSuccess(Duration.ofSeconds(10)); // agent3's phone is released with a BYE
        until("agent3 in after-call work", () -> a.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        var consulted = b.get("/api/callcenter/me").json();
        assertThat(consulted.path("state").asString()).isEqualTo("TALKING");
        assertThat(consulted.path("callId").asString()).isEqualTo(callId);

        // The citizen, now with agent4, hangs up: agent4's phone gets its BYE and agent4 goes to after-call work.
        citizen[0].expectSuccess(Duration.ofSeconds(60));
        try {
            phoneB.expectSuccess(Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError("agent4's phone kept the call; call ended at "
                    + jdbc.sql("select ended_at::text from cc_call where id = ?").param(callId).query(String.class).optional()
                    + ", agent4 " + b.get("/api/callcenter/me").body(), e);
        }
        until("agent4 in after-call work", () -> b.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                .isEqualTo("咨询 坐席 1004 → 咨询转接至 坐席 1004");
        assertThat(String.join(",", jdbc.sql("select state from cc_agent_state_log where account_id = ? order by id desc limit 4")
                .param(agent4).query(String.class).list())).isEqualTo("AFTER_CALL_WORK,TALKING,RINGING,READY");
        // The recording covers the whole call, agent4's part included, not only until agent3 left.
        double[] recording = until("the recording", () -> jdbc.sql("""
                select recording_s, extract(epoch from ended_at - answered_at)::float8, extract(epoch from ended_at - ?::timestamptz)::float8
                  from cc_call where id = ? and recording_s is not null""").params(completedAt, callId)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).optional().orElse(null),
                Duration.ofSeconds(10));
        assertThat(recording[2]).as("agent4 talked with the citizen for a while").isGreaterThan(3);
        assertThat(recording[0]).as("recorded seconds vs talk time").isCloseTo(recording[1], org.assertj.core.data.Offset.offset(1.5));
        forceReady();
    }

    @Test
    void theAgentConsultsJoinsAllThreeThenTheColleagueLeavesAndTheAgentHangsUp() throws Exception {
        Sipp.requireInstalled();
        Sipp.Run phoneA = phone("8003", "phone-a");
        Sipp.Run phoneB = phone("8004", "phone-b");
        Sipp.Run[] citizen = new Sipp.Run[1];
        String callId = callAnsweredByAgent3(citizen, "caller-waits",
                Map.of("CALLER", "13900000077", "CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "500"));

        consultAgent4AndWaitForTheAnswer(callId);

        var joined = a.post("/api/callcenter/me/consult/join", Map.of());
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.json().path("consulting").path("threeWay").asBoolean()).isTrue();

        var left = a.post("/api/callcenter/me/consult/cancel", Map.of());
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().path("consulting").isNull() || left.json().path("consulting").isMissingNode()).isTrue();
        phoneB.expectSuccess(Duration.ofSeconds(10)); // agent4's phone is released
        until("agent4 in after-call work", () -> b.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        assertThat(a.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("TALKING");

        assertThat(a.post("/api/callcenter/me/hangup", Map.of()).status()).isEqualTo(200);
        phoneA.expectSuccess(Duration.ofSeconds(10));
        until("agent3 in after-call work", () -> a.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        // the agent hung up first, so the citizen is kept for the satisfaction survey; this caller presses nothing,
        // and the survey asks twice (8 s each) before its goodbye releases the call
        citizen[0].expectSuccess(Duration.ofSeconds(45));
        assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                .isEqualTo("咨询 坐席 1004 → 三方通话 坐席 1004");
        forceReady();
    }

    @Test
    void theAgentConsultsASkillGroupsReadyAgentAndCancelsTheConsultation() throws Exception {
        Sipp.requireInstalled();
        Sipp.Run phoneA = phone("8003", "phone-a");
        Sipp.Run phoneB = phone("8004", "phone-b");
        Sipp.Run[] citizen = new Sipp.Run[1];
        String callId = callAnsweredByAgent3(citizen, "caller",
                Map.of("CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "1000", "TALK_MS", CITIZEN_TALKS_MS));
        // A skill group of agent4's; agent4 is its only ready agent (everyone else was forced 示忙).
        var group = jdbc.sql("""
                select g.code, g.name from cc_skill_group g join cc_agent_skill s on s.group_id = g.id
                 where s.account_id = ? order by g.id limit 1""").param(agent4)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();

        var consulting = a.post("/api/callcenter/me/consult", Map.of("destination", group.get(0)));
        assertThat(consulting.status()).as(consulting.body()).isEqualTo(200);
        assertThat(consulting.json().path("consulting").path("target").asString()).isEqualTo(group.get(1) + " 1004");
        until("agent4 answers the consultation", () -> a.get("/api/callcenter/me").json().path("consulting")
                .path("answered").asBoolean() ? true : null, Duration.ofSeconds(10));
        assertThat(b.get("/api/callcenter/me").json().path("callId").asString()).isEqualTo(callId);

        var cancelled = a.post("/api/callcenter/me/consult/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        phoneB.expectSuccess(Duration.ofSeconds(10)); // agent4's phone is released
        until("agent4 in after-call work", () -> b.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        assertThat(a.get("/api/callcenter/me").json().path("state").asString()).isEqualTo("TALKING");
        assertThat(a.get("/api/callcenter/me").json().path("consulting").isNull()).isTrue();

        // the citizen, back with agent3, hangs up
        citizen[0].expectSuccess(Duration.ofSeconds(60));
        phoneA.expectSuccess(Duration.ofSeconds(20));
        until("agent3 in after-call work", () -> a.get("/api/callcenter/me").json().path("state").asString()
                .equals("AFTER_CALL_WORK") ? true : null, Duration.ofSeconds(5));
        var call = jdbc.sql("select transfer_chain, agent_id from cc_call where id = ?").param(callId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getLong(2))).single();
        assertThat(call).containsExactly("咨询 " + group.get(1) + " 1004", agent3);
        forceReady();
    }

    /** After-call work would hold the seats for half a minute; the team leader ends it so that sign-out works. */
    private void forceReady() {
        var leader = ApiClient.loggedIn(port, "teamleader1");
        for (long id : List.of(agent3, agent4)) {
            leader.post("/api/callcenter/seat-wall/agents/" + id + "/force", Map.of("state", "NOT_READY"));
        }
    }

}
