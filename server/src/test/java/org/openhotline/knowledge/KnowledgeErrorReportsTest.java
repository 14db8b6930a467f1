package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.category;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 知识纠错: an agent reports an error, the editor accepts it (a revision opens), the fixed revision is published and
 * the reporter sees 已处理; 知识库更新及时率 counts fixes within 24 h. The clock is moved to a day of its own so the
 * rate is about this test's reports only.
 */
@HotlineTest
class KnowledgeErrorReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aReportedErrorIsFixedThroughARevisionAndTheReporterIsTold() {
        LocalDate day = LocalDate.now(clock).plusDays(731);
        clock.set(day.atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant());
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent3");
        long cat = category(editor, "PUBLIC", List.of());
        long article = KnowledgeFixtures.published(editor, manager, cat, "居住证办理",
                "<p>居住证办理需提供租房合同，办理时限 15 个工作日。</p>");
        long other = KnowledgeFixtures.published(editor, manager, cat, "暂住登记", "<p>暂住登记在社区办理。</p>");
        String reports = "/api/knowledge/articles/" + article + "/error-reports";

        assertThat(agent.post(reports, Map.of("kind", "WRONG", "note", "长".repeat(501))).detail()).contains("纠错说明不超过 500 个字");
        assertThat(agent.post(reports, Map.of("kind", "WRONG", "note", " ")).detail()).isEqualTo("请说明错误之处");
        var filed = agent.post(reports, Map.of("kind", "OUTDATED", "note", "办理时限已改为 7 个工作日"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long reportId = filed.json().path("id").asLong();
        long rejected = ok(agent.post("/api/knowledge/articles/" + other + "/error-reports",
                Map.of("kind", "UNCLEAR", "note", "看不懂"))).json().path("id").asLong();
        assertThat(mine(agent, reportId).path("statusLabel").asString()).isEqualTo("待处理");

        JsonNode queue = ok(editor.get("/api/knowledge/error-reports")).json();
        assertThat(java.util.stream.StreamSupport.stream(queue.spliterator(), false).map(r -> r.path("note").asString()))
                .contains("办理时限已改为 7 个工作日");
        assertThat(agent.get("/api/knowledge/error-reports").status()).as("the queue is the editors'").isEqualTo(403);
        assertThat(editor.post("/api/knowledge/error-reports/" + rejected + "/reject", Map.of("reason", " ")).detail())
                .isEqualTo("驳回时请填写原因");
        ok(editor.post("/api/knowledge/error-reports/" + rejected + "/reject", Map.of("reason", "表述已足够清楚")));

        var accepted = ok(editor.post("/api/knowledge/error-reports/" + reportId + "/accept", null)).json();
        assertThat(accepted.path("statusLabel").asString()).isEqualTo("修订中");
        assertThat(editor.post("/api/knowledge/error-reports/" + reportId + "/accept", null).status())
                .as("decided once").isEqualTo(409);
        String revision = "/api/knowledge/articles/" + article + "/revision";
        assertThat(ok(editor.get(revision)).json().path("state").asString()).as("accepting opened a revision")
                .isEqualTo("DRAFT");

        clock.advance(Duration.ofHours(3));
        ok(editor.put(revision, Map.of("categoryId", cat, "title", "居住证办理",
                "bodyHtml", "<p>居住证办理需提供租房合同，办理时限 7 个工作日。</p>", "note", "纠错修订")));
        ok(editor.post(revision + "/submit", null));
        assertThat(mine(agent, reportId).path("statusLabel").asString()).as("not fixed until published")
                .isEqualTo("修订中");
        ok(manager.post(revision + "/approve", Map.of()));

        JsonNode mine = mine(agent, reportId);
        assertThat(mine.path("statusLabel").asString()).isEqualTo("已处理");
        assertThat(mine.path("fixedAt").isNull()).isFalse();
        assertThat(mine(agent, rejected).path("statusLabel").asString()).isEqualTo("已驳回");
        assertThat(mine(agent, rejected).path("rejectReason").asString()).isEqualTo("表述已足够清楚");

        JsonNode rate = ok(editor.get("/api/knowledge/error-reports/timeliness?from=" + day + "&to=" + day)).json();
        assertThat(rate.path("reports").asInt()).as("the rejected report does not count").isEqualTo(1);
        assertThat(rate.path("fixedInTime").asInt()).isEqualTo(1);
        assertThat(rate.path("rate").asDouble()).isEqualTo(100.0);

        // a second accepted report still open 25 hours later is late: half the reports were fixed in time
        long late = ok(agent.post(reports, Map.of("kind", "WRONG", "note", "材料清单不全"))).json().path("id").asLong();
        ok(editor.post("/api/knowledge/error-reports/" + late + "/accept", null));
        clock.advance(Duration.ofHours(25));
        rate = ok(editor.get("/api/knowledge/error-reports/timeliness?from=" + day + "&to=" + day)).json();
        assertThat(rate.path("overdue").asInt()).isEqualTo(1);
        assertThat(rate.path("rate").asDouble()).isEqualTo(50.0);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode kpis = ok(manager.get("/api/reports/kpis?from=" + day + "&to=" + day
                    + "&codes=knowledge-update-timeliness")).json().path("kpis").get(0);
            assertThat(kpis.path("name").asString()).isEqualTo("知识库更新及时率");
            assertThat(kpis.path("denominator").asInt()).isEqualTo(2);
            assertThat(kpis.path("value").asDouble()).isEqualTo(50.0);
        });
    }

    private static JsonNode mine(ApiClient who, long id) {
        for (JsonNode r : ok(who.get("/api/knowledge/error-reports/mine")).json()) {
            if (r.path("id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("report " + id + " is not in 我的纠错");
    }
}
