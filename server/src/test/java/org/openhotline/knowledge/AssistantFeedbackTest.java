package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Agents judge the assistant's replies (有帮助 / 没帮助); what is stored beside the verdict is what the assistant
 * decides when asked again on the server, so the editors' four cells are the assistant's own: answered and helpful,
 * answered but not, abstained though its passages helped, rightly abstained.
 */
@HotlineTest
class AssistantFeedbackTest {

    static final String IN_BASE = "公积金租房提取每年能取多少";
    static final String OUTSIDE = "火星移民签证代办找哪个部门办理";

    @LocalServerPort
    int port;

    @Test
    void aVerdictIsKeptWithWhatTheAssistantDecidedAndCountedForTheEditors() {
        var agent = ApiClient.loggedIn(port, "agent2");
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var before = ok(editor.get("/api/knowledge/assistant/feedback/summary")).json();

        var helped = agent.post("/api/knowledge/assistant/feedback", Map.of("question", IN_BASE, "helpful", true));
        assertThat(helped.status()).isEqualTo(201);
        assertThat(helped.json().path("answered").asBoolean()).isTrue();
        assertThat(helped.json().path("articleTitle").asString()).isEqualTo("住房公积金提取指南");
        assertThat(helped.json().path("givenBy").asString()).isEqualTo("agent2");
        assertThat(helped.json().path("similarity").asDouble()).isGreaterThan(0.6);

        var rightlyAbstained = ok(agent.post("/api/knowledge/assistant/feedback",
                Map.of("question", OUTSIDE, "helpful", false))).json();
        assertThat(rightlyAbstained.path("answered").asBoolean()).isFalse();

        var after = ok(editor.get("/api/knowledge/assistant/feedback/summary")).json();
        assertThat(count(after, "answeredHelpful")).isEqualTo(count(before, "answeredHelpful") + 1);
        assertThat(count(after, "abstainedNotHelpful")).isEqualTo(count(before, "abstainedNotHelpful") + 1);
        assertThat(count(after, "answeredNotHelpful")).isEqualTo(count(before, "answeredNotHelpful"));
        assertThat(count(after, "abstainedHelpful")).isEqualTo(count(before, "abstainedHelpful"));
        assertThat(after.path("answeredHelpfulShare").asDouble()).isGreaterThan(0);

        var abstained = ok(editor.get("/api/knowledge/assistant/feedback?answered=false&helpful=false&size=100"))
                .json();
        assertThat(StreamSupport.stream(abstained.path("items").spliterator(), false)
                .map(i -> i.path("question").asString())).contains(OUTSIDE).doesNotContain(IN_BASE);
    }

    @Test
    void aVerdictDoesNotCountTheQuestionAsAnotherMiss() {
        var agent = ApiClient.loggedIn(port, "agent3");
        String question = "土星环观光船票在哪里买";
        assertThat(ok(agent.post("/api/knowledge/assistant", Map.of("question", question))).json()
                .path("answered").asBoolean()).isFalse();
        ok(agent.post("/api/knowledge/assistant/feedback", Map.of("question", question, "helpful", false)));
        var misses = ok(ApiClient.loggedIn(port, "kbeditor1").get("/api/knowledge/misses?size=200")).json();
        var times = StreamSupport.stream(misses.path("items").spliterator(), false)
                .filter(m -> m.path("query").asString().equals(question)).map(m -> m.path("times").asInt()).toList();
        assertThat(times).as("asked once, judged once").containsExactly(1);
    }

    @Test
    void badVerdictsAreRefusedInWordsAndTheCountsAreTheEditorsOnly() {
        var agent = ApiClient.loggedIn(port, "agent4");
        var blank = agent.post("/api/knowledge/assistant/feedback", Map.of("question", " ", "helpful", true));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.detail()).contains("请填写问题");
        Map<String, Object> noVerdict = new HashMap<>();
        noVerdict.put("question", IN_BASE);
        var missing = agent.post("/api/knowledge/assistant/feedback", noVerdict);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.detail()).contains("请选择回答是否有帮助");
        var tooLong = agent.post("/api/knowledge/assistant/feedback", Map.of("question", "长".repeat(501),
                "helpful", false));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).contains("问题不超过 500 个字");
        assertThat(agent.get("/api/knowledge/assistant/feedback/summary").status()).isEqualTo(403);
        assertThat(agent.get("/api/knowledge/assistant/feedback").status()).isEqualTo(403);
    }

    private static long count(JsonNode summary, String cell) {
        return summary.path(cell).asLong();
    }
}
