package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Custom report templates (定制统计分析报表模板, 004): a manager saves a report with picked columns, dimension and filters,
 * shares it; a leader finds and runs it with the same numbers as the full report but cannot change it; bad settings get
 * Chinese 400s; a stale version and a second template of the same name get 409s.
 */
@HotlineTest
class ReportTemplateTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.openhotline.testing.TestClock clock;

    @Test
    void aManagerSavesAndSharesATemplateThatALeaderRunsButCannotChange() {
        var manager = ApiClient.loggedIn(port, "manager");
        var leader = ApiClient.loggedIn(port, "leader");
        String name = "渠道受理（热线）" + System.nanoTime() % 100000;
        var draft = new java.util.HashMap<String, Object>(Map.of("name", name, "reportCode", "order-intake",
                "columns", List.of("dispatched", "orders"), "by", "appealType", "granularity", "month",
                "period", "LAST_MONTH", "filters", Map.of("channel", "PHONE"), "shared", false));

        var created = manager.post("/api/reports/templates", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode t = created.json();
        long id = t.path("id").asLong();
        assertThat(t.path("columns").toString()).isEqualTo("[\"dispatched\",\"orders\"]");
        assertThat(t.path("periodLabel").asString()).isEqualTo("上月");
        assertThat(t.path("mine").asBoolean()).isTrue();
        assertThat(ids(leader)).as("not shared yet").doesNotContain(id);

        var again = manager.post("/api/reports/templates", draft);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("已有名为");

        draft.put("shared", true);
        draft.put("version", t.path("version").asInt());
        var shared = manager.put("/api/reports/templates/" + id, draft);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        var stale = manager.put("/api/reports/templates/" + id, draft);
        assertThat(stale.status()).as("the old version again").isEqualTo(409);

        var seen = leader.get("/api/reports/templates").json();
        JsonNode mineForLeader = null;
        for (JsonNode x : seen) {
            if (x.path("id").asLong() == id) {
                mineForLeader = x;
            }
        }
        assertThat(mineForLeader).as("shared with every report reader").isNotNull();
        assertThat(mineForLeader.path("mine").asBoolean()).isFalse();
        var change = leader.put("/api/reports/templates/" + id, Map.of("name", "改名", "reportCode", "order-intake",
                "columns", List.of("orders"), "granularity", "total", "period", "THIS_MONTH", "version", 1));
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.detail()).contains("只能修改或删除自己的模板");
        assertThat(leader.delete("/api/reports/templates/" + id + "?version=1").status()).isEqualTo(403);

        // running it: the report with the template's settings shows the picked columns, with the full report's numbers
        // (a phone order of its own: tests run without the demo year, and in a fresh database this may run first)
        var facts = new ReportingFixture(port, jdbc, clock);
        facts.order(ApiClient.loggedIn(port, "agent1"), "PHONE", "COMPLAINT", "报表模板测试：小区路灯不亮 " + name, null);
        facts.awaitFacts();
        LocalDate today = LocalDate.now(clock);
        String q = "?from=" + today.minusDays(400) + "&to=" + today + "&granularity=month&by=appealType&channel=PHONE";
        JsonNode picked = leader.get("/api/reports/tables/order-intake" + q + "&columns=dispatched,orders").json();
        JsonNode full = leader.get("/api/reports/tables/order-intake" + q).json();
        assertThat(picked.path("columns").findValuesAsString("key")).containsExactly("dispatched", "orders");
        assertThat(picked.path("totals").path("orders")).isEqualTo(full.path("totals").path("orders"));
        assertThat(full.path("totals").path("orders").asLong()).as("this test's phone order at least").isPositive();
        assertThat(picked.path("rows").size()).isEqualTo(full.path("rows").size());

        var bad = leader.get("/api/reports/tables/order-intake" + q + "&columns=orders,nosuch");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("没有列“nosuch”");

        assertThat(manager.delete("/api/reports/templates/" + id + "?version=0").status()).as("stale version").isEqualTo(409);
        assertThat(manager.delete("/api/reports/templates/" + id + "?version=1").status()).isEqualTo(204);
        assertThat(ids(manager)).doesNotContain(id);
    }

    @Test
    void badSettingsAreRefusedInChineseAndNothingIsSaved() {
        var manager = ApiClient.loggedIn(port, "manager");
        int before = manager.get("/api/reports/templates").json().size();
        Map<String, Map<String, Object>> cases = Map.of(
                "请填写模板名称", Map.of("name", " ", "reportCode", "order-intake", "columns", List.of("orders"), "period", "THIS_MONTH"),
                "不能超过50个字", Map.of("name", "模".repeat(51), "reportCode", "order-intake", "columns", List.of("orders"), "period", "THIS_MONTH"),
                "没有编码为", Map.of("name", "甲", "reportCode", "nosuch", "columns", List.of("orders"), "period", "THIS_MONTH"),
                "没有列", Map.of("name", "乙", "reportCode", "order-intake", "columns", List.of("calls"), "period", "THIS_MONTH"),
                "不能按", Map.of("name", "丙", "reportCode", "order-intake", "columns", List.of("orders"), "by", "agent", "period", "THIS_MONTH"),
                "统计期间只能是", Map.of("name", "丁", "reportCode", "order-intake", "columns", List.of("orders"), "period", "YESTERDAY"),
                "不支持", Map.of("name", "戊", "reportCode", "order-intake", "columns", List.of("orders"), "period", "THIS_MONTH",
                        "filters", Map.of("channel", "FAX")),
                "请至少选择一列", Map.of("name", "己", "reportCode", "order-intake", "columns", List.of(), "period", "THIS_MONTH"));
        cases.forEach((words, body) -> {
            var r = manager.post("/api/reports/templates", body);
            assertThat(r.status()).as(words + ": " + r.body()).isEqualTo(400);
            assertThat(r.detail()).contains(words);
            assertThat(r.body()).doesNotContain("Exception");
        });
        assertThat(manager.get("/api/reports/templates").json().size()).isEqualTo(before);
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/reports/templates").status()).as("no report:read").isEqualTo(403);
    }

    private static List<Long> ids(ApiClient who) {
        var r = who.get("/api/reports/templates");
        assertThat(r.status()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        r.json().forEach(x -> ids.add(x.path("id").asLong()));
        return ids;
    }
}
