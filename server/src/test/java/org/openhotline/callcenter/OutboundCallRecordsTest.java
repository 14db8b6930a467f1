package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 外呼 from the phone bar ({@code POST /me/dial}) to a colleague's extension, judged by ear (the agent's phone
 * speaks 1000 Hz, the colleague's 1300 Hz), then the call in the call records ({@code GET /calls}) and in their
 * Excel export ({@code GET /calls/export}), row for row the same as the search. Each test has agents of its own
 * (usernames, agent numbers and free extensions of its try): a rerun in the same database, or a second test of the
 * class, met the first one's call under the same agent number.
 */
@HotlineTest
@Timeout(120)
class OutboundCallRecordsTest {

    static final double AGENT = 1000, COLLEAGUE = 1300;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    final String run = String.format("%05d", Math.floorMod(System.nanoTime(), 100_000L));
    final String agentNo = "C" + run + "1";
    String extension;
    String colleagueExtension;

    private ApiClient agentAtDesk() {
        var fixture = new CallCenterFixture(port, jdbc);
        extension = fixture.freeExtension();
        fixture.agent("ccdial" + run + "1", agentNo, extension, Map.of());
        colleagueExtension = fixture.freeExtension();
        fixture.agent("ccdial" + run + "2", "C" + run + "2", colleagueExtension, Map.of());
        return ApiClient.loggedIn(port, "ccdial" + run + "1");
    }

