package org.openhotline.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Training through its API: an exam from sitting to grade (objective questions graded at submission, the short answer
 * by a grader, pass mark), one sitting per agent, auto-submission when time is up, the Excel import refusing a sheet
 * with a wrong row, and a hot-topic notice listing who has not confirmed.
 */
@HotlineTest
class TrainingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private final String category = "测试" + System.nanoTime() % 1_000_000;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long question(ApiClient manager, String kind, String stem, List<String> options, String answer) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "kind", kind, "stem", stem, "answer", answer,
                "difficulty", 2));
        body.put("options", options);
        var r = manager.post("/api/training/questions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long exam(ApiClient manager, List<Long> questions, int minutes) {
        var items = questions.stream().map(q -> Map.of("questionId", q, "points", 20)).toList();
        var paper = manager.post("/api/training/papers", Map.of("name", "月度考试 " + category, "mode", "FIXED",
                "minutes", minutes, "passScore", 60, "items", items));
        assertThat(paper.status()).as(paper.body()).isEqualTo(201);
        Instant now = clock.instant();
        var exam = manager.post("/api/training/exams", Map.of("paperId", paper.json().path("id").asLong(),
                "name", "月度考试 " + category, "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plusSeconds(7200).toString()));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
        return exam.json().path("id").asLong();
    }

    @Test
    void anExamFromSittingToGrade() {
        var manager = ApiClient.loggedIn(port, "manager");
        long single = question(manager, "SINGLE", "12345 热线受理后应在多长时间内派单？", List.of("1 小时", "2 小时", "1 个工作日"), "B");
        long multiple = question(manager, "MULTIPLE", "哪些属于工单必填项？", List.of("诉求人电话", "诉求内容", "星座"), "A,B");
        long truth = question(manager, "TRUE_FALSE", "话务员可以透露其他市民的诉求。", List.of(), "错");
        long fill = question(manager, "FILL", "热线服务时间为____小时，全年____天。", List.of(), "24|365");
        long essay = question(manager, "SHORT", "简述来电人情绪激动时的处理要点。", List.of(), "安抚情绪、耐心倾听、复述确认");
        long examId = exam(manager, List.of(single, multiple, truth, fill, essay), 30);

        var agent = ApiClient.loggedIn(port, "agent2");
        long sitting = agent.post("/api/training/exams/" + examId + "/sittings", Map.of()).json().path("id").asLong();
        assertThat(agent.post("/api/training/exams/" + examId + "/sittings", Map.of()).json().path("id").asLong())
                .as("one sitting per agent").isEqualTo(sitting);
        var sheet = agent.get("/api/training/sittings/" + sitting).json();
        assertThat(sheet.path("questions")).hasSize(5);
        assertThat(sheet.path("questions").get(0).path("scored").isNull()).as("no marks shown while sitting").isTrue();
        var saved = agent.put("/api/training/sittings/" + sitting + "/answers", Map.of("answers", Map.of(
                String.valueOf(single), "B", String.valueOf(multiple), "A", String.valueOf(truth), "对",
                String.valueOf(fill), "24|300", String.valueOf(essay), "先安抚情绪，再耐心倾听并复述确认。")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // the true/false answer was wrong: correct it before submitting
        agent.put("/api/training/sittings/" + sitting + "/answers", Map.of("answers", Map.of(String.valueOf(truth), "错")));
        var submitted = agent.post("/api/training/sittings/" + sitting + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).as("the short answer waits for a grader").isEqualTo("SUBMITTED");
        assertThat(agent.put("/api/training/sittings/" + sitting + "/answers",
                Map.of("answers", Map.of(String.valueOf(single), "A"))).status()).isEqualTo(409);

        var waiting = manager.get("/api/training/grading").json();
        assertThat(StreamSupport.stream(waiting.spliterator(), false)
                .anyMatch(w -> w.path("sittingId").asLong() == sitting && w.path("questionId").asLong() == essay)).isTrue();
        assertThat(manager.put("/api/training/sittings/" + sitting + "/questions/" + essay + "/grade",
                Map.of("points", 25)).status()).as("more than the question is worth").isEqualTo(422);
        var graded = manager.put("/api/training/sittings/" + sitting + "/questions/" + essay + "/grade",
                Map.of("points", 15, "comment", "要点基本齐全"));
        assertThat(graded.status()).as(graded.body()).isEqualTo(200);

        JsonNode result = agent.get("/api/training/sittings/" + sitting).json();
        assertThat(result.path("status").asString()).isEqualTo("GRADED");
        // 20 (single) + 0 (multiple, one of two) + 20 (true/false) + 10 (one blank of two) + 15 (graded)
        assertThat(result.path("score").asDouble()).isEqualTo(65.0);
        assertThat(result.path("passed").asBoolean()).isTrue();
        assertThat(ApiClient.loggedIn(port, "agent2").get("/api/training/grading").status()).isEqualTo(403);
    }

    @Test
    void aSittingSubmitsItselfWhenTimeIsUp() {
        var manager = ApiClient.loggedIn(port, "manager");
        long q = question(manager, "TRUE_FALSE", "工单办结前须回访。", List.of(), "对");
        long examId = exam(manager, List.of(q), 1);
        var agent = ApiClient.loggedIn(port, "agent4");
        long sitting = agent.post("/api/training/exams/" + examId + "/sittings", Map.of()).json().path("id").asLong();
        agent.put("/api/training/sittings/" + sitting + "/answers", Map.of("answers", Map.of(String.valueOf(q), "对")));
        clock.advance(Duration.ofSeconds(61));
        var late = agent.put("/api/training/sittings/" + sitting + "/answers", Map.of("answers", Map.of(String.valueOf(q), "错")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.detail()).contains("已自动交卷");
        var sheet = agent.get("/api/training/sittings/" + sitting).json();
        assertThat(sheet.path("autoSubmitted").asBoolean()).isTrue();
        assertThat(sheet.path("status").asString()).isEqualTo("GRADED");
        assertThat(sheet.path("score").asDouble()).as("the answer saved in time counts").isEqualTo(20.0);
    }

    @Test
    void excelImportRefusesASheetWithAWrongRowAndTakesACorrectOne() {
        var manager = ApiClient.loggedIn(port, "manager");
        List<String> headers = List.of("分类", "题型", "难度", "题干", "A", "B", "C", "D", "E", "F", "答案", "解析");
        byte[] bad = ExcelSheets.write("题库", headers, List.of(
                List.of(category, "单选", "2", "正确的一题", "甲", "乙", "", "", "", "", "A", ""),
                List.of(category, "单选", "2", "答案不在选项里", "甲", "乙", "", "", "", "", "D", ""),
                List.of(category, "问答", "9", "题型和难度都不对", "", "", "", "", "", "", "x", "")));
        var refused = upload(manager, bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors")).hasSize(2);
        assertThat(refused.json().path("errors").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("已有选项");
        assertThat(manager.get("/api/training/questions?category=" + category).json()).as("nothing half-imported").isEmpty();
        byte[] good = ExcelSheets.write("题库", headers, List.of(
                List.of(category, "单选", "2", "正确的一题", "甲", "乙", "", "", "", "", "A", ""),
                List.of(category, "多选", "3", "两个正确答案", "甲", "乙", "丙", "", "", "", "A,C", "")));
        var imported = upload(manager, good);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
    }

    @Test
    void hotTopicNoticeShowsWhoHasNotConfirmed() {
        var manager = ApiClient.loggedIn(port, "manager");
        long notice = manager.post("/api/training/notices", Map.of("title", "台风期间停课政策 " + category,
                "body", "即日起台风红色预警期间中小学停课，来电咨询按此口径答复。")).json().path("id").asLong();
        var agent1 = ApiClient.loggedIn(port, "agent1");
        assertThat(agent1.post("/api/training/notices/" + notice + "/read?confirm=true", Map.of()).status()).isEqualTo(200);
        ApiClient.loggedIn(port, "agent5").post("/api/training/notices/" + notice + "/read", Map.of());
        var status = manager.get("/api/training/notices/" + notice + "/status").json();
        assertThat(status.path("confirmed").asInt()).isEqualTo(1);
        assertThat(status.path("confirmedInTime").asInt()).isEqualTo(1);
        List<String> pending = StreamSupport.stream(status.path("pending").spliterator(), false)
                .map(p -> p.path("agentNo").asString()).toList();
        assertThat(pending).contains("1005", "1002").doesNotContain("1001");
        assertThat(status.path("pending").get(0).path("overdue").asBoolean()).isFalse();
        clock.advance(Duration.ofHours(25));
        assertThat(manager.get("/api/training/notices/" + notice + "/status").json().path("pending").get(0)
                .path("overdue").asBoolean()).isTrue();
    }

    private ApiClient.Response upload(ApiClient client, byte[] xlsx) {
        String boundary = "----hotline" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q.xlsx\"\r\n"
                + "Content-Type: " + ExcelSheets.XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(xlsx);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/training/questions/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }
}
