package org.openhotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 工单质检: a plan with the work-order template samples each agent's share of the orders they recorded (complaints
 * weighted up), the results' lost items feed 工单填写准确率 and 一次派单准确率, and the QC facts kept from events equal
 * the facts the reporting rebuild recomputes from the inspections.
 */
@HotlineTest
class OrderInspectionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWorkOrderPlanSamplesRecordedOrdersAndItsResultsFeedTheAccuracyKpisAndSurviveARebuild() {
        var f = new QualityFixture(port, jdbc);
        // a month of this test's own, far ahead of the other tests' days
        YearMonth month = YearMonth.now(clock).plusMonths(40);
        clock.set(month.atDay(10).atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant());
        var agent = ApiClient.loggedIn(port, "agent9");
        List<Long> orders = new ArrayList<>();
        long complaint = order(agent, "COMPLAINT", "投诉某窗口工作人员态度恶劣，推诿不办");
        orders.add(complaint);
        for (int i = 0; i < 3; i++) {
            orders.add(order(agent, "HELP", "小区路灯第 " + (i + 1) + " 排不亮，夜间出行不便"));
        }
        long template = jdbc.sql("select id from qc_template where kind = 'ORDER' and created_by = 'system'").query(Long.class).single();

        JsonNode plan = f.drawnPlan("工单抽检", template, month, 50, Map.of("COMPLAINT", 100.0), List.of("qc1"), 4242L);
        assertThat(plan.path("drawnCount").asInt()).as("half of agent9's four orders, rounded up").isEqualTo(2);
        List<JsonNode> tasks = f.tasks("qc1", plan.path("id").asLong());
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.path("callId").isNull()).isTrue();
            assertThat(orders).contains(t.path("orderId").asLong());
            assertThat(t.path("agentId").asLong()).isEqualTo(f.accountId("agent9"));
        });
        assertThat(tasks).as("the complaint weighs 101 against 1").anySatisfy(t -> {
            assertThat(t.path("orderId").asLong()).isEqualTo(complaint);
            assertThat(t.path("stratum").asString()).isEqualTo("COMPLAINT");
        });

        var qc1 = ApiClient.loggedIn(port, "qc1");
        JsonNode first = qc1.get("/api/quality/inspections/" + tasks.get(0).path("id").asLong()).json();
        assertThat(first.path("order").path("id").asLong()).as("the workbench shows the order").isEqualTo(tasks.get(0).path("orderId").asLong());
        assertThat(first.path("template").path("kind").asString()).isEqualTo("ORDER");
        submit(qc1, tasks.get(0), Map.of("dispatch", Map.of("deduction", 40, "note", "派错承办单位")), "60");
        submit(qc1, tasks.get(1), Map.of(), "100");

        var manager = ApiClient.loggedIn(port, "manager");
        String query = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&codes=order-entry-accuracy,first-dispatch-accuracy";
        JsonNode kpis = Wait.until("the order QC results reach the KPIs", () -> {
            JsonNode r = manager.get("/api/reports/kpis?" + query).json();
            return ReportingFixture.kpi(r, "first-dispatch-accuracy").path("denominator").asLong() == 2 ? r : null;
        }, Duration.ofSeconds(30));
        assertThat(ReportingFixture.kpi(kpis, "first-dispatch-accuracy").path("numerator").asLong()).isEqualTo(1);
        assertThat(ReportingFixture.kpi(kpis, "order-entry-accuracy").path("numerator").asLong()).isEqualTo(2);
        assertThat(ReportingFixture.kpi(kpis, "order-entry-accuracy").path("denominator").asLong()).isEqualTo(2);

        // incremental = rebuild for the QC facts (every row, not only this test's)
        new ReportingFixture(port, jdbc, clock).awaitFacts();
        String facts = "select inspection_id, call_id, order_id, agent_id, score, fatal, scored_at, lost_items from rpt_qc_fact order by 1";
        var before = jdbc.sql(facts).query().listOfRows().toString();
        assertThat(before).contains("{dispatch}");
        var rebuilt = manager.post("/api/reports/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().path("rpt_qc_fact").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql(facts).query().listOfRows().toString()).isEqualTo(before);
        assertThat(manager.get("/api/reports/kpis?" + query).json().path("kpis").toString()).isEqualTo(kpis.path("kpis").toString());
    }

    private long order(ApiClient agent, String appealType, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", appealType);
        body.put("content", content);
        body.put("callerName", "王女士");
        body.put("callerPhone", "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static void submit(ApiClient qc, JsonNode task, Map<String, Object> answers, String score) {
        var r = qc.post("/api/quality/inspections/" + task.path("id").asLong() + "/submit",
                Map.of("answers", answers, "comments", List.of(), "summary", "工单质检", "version", task.path("version").asInt()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("inspection").path("score").decimalValue()).isEqualByComparingTo(score);
    }
}
