package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.time.Duration;
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
 * Mute from the phone bar, judged by ear: the citizen's phone speaks 440 Hz, the agent's 1000 Hz. Muted, the
 * citizen no longer hears the agent while the agent still hears the citizen; unmuted, both hear each other.
 */
@HotlineTest
@Timeout(120)
class MuteTest {

    static final double CITIZEN = 440, AGENT = 1000;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMutedAgentIsNotHeardByTheCallerButStillHearsTheCaller() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-mute", "测试静音", "LONGEST_IDLE", Map.of());
        fixture.route("12306", group);
        fixture.agent("ccmute1", "T961", "8261", Map.of(group, 3));
        try (TestPhone agentPhone = new TestPhone("8261", AGENT, sipPort);
             TestPhone citizen = new TestPhone("13500135006", CITIZEN, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            var desk = ApiClient.loggedIn(port, "ccmute1");
            try {
                desk.post("/api/callcenter/me/sign-in", Map.of());
                assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
                assertThat(desk.post("/api/callcenter/me/mute", Map.of("muted", true)).status()).as("nothing to mute yet").isEqualTo(409);
                citizen.dial("12306");
                until("the agent talks with the citizen", () -> "TALKING".equals(desk.get("/api/callcenter/me").json().path("state").asString())
                        ? true : null, Duration.ofSeconds(20), () -> desk.get("/api/callcenter/me").body());
                awaitHearing("both hear each other", citizen, AGENT, true, agentPhone, CITIZEN);

                var muted = desk.post("/api/callcenter/me/mute", Map.of("muted", true));
                assertThat(muted.status()).as(muted.body()).isEqualTo(200);
                awaitHearing("the citizen no longer hears the muted agent", citizen, AGENT, false, agentPhone, CITIZEN);

                assertThat(desk.post("/api/callcenter/me/mute", Map.of("muted", false)).status()).isEqualTo(200);
                awaitHearing("the citizen hears the agent again", citizen, AGENT, true, agentPhone, CITIZEN);
                desk.post("/api/callcenter/me/hangup", Map.of());
            } finally {
                desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            }
        }
    }

    /**
     * Listens in half-second windows until the citizen hears (or does not hear) the agent's tone while the agent
     * hears the citizen's: the state of a live call, not a moment in time.
     */
    private static void awaitHearing(String what, TestPhone citizen, double agentTone, boolean citizenHearsAgent,
                                     TestPhone agent, double citizenTone) {
        Wait.overWindows(what, Duration.ofMillis(500), () -> {
            citizen.audio.forget();
            agent.audio.forget();
        }, () -> {
            double heardByCitizen = citizen.audio.level(agentTone);
            return (citizenHearsAgent ? heardByCitizen > 1000 : heardByCitizen < 200) && agent.audio.level(citizenTone) > 1000;
        }, Duration.ofSeconds(15), () -> "citizen hears the agent at " + Math.round(citizen.audio.level(agentTone))
                + ", the agent hears the citizen at " + Math.round(agent.audio.level(citizenTone)));
    }
}
