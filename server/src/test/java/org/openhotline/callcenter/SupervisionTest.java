package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * 监听, 耳语 and 强插 from the seat wall, judged by ear through the whole platform: the citizen's phone speaks 440 Hz, the agent's
 * 1000 Hz, teamleader1's phone (extension 8901) 700 Hz. On three calls the team leader clicks 监听, 耳语 and 强插 on
 * the agent's tile: each time the leader's phone rings, answers by itself and hears both sides; only the agent hears
 * a whisper, both hear a barge-in, nobody hears a listener. On a fourth call 拦截 hands the citizen to the leader's
 * phone and releases the agent. The leader's phone is released when the call ends.
 */
@HotlineTest
@Timeout(120)
class SupervisionTest {

    static final double CITIZEN = 440, AGENT = 1000, LEADER = 700;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTeamLeaderListensWhispersAndBargesInFromTheSeatWall() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-listen", "测试监听", "LONGEST_IDLE", Map.of());
        fixture.route("12303", group);
        long agentId = fixture.agent("cclisten1", "T963", "8263", Map.of(group, 3));
        try (TestPhone agentPhone = new TestPhone("8263", AGENT, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            var desk = ApiClient.loggedIn(port, "cclisten1");
            var leader = ApiClient.loggedIn(port, "teamleader1");
            try {
                desk.post("/api/callcenter/me/sign-in", Map.of());
                assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
                var nothing = leader.post("/api/callcenter/seat-wall/agents/" + agentId + "/listen", Map.of());
                assertThat(nothing.status()).as("no call to listen to yet").isEqualTo(409);
                assertThat(nothing.detail()).isEqualTo("该坐席当前没有通话");

                // 监听: the leader hears both, nobody hears the leader
                supervise(desk, leader, agentId, agentPhone, "listen", "13500135031", false, false);
                // 耳语: the agent hears the leader, the citizen does not
                supervise(desk, leader, agentId, agentPhone, "whisper", "13500135032", true, false);
                // 强插: all three talk
                supervise(desk, leader, agentId, agentPhone, "barge", "13500135033", true, true);
                // 拦截: the leader's phone takes the call over, the agent is released
                takeOver(desk, leader, agentId);
            } finally {
                desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            }
        }
    }

    /** One call: the citizen reaches the agent, the leader joins in {@code mode}, everyone hears what they should. */
    private void supervise(ApiClient desk, ApiClient leader, long agentId, TestPhone agentPhone, String mode, String number,
                           boolean agentHearsLeader, boolean citizenHearsLeader) throws Exception {
        until("the agent is ready", () -> "READY".equals(desk.get("/api/callcenter/me").json().path("state").asString()) ? true : null,
                Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
        try (TestPhone leaderPhone = new TestPhone("8901", LEADER, sipPort);
             TestPhone citizen = new TestPhone(number, CITIZEN, sipPort)) {
            leaderPhone.register(ApiClient.DEMO_PASSWORD);
            citizen.dial("12303");
            until("the agent talks with " + number, () -> "TALKING".equals(desk.get("/api/callcenter/me").json().path("state").asString())
                    ? true : null, Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
            // an agent may not listen in on a colleague
            assertThat(ApiClient.loggedIn(port, "agent1").post("/api/callcenter/seat-wall/agents/" + agentId + "/" + mode, Map.of())
                    .status()).isEqualTo(403);

            var joined = leader.post("/api/callcenter/seat-wall/agents/" + agentId + "/" + mode, Map.of());
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertThat(joined.json().path("mode").asString()).isEqualTo(mode);
            awaitHearing(mode, leaderPhone, citizen, agentPhone, agentHearsLeader, citizenHearsLeader);

            if (citizenHearsLeader) {
                // barged in, the leader is a party: the call goes on with the leader when the agent leaves, so the
                // citizen ends it
                citizen.hangUp();
            } else {
                assertThat(desk.post("/api/callcenter/me/hangup", Map.of()).status()).isEqualTo(200);
            }
            assertThat(leaderPhone.awaitBye(10_000)).as("the leader's phone is released with the call (" + mode + ")").isTrue();
            if (!citizenHearsLeader) {
                citizen.hangUp(); // it was kept for the satisfaction survey
            }
        }
    }

    private void takeOver(ApiClient desk, ApiClient leader, long agentId) throws Exception {
        until("the agent is ready", () -> "READY".equals(desk.get("/api/callcenter/me").json().path("state").asString()) ? true : null,
                Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
        try (TestPhone leaderPhone = new TestPhone("8901", LEADER, sipPort);
             TestPhone citizen = new TestPhone("13500135034", CITIZEN, sipPort)) {
            leaderPhone.register(ApiClient.DEMO_PASSWORD);
            citizen.dial("12303");
            until("the agent talks with the citizen", () -> "TALKING".equals(desk.get("/api/callcenter/me").json().path("state").asString())
                    ? true : null, Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
            var taken = leader.post("/api/callcenter/seat-wall/agents/" + agentId + "/take-over", Map.of());
            assertThat(taken.status()).as(taken.body()).isEqualTo(200);
            until("the agent is released", () -> List.of("AFTER_CALL_WORK", "READY").contains(desk.get("/api/callcenter/me").json()
                    .path("state").asString()) ? true : null, Duration.ofSeconds(10), () -> desk.get("/api/callcenter/me").body());
            Wait.overWindows("the leader talks with the citizen", Duration.ofMillis(500), () -> {
                leaderPhone.audio.forget();
                citizen.audio.forget();
            }, () -> leaderPhone.audio.level(CITIZEN) > 1000 && citizen.audio.level(LEADER) > 1000, Duration.ofSeconds(15),
                    () -> "leader hears citizen " + Math.round(leaderPhone.audio.level(CITIZEN)) + ", citizen hears leader "
                            + Math.round(citizen.audio.level(LEADER)));
            assertThat(jdbc.sql("select transfer_chain from cc_call where caller_index = ? order by arrived_at desc limit 1").param(org.openhotline.shared.crypto.PersonalData.phoneIndex("13500135034")).query(String.class).single())
                    .isEqualTo("转接至 8901");
            citizen.hangUp();
            assertThat(leaderPhone.awaitBye(10_000)).as("the leader's phone is released when the citizen hangs up").isTrue();
        }
    }

    /** Half-second windows until the leader hears both parties and the parties hear the leader as {@code mode} says. */
    private static void awaitHearing(String mode, TestPhone leader, TestPhone citizen, TestPhone agent,
                                     boolean agentHearsLeader, boolean citizenHearsLeader) {
        Wait.overWindows(mode + " sounds right", Duration.ofMillis(500), () -> {
            leader.audio.forget();
            citizen.audio.forget();
            agent.audio.forget();
        }, () -> {
            double agentHearsL = agent.audio.level(LEADER);
            double citizenHearsL = citizen.audio.level(LEADER);
            return leader.audio.level(CITIZEN) > 1000 && leader.audio.level(AGENT) > 1000 && citizen.audio.level(AGENT) > 1000
                    && (agentHearsLeader ? agentHearsL > 1000 : agentHearsL < 200)
                    && (citizenHearsLeader ? citizenHearsL > 1000 : citizenHearsL < 200);
        }, Duration.ofSeconds(15), () -> "leader hears citizen " + Math.round(leader.audio.level(CITIZEN)) + ", agent "
                + Math.round(leader.audio.level(AGENT)) + "; citizen hears leader " + Math.round(citizen.audio.level(LEADER))
                + ", agent hears leader " + Math.round(agent.audio.level(LEADER)) + "; citizen hears agent "
                + Math.round(citizen.audio.level(AGENT)));
    }
}
