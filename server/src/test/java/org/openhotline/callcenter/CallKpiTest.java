package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.reporting.ReportingFixture.figures;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Call-center KPIs from a real call: a sipp citizen dials through the trunk, the ACD rings a new agent's sipp phone,
 * the agent answers and hangs up first, the citizen rates the call 满意 (1). The call events reach reporting through
 * the registry; the agent's group of the manager's report and the agent's own report show one offered, answered and
 * rated call, and the drill-down lists exactly that call.
 */
@HotlineTest
@Timeout(120)
class CallKpiTest {

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @TempDir
    Path dir;

    @Test
    void aRealCallIsCountedInTheAnswerAndSurveyKpisOfItsAgent() throws Exception {
        Sipp.requireInstalled();
        var fixture = new CallCenterFixture(port, jdbc);
        var manager = ApiClient.loggedIn(port, "manager");
        long group = fixture.group("t-kpi", "测试指标", "LONGEST_IDLE", Map.of());
        assertThat(manager.put("/api/callcenter/admin/numbers/12305/flow", Map.of("flowId", "direct-to-agent")).status()).isEqualTo(200);
        var rule = manager.post("/api/callcenter/admin/routing-rules", Map.of("calledNumber", "12305",
                "callerPrefix", "1390077", "groupId", group, "priority", 500, "note", "指标测试"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        long agentId = fixture.agent("cckpi1", "T967", "8267", Map.of(group, 3));
        int phonePort = FreePorts.sip();
        Sipp.Run phone = Sipp.start(dir, "agent-bye", "phone", Map.of("EXT", "8267", "TALK_MS", "1500"),
                List.of("-p", String.valueOf(phonePort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        Sipp.start(dir, "register", "register", Map.of("EXT", "8267", "CONTACT_PORT", String.valueOf(phonePort),
                        "EXPIRES", "300", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "8267",
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
        var desk = ApiClient.loggedIn(port, "cckpi1");
        assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);
        assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
        try {
            Sipp.Run citizen = Sipp.start(dir, "caller-survey", "citizen", Map.of("CALLED", "12305", "CALLER", "13900770001",
                            "SURVEY_AFTER_MS", "6000", "DIGIT", "1"),
                    List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-mp", String.valueOf(FreePorts.media()),
                            "-rtp_echo", "-m", "1"));
            phone.expectSuccess(Duration.ofSeconds(30));
            citizen.expectSuccess(Duration.ofSeconds(45));
        } finally {
            desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
            phone.stop();
            manager.delete("/api/callcenter/admin/routing-rules/" + rule.json().path("id").asLong());
        }
        var reporting = new ReportingFixture(port, jdbc, clock);
        reporting.awaitFacts();

        LocalDate today = LocalDate.now(clock);
        String query = "from=" + today + "&to=" + today + "&groupBy=agent";
        JsonNode report = reporting.kpis(manager, query);
        for (var expected : Map.of("answer-rate", List.of("1", "1", "100"), "abandon-rate", List.of("0", "1", "0"),
                "survey-participation", List.of("1", "1", "100"), "agent-satisfaction", List.of("1", "1", "100")).entrySet()) {
            JsonNode mine = null;
            for (JsonNode g : ReportingFixture.kpi(report, expected.getKey()).path("groups")) {
                if (g.path("key").asString().equals(String.valueOf(agentId))) {
                    mine = g;
                }
            }
            assertThat(mine).as(expected.getKey() + " has a group for the agent: " + report).isNotNull();
            assertThat(List.of(ReportingFixture.number(mine.path("numerator")), ReportingFixture.number(mine.path("denominator")),
                    ReportingFixture.number(mine.path("value")))).as(expected.getKey()).isEqualTo(expected.getValue());
            assertThat(mine.path("label").asString()).contains("T967");
        }
        var records = manager.get("/api/reports/kpis/answer-rate/records?" + query + "&group=" + agentId + "&part=numerator").json();
        assertThat(records.path("total").asLong()).isEqualTo(1);
        String callId = records.path("items").get(0).path("call_id").asString();
        assertThat(jdbc.sql("select agent_id from cc_call where id = ?").param(callId).query(Long.class).single()).isEqualTo(agentId);

        // the agent sees only its own call figures, and no unit's
        JsonNode own = reporting.kpis(desk, "from=" + today + "&to=" + today);
        assertThat(figures(own, "answer-rate")).containsExactly("1", "1", "100");
        // (the agent's own QC results, e.g. first-dispatch-accuracy, are its figures; units' dispatch figures are not)
        assertThat(own.path("kpis").findValuesAsString("code")).doesNotContain("dispatch-accuracy", "sign-timeliness",
                "completion-on-time", "return-rate");
        assertThat(desk.get("/api/reports/kpis?org=1").status()).isEqualTo(403);
    }
}
