package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.callcenter.CallCenterFixture.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phone bar's call controls through the whole platform, judged by ear: the citizen's phone speaks 440 Hz, the
 * agent's 1000 Hz, a colleague's extension 8265 1200 Hz. 保持 / 拾回, 一键转接
 * to an extension and 三方通话, each on its own call.
 */
@HotlineTest
@Timeout(150)
class DeskCallControlTest {

    static final double CITIZEN = 440, AGENT = 1000, COLLEAGUE = 1200;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    static long agentId;
    TestPhone agentPhone;
    ApiClient desk;

    @BeforeEach
    void agentReady() throws Exception {
        if (agentId == 0) {
            var fixture = new CallCenterFixture(port, jdbc);
            long group = fixture.group("t-desk", "测试话务条", "LONGEST_IDLE", Map.of());
            fixture.route("12307", group);
            agentId = fixture.agent("ccdesk1", "T964", "8264", Map.of(group, 3));
            fixture.agent("ccdesk2", "T965", "8265", Map.of());
        }
        agentPhone = new TestPhone("8264", AGENT, sipPort);
        agentPhone.register(ApiClient.DEMO_PASSWORD);
        desk = ApiClient.loggedIn(port, "ccdesk1");
        desk.post("/api/callcenter/me/sign-in", Map.of());
        assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
    }

    @AfterEach
    void signOut() throws Exception {
        await("the agent is off the call", () -> List.of("RINGING", "TALKING", "HELD").contains(state()) ? null : true,
                Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
        desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        agentPhone.close();
    }

    private String state() {
        return desk.get("/api/callcenter/me").json().path("state").asString();
    }

    private String callFrom(TestPhone citizen) throws Exception {
        citizen.dial("12307");
        return await("the agent talks with the citizen", () -> "TALKING".equals(state())
                ? desk.get("/api/callcenter/me").json().path("callId").asString() : null, Duration.ofSeconds(20),
                () -> desk.get("/api/callcenter/me").body() + "\nstates " + jdbc.sql("""
                        select state, reason, by_actor, started_at from cc_agent_state_log where account_id = ? order by id desc limit 6""")
                        .param(agentId).query().listOfRows() + "\ncalls " + jdbc.sql("""
                        select id, caller, ivr_result, queued_at, offered_at, answered_at, abandon_point, end_cause, ended_at
                          from cc_call where called = '12307' order by arrived_at desc limit 2""").query().listOfRows());
    }

    @Test
    void holdPlaysMusicToTheCitizenAndRetrieveBringsThemBack() throws Exception {
        try (TestPhone citizen = new TestPhone("13500135071", CITIZEN, sipPort)) {
            callFrom(citizen);
            awaitSound("both talk", () -> hears(citizen, AGENT) && hears(agentPhone, CITIZEN), citizen);

            var held = desk.post("/api/callcenter/me/hold", Map.of());
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            assertThat(held.json().path("state").asString()).isEqualTo("HELD");
            awaitSound("the held citizen hears music, not the agent, and the agent no longer hears the citizen",
                    () -> music(citizen) && silent(citizen, AGENT) && silent(agentPhone, CITIZEN), citizen);

            var back = desk.post("/api/callcenter/me/retrieve", Map.of());
            assertThat(back.status()).as(back.body()).isEqualTo(200);
            assertThat(back.json().path("state").asString()).isEqualTo("TALKING");
            awaitSound("both talk again", () -> hears(citizen, AGENT) && hears(agentPhone, CITIZEN), citizen);
            assertThat(desk.post("/api/callcenter/me/retrieve", Map.of()).status()).as("nothing held any more").isEqualTo(409);
            citizen.hangUp();
        }
    }

    @Test
    void blindTransferConnectsTheCitizenToTheExtensionAndFreesTheAgent() throws Exception {
        try (TestPhone citizen = new TestPhone("13500135072", CITIZEN, sipPort);
             TestPhone colleague = new TestPhone("8265", COLLEAGUE, sipPort)) {
            colleague.register(ApiClient.DEMO_PASSWORD);
            String callId = callFrom(citizen);
            var moved = desk.post("/api/callcenter/me/transfer", Map.of("destination", "8265"));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            await("the agent is free", () -> List.of("AFTER_CALL_WORK", "READY").contains(state()) ? true : null,
                    Duration.ofSeconds(10), () -> desk.get("/api/callcenter/me").body());
            awaitSound("the citizen talks with the colleague", () -> hears(citizen, COLLEAGUE) && hears(colleague, CITIZEN)
                    && silent(citizen, AGENT), citizen);
            assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                    .isEqualTo("转接至 8265");
            citizen.hangUp();
            assertThat(colleague.awaitBye(10_000)).as("the colleague's phone is released").isTrue();
        }
    }

    @Test
    void aThreeWayCallLetsAllThreeHearEachOther() throws Exception {
        try (TestPhone citizen = new TestPhone("13500135073", CITIZEN, sipPort);
             TestPhone colleague = new TestPhone("8265", COLLEAGUE, sipPort)) {
            colleague.register(ApiClient.DEMO_PASSWORD);
            String callId = callFrom(citizen);
            var joined = desk.post("/api/callcenter/me/conference", Map.of("destination", "8265"));
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            awaitSound("all three hear each other", () -> hears(citizen, AGENT) && hears(citizen, COLLEAGUE)
                    && hears(agentPhone, CITIZEN) && hears(agentPhone, COLLEAGUE)
                    && hears(colleague, CITIZEN) && hears(colleague, AGENT), citizen);
            assertThat(jdbc.sql("select transfer_chain from cc_call where id = ?").param(callId).query(String.class).single())
                    .isEqualTo("三方通话 8265");
            citizen.hangUp();
            assertThat(desk.post("/api/callcenter/me/hangup", Map.of()).status()).isIn(200, 409); // the call may be over already
            assertThat(colleague.awaitBye(10_000)).as("the colleague's phone is released").isTrue();
        }
    }

    // ---- hearing ------------------------------------------------------------------------------------------

    /** Half-second windows until {@code condition} holds on fresh audio (a live call's state, not a moment). */
    private void awaitSound(String what, BooleanSupplier condition, TestPhone citizen) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<TestPhone> phones = List.of(citizen, agentPhone);
        while (System.nanoTime() < end) {
            phones.forEach(p -> p.audio.forget());
            forgetOthers();
            Thread.sleep(500);
            if (condition.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("timed out waiting until " + what + "; citizen hears agent " + Math.round(citizen.audio.level(AGENT))
                + ", colleague " + Math.round(citizen.audio.level(COLLEAGUE))
                + "; agent hears citizen " + Math.round(agentPhone.audio.level(CITIZEN)));
    }

    private final java.util.concurrent.CopyOnWriteArrayList<TestPhone> others = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void forgetOthers() {
        others.forEach(p -> p.audio.forget());
    }

    private boolean hears(TestPhone phone, double hz) {
        others.addIfAbsent(phone);
        return phone.audio.level(hz) > 1000;
    }

    private boolean silent(TestPhone phone, double hz) {
        others.addIfAbsent(phone);
        return phone.audio.level(hz) < 200;
    }

    /** The hold music: one of its three notes is loud in any half second. */
    private static boolean music(TestPhone phone) {
        return Math.max(phone.audio.level(523), Math.max(phone.audio.level(659), phone.audio.level(784))) > 1000;
    }
}