    @Test
    void anAgentDialsAnExtensionBothTalkAndTheCallIsInTheRecordsAndTheirExport() throws Exception {
        ApiClient desk = agentAtDesk();
        try (TestPhone agentPhone = new TestPhone(extension, AGENT, sipPort);
             TestPhone colleague = new TestPhone(colleagueExtension, COLLEAGUE, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            colleague.register(ApiClient.DEMO_PASSWORD);
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);

            var dialed = desk.post("/api/callcenter/me/dial", Map.of("number", colleagueExtension));
            assertThat(dialed.status()).as(dialed.body()).isEqualTo(200);
            String callId = dialed.json().path("callId").asString();
            assertThat(callId).isNotBlank();
            await("the agent talks with the dialled extension").atMost(Duration.ofSeconds(20))
                    .until(() -> desk.get("/api/callcenter/me").json().path("state").asString().equals("TALKING"));
            await("both hear each other").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean both = agentPhone.audio.level(COLLEAGUE) > 1000 && colleague.audio.level(AGENT) > 1000;
                agentPhone.audio.forget();
                colleague.audio.forget();
                return both;
            });
            assertThat(desk.post("/api/callcenter/me/hangup", Map.of()).status()).isEqualTo(200);
            assertThat(colleague.awaitBye(10_000)).as("the colleague's phone is released").isTrue();
            desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));

            var leader = ApiClient.loggedIn(port, "teamleader1");
            await("the call record is closed").atMost(Duration.ofSeconds(10)).until(() ->
                    !leader.get("/api/callcenter/calls?agentNo=" + agentNo).json().path("items").get(0).path("endedAt").isNull());
            JsonNode found = leader.get("/api/callcenter/calls?agentNo=" + agentNo).json();
            assertThat(found.path("total").asLong()).isEqualTo(1);
            JsonNode row = found.path("items").get(0);
            assertThat(row.path("id").asString()).isEqualTo(callId);
            assertThat(row.path("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(row.path("called").asString()).isEqualTo(colleagueExtension);
            assertThat(row.path("answeredAt").isNull()).isFalse();

            var export = leader.get("/api/callcenter/calls/export?agentNo=" + agentNo);
            assertThat(export.status()).isEqualTo(200);
            List<ExcelSheets.SheetRow> sheet = ExcelSheets.read(new ByteArrayInputStream(export.bytes()));
            assertThat(sheet).hasSize(1);
            List<String> cells = sheet.getFirst().cells();
            assertThat(cells.get(0)).isEqualTo(callId);
            assertThat(cells.get(2)).isEqualTo(row.path("called").asString());
            assertThat(java.time.OffsetDateTime.parse(cells.get(5)).toInstant())
                    .isEqualTo(java.time.OffsetDateTime.parse(row.path("answeredAt").asString()).toInstant());
            assertThat(cells.get(8)).isEqualTo(agentNo);
        }
    }

    /**
     * The dialled party does not take the call (a busy phone's 486): the agent's phone, already answered, is released
     * rather than left off-hook in silence, the call record is closed and the agent is free again. (A number with no
     * way out at all is refused before the agent's phone rings; the test platform has an outbound trunk, so the
     * engine's {@code canReach} is proved in the telephony module's SharedRegistrationsTest.)
     */
    @Test
    void aDialledPartyThatDoesNotTakeTheCallReleasesTheAgentsPhone() throws Exception {
        ApiClient desk = agentAtDesk();
        int busyPort = FreePorts.sip();
        Sipp.Run busy = Sipp.start(dir, "agent-busy", "busy-" + run, Map.of(),
                List.of("-p", String.valueOf(busyPort), "-m", "1"));
        try (TestPhone agentPhone = new TestPhone(extension, AGENT, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            Sipp.start(dir, "register", "register-busy-" + run, Map.of("EXT", colleagueExtension, "CONTACT_PORT",
                            String.valueOf(busyPort), "EXPIRES", "600", "EXPECT", "200"),
                    List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au",
                            colleagueExtension, "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);

            var dialed = desk.post("/api/callcenter/me/dial", Map.of("number", colleagueExtension));
            assertThat(dialed.status()).as(dialed.body()).isEqualTo(200);
            String callId = dialed.json().path("callId").asString();
            busy.expectSuccess(Duration.ofSeconds(20));
            assertThat(agentPhone.awaitBye(10_000)).as("the agent's phone is released").isTrue();
            await("the call record is closed").atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select ended_at is not null from cc_call where id = ?").param(callId).query(Boolean.class).optional()
                    .orElse(false));
            assertThat(jdbc.sql("select end_cause from cc_call where id = ?").param(callId).query(String.class).single())
                    .as("why the call ended: the citizen's side was busy").isEqualTo("BUSY");
            // the attempt is the agent's (坐席话务统计 counts every 外呼), in the record and in the reports' facts
            long agentId = jdbc.sql("select id from account where username = ?").param("ccdial" + run + "1")
                    .query(Long.class).single();
            assertThat(jdbc.sql("select agent_id from cc_call where id = ?").param(callId).query(Long.class).single())
                    .isEqualTo(agentId);
            await("the reports' call fact names the agent").atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select agent_id from rpt_call_fact where call_id = ?").param(callId).query(Long.class).optional()
                    .filter(id -> id == agentId).isPresent());
            await("the agent is off the call").atMost(Duration.ofSeconds(10)).until(() ->
                    !List.of("RINGING", "TALKING").contains(desk.get("/api/callcenter/me").json().path("state").asString()));
            desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        } finally {
            busy.stop();
        }
    }

    @Test
    void theExportHoldsTheSameCallsAsTheSearchForTheSameFilter() {
        var qc = ApiClient.loggedIn(port, "qc1");
        JsonNode search = qc.get("/api/callcenter/calls?size=200").json();
        var export = qc.get("/api/callcenter/calls/export");
        assertThat(export.status()).isEqualTo(200);
        var ids = ExcelSheets.read(new ByteArrayInputStream(export.bytes())).stream().map(r -> r.cell(0)).toList();
        assertThat(ids).hasSize((int) search.path("total").asLong());
        var searched = search.path("items").valueStream().map(i -> i.path("id").asString()).toList();
        assertThat(ids.subList(0, searched.size())).containsExactlyElementsOf(searched);
    }

    @Test
    void dialingNeedsASignedInAgentAndAValidNumber() {
        ApiClient desk = agentAtDesk();
        desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        var signedOut = desk.post("/api/callcenter/me/dial", Map.of("number", colleagueExtension));
        assertThat(signedOut.status()).isEqualTo(409);
        assertThat(signedOut.detail()).isEqualTo("请先签入");
        var bad = desk.post("/api/callcenter/me/dial", Map.of("number", "12-34"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("号码格式不正确");
        assertThat(ApiClient.loggedIn(port, "zjj1").post("/api/callcenter/me/dial", Map.of("number", colleagueExtension)).status())
                .isEqualTo(403);
    }

    @Test
    void callRecordsAreReadByTeamLeadersQcInspectorsAndManagersOnly() {
        for (String user : List.of("teamleader1", "qc1", "manager")) {
            assertThat(ApiClient.loggedIn(port, user).get("/api/callcenter/calls").status()).as(user).isEqualTo(200);
            var menu = ApiClient.loggedIn(port, user).get("/api/auth/me").json().path("menu");
            assertThat(menu.valueStream().filter(m -> m.path("path").asString().equals("/callcenter/calls")).count())
                    .as(user + " has the call-records screen once in the menu").isEqualTo(1);
        }
        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/callcenter/calls").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/callcenter/calls/export").status()).isEqualTo(403);
    }
}
