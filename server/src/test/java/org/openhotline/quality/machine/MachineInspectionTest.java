package org.openhotline.quality.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From a recorded call to flags: the call center's {@link CallRecorded} (published the way it does, in a
 * transaction) reaches machine inspection through the event registry; the flags of the recording and the call record
 * appear, a second delivery changes nothing, an external transcript adds the text rules' flags, an inspector's
 * decisions give each rule its precision, and a rule change is version-checked and audited.
 */
@HotlineTest
class MachineInspectionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @TempDir
    Path dir;

    private String recordedCall() throws Exception {
        return new RecordedCallFixture(jdbc, tx, events).recordedCall(dir);
    }

    private void publishRecorded(String id) {
        new RecordedCallFixture(jdbc, tx, events).publishRecorded(id);
    }

    private static List<String> rules(JsonNode analysis) {
        List<String> out = new ArrayList<>();
        analysis.path("flags").forEach(f -> out.add(f.path("ruleCode").asString()));
        return out;
    }

    @Test
    void aRecordedCallIsInspectedByMachineAndInspectorsJudgeTheFlags() throws Exception {
        String id = recordedCall();
        ApiClient qc = ApiClient.loggedIn(port, "qc1");
        publishRecorded(id);
        JsonNode analysis = Wait.until("machine inspection of " + id, () -> {
            ApiClient.Response r = qc.get("/api/quality/machine/calls/" + id);
            return r.status() == 200 ? r.json() : null;
        }, Duration.ofSeconds(60));
        assertThat(analysis.path("outcome").asString()).isEqualTo("ANALYSED");
        assertThat(rules(analysis)).contains("DEAD_AIR", "SHOUTING", "CALL_HOLD", "CALL_TRANSFERS", "CALL_RING")
                .doesNotContain("TALK_OVER", "GREETING");
        JsonNode dead = find(analysis, "DEAD_AIR");
        assertThat(dead.path("startMs").asLong()).isBetween(29_500L, 30_500L);
        assertThat(dead.path("endMs").asLong()).isBetween(41_500L, 42_500L);
        int flags = analysis.path("flags").size();
        ApiClient.Response listed = qc.get("/api/quality/machine/flags?open=true&rule=DEAD_AIR");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(id);

        // Delivered twice (a restart resubmits it): the same flags, not twice as many.
        publishRecorded(id);
        Wait.until("the second analysis", () -> !qc.get("/api/quality/machine/calls/" + id).json()
                .path("analysedAt").asString().equals(analysis.path("analysedAt").asString()), Duration.ofSeconds(60),
                () -> "");
        assertThat(qc.get("/api/quality/machine/calls/" + id).json().path("flags").size()).isEqualTo(flags);

        // The city's ASR posts a transcript: no greeting, a forbidden word, the citizen's complaint.
        ApiClient.Response posted = qc.put("/api/quality/machine/calls/" + id + "/transcript", Map.of(
                "engine", "city-asr", "utterances", List.of(
                        Map.of("speaker", "AGENT", "startMs", 0, "endMs", 6000, "text", "喂，什么事？"),
                        Map.of("speaker", "CITIZEN", "startMs", 7000, "endMs", 20000, "text", "我家楼下的路灯坏了一个月了",
                                "words", List.of(Map.of("text", "路灯", "startMs", 9000, "endMs", 9600))),
                        Map.of("speaker", "AGENT", "startMs", 21000, "endMs", 30000, "text", "这个我不知道，你自己去问吧"),
                        Map.of("speaker", "CITIZEN", "startMs", 42000, "endMs", 53000, "text", "你这什么态度！我要投诉你！"),
                        Map.of("speaker", "AGENT", "startMs", 81000, "endMs", 95000, "text", "好的，感谢您的来电，再见"))));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        List<String> withText = rules(qc.get("/api/quality/machine/calls/" + id).json());
        assertThat(withText).contains("GREETING", "FORBIDDEN_WORDS", "COMPLAINT_WORDS").doesNotContain("CLOSING");
        assertThat(withText).containsAll(rules(analysis));

        // Refusals: bad input in Chinese, no permission for an agent.
        ApiClient.Response bad = qc.put("/api/quality/machine/calls/" + id + "/transcript", Map.of("engine", "x",
                "utterances", List.of(Map.of("speaker", "ROBOT", "startMs", 0, "endMs", 1, "text", "嗯"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("说话人应为");
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/quality/machine/calls/" + id).status()).isEqualTo(403);

        // Inspectors decide; the rules screen shows each rule's precision from the decisions.
        JsonNode now = qc.get("/api/quality/machine/calls/" + id).json();
        JsonNode deadFlag = find(now, "DEAD_AIR");
        JsonNode shout = find(now, "SHOUTING");
        String decide = "/api/quality/machine/flags/%d/decision";
        assertThat(qc.post(decide.formatted(deadFlag.path("id").asLong()),
                Map.of("decision", "CONFIRMED", "version", 0)).status()).isEqualTo(200);
        assertThat(qc.post(decide.formatted(deadFlag.path("id").asLong()),
                Map.of("decision", "DISMISSED", "version", 0)).status()).isEqualTo(409);
        assertThat(qc.post(decide.formatted(shout.path("id").asLong()),
                Map.of("decision", "DISMISSED", "note", "市民情绪正常", "version", 0)).status()).isEqualTo(200);
        JsonNode ruleList = qc.get("/api/quality/machine/rules").json();
        assertThat(rule(ruleList, "DEAD_AIR").path("confirmed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rule(ruleList, "DEAD_AIR").path("precision").asDouble()).isGreaterThan(0);
        assertThat(rule(ruleList, "SHOUTING").path("dismissed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rule(ruleList, "SHOUTING").path("precision").asDouble()).isLessThan(1);

        // A re-run keeps the decided flags and does not add their twins.
        assertThat(qc.post("/api/quality/machine/calls/" + id + "/analysis", Map.of()).status()).isEqualTo(200);
        JsonNode rerun = qc.get("/api/quality/machine/calls/" + id).json();
        assertThat(rules(rerun).stream().filter("DEAD_AIR"::equals)).hasSize(1);
        assertThat(find(rerun, "DEAD_AIR").path("decision").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void ruleChangesAreVersionCheckedAndAudited() {
        ApiClient qc = ApiClient.loggedIn(port, "qc1");
        JsonNode before = rule(qc.get("/api/quality/machine/rules").json(), "CALL_RING").path("rule");
        int version = before.path("version").asInt();
        ApiClient.Response changed = qc.put("/api/quality/machine/rules/CALL_RING",
                Map.of("threshold", 25, "severity", "HIGH", "version", version));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("threshold").asDouble()).isEqualTo(25);
        assertThat(qc.put("/api/quality/machine/rules/CALL_RING", Map.of("threshold", 30, "version", version))
                .status()).isEqualTo(409);
        ApiClient.Response negative = qc.put("/api/quality/machine/rules/CALL_RING",
                Map.of("threshold", -1, "version", version + 1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.detail()).contains("阈值");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'quality.machine-rule-changed' "
                + "and target = 'qc-rule:CALL_RING' and actor = 'qc1'").query(Integer.class).single()).isPositive();
        // Put it back for the other tests.
        assertThat(qc.put("/api/quality/machine/rules/CALL_RING", Map.of("threshold", before.path("threshold").asDouble(),
                "severity", before.path("severity").asString(), "version", version + 1)).status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode analysis, String rule) {
        for (JsonNode f : analysis.path("flags")) {
            if (f.path("ruleCode").asString().equals(rule)) return f;
        }
        throw new AssertionError("no " + rule + " flag in " + analysis);
    }

    private static JsonNode rule(JsonNode list, String code) {
        for (JsonNode r : list) {
            if (r.path("rule").path("code").asString().equals(code)) return r;
        }
        throw new AssertionError("no rule " + code);
    }
}
