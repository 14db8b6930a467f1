package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The post-call satisfaction survey with real SIP peers: the agent's sipp phone hangs up first (BYE); the sipp
 * citizen is kept on the line, presses 2 (基本满意) after the agent's BYE (again every 3 s until goodbye), hears
 * thanks and is released by the survey. The call record and the agent's figures of the day carry the answer.
 */
@HotlineTest
@Timeout(120)
class SatisfactionSurveyTest {

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void whenTheAgentHangsUpFirstTheCallerRatesTheCallAndTheRecordAndTheAgentsDayShowIt() throws Exception {
        Sipp.requireInstalled();
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-survey", "测试满意度", "LONGEST_IDLE", Map.of());
        fixture.route("12305", group);
        long agentId = fixture.agent("ccsurvey1", "T951", "8251", Map.of(group, 3));
        int phonePort = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent-bye", "phone", Map.of("EXT", "8251", "TALK_MS", "1500"),
                List.of("-p", String.valueOf(phonePort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        Sipp.start(dir, "register", "register", Map.of("EXT", "8251", "CONTACT_PORT", String.valueOf(phonePort),
                        "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8251",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
        var desk = ApiClient.loggedIn(port, "ccsurvey1");
        assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).json().path("phoneRegistered").asBoolean()).isTrue();
        assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        try {
            // the agent hangs up about 2 s after the answer; the citizen presses 2 from 6 s on until goodbye
            Sipp.Run citizen = Sipp.start(dir, "caller-survey", "citizen", Map.of("CALLED", "12305", "CALLER", "13700137005",
                            "SURVEY_AFTER_MS", "6000", "DIGIT", "2"),
                    List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                            "-rtp_echo", "-m", "1"));
            phone.expectSuccess(Duration.ofSeconds(30));
            citizen.expectSuccess(Duration.ofSeconds(45)); // released by the survey's goodbye, not by the agent's BYE

            String detail = jdbc.sql("""
                    select string_agg(id || ' agent=' || coalesce(agent_id::text, '-') || ' cause=' || coalesce(end_cause, '-')
                           || ' satisfaction=' || coalesce(satisfaction::text, '-') || ' ivr=' || coalesce(ivr_result, '-'), '; ')
                      from cc_call where called = '12305'""").query(String.class).single();
            var call = until("the survey answer on the call record", () -> jdbc.sql("""
                    select satisfaction || ' ' || end_cause || ' ' || coalesce(ivr_result, '-') from cc_call
                     where called = '12305' and agent_id = ? and satisfaction is not null""")
                    .param(agentId).query(String.class).optional().orElse(null), Duration.ofSeconds(10), () -> detail);
            // 基本满意, ended by the agent; the survey did not overwrite how the caller left the IVR
            assertThat(call).isEqualTo("2 AGENT_HANGUP queue:general");
            var today = desk.get("/api/callcenter/me/today").json();
            assertThat(today.path("surveyed").asLong()).isEqualTo(1);
            assertThat(today.path("satisfiedRate").asDouble()).isEqualTo(1.0);
        } finally {
            desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            phone.stop();
        }
    }
}
