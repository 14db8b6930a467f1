package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.workorder.internal.dispatch.suggest.ModelTraining;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Smart dispatch through the API: suggestions from the units' duties and the appeal's region, learning from an order
 * closed by a street office (and applying it to another street), and a 派单目录 rule that wins once published and is
 * recorded as the basis of the dispatch. The test's rule is removed and the catalogue republished at the end.
 */
@HotlineTest
class SmartDispatchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelTraining training;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient manager;

    @BeforeEach
    void setUp() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent3");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        manager = ApiClient.loggedIn(port, "manager");
    }

    private JsonNode suggest(String content, String address) {
        var r = agent.post("/api/work-orders/dispatch-suggestions", Map.of("title", "", "content", content, "address", address));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theDistrictUnitOfTheAppealsRegionIsSuggestedWithItsDuty() {
        var s = suggest("楼下饭店油烟直排，熏得我家窗户都不敢开", "西山区翠屏街道翠屏路18号");
        assertThat(s.path("region").path("name").asString()).isEqualTo("西山区 · 翠屏街道");
        JsonNode first = s.path("suggestions").get(0);
        assertThat(first.path("unitName").asString()).as(s.toString()).isEqualTo("西山区城市管理局");
        assertThat(first.path("reasons").toString()).contains("职责相符").contains("油烟").contains("属地");
        assertThat(s.path("suggestions").size()).isBetween(1, 3);
    }

    @Test
    void anOrderClosedByOneStreetOfficeTeachesTheModelForEveryStreet() {
        String text = "单元门口被人装了一排快递柜，老人轮椅推不进楼，找谁都说不归他管";
        long id = f.created(agent, text);
        f.dispatch(dispatcher, id, "DH-S01-BSC");
        var street = ApiClient.loggedIn(port, "dh_s01");
        long a = f.assignment(street, id, "DH-S01-BSC");
        f.ok(street, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(street, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已协调物业移走快递柜"));
        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        f.ok(ApiClient.loggedIn(port, "callback1"), "/api/work-orders/" + id + "/callback",
                Map.of("resolved", true, "satisfaction", "SATISFIED"));
        assertThat(f.state(dispatcher, id)).isEqualTo("CLOSED");

        var stats = training.retrain();
        assertThat(stats.examples()).isPositive();
        var s = suggest("我们楼单元门口装了快递柜，轮椅推不进去", "南城区古城街道古城第一社区");
        JsonNode first = s.path("suggestions").get(0);
        assertThat(first.path("unitName").asString()).isEqualTo("古城街道办事处");
        assertThat(first.path("source").asString()).isEqualTo("MODEL");
        assertThat(first.path("similarOrders").findValuesAsString("id")).isNotNull();
        assertThat(first.path("similarOrders").toString()).contains("\"id\":" + id);
    }

    @Test
    void aPublishedRuleWinsOverTheModelAndTheDispatchRecordsIt() {
        String word = "测试派单词" + System.nanoTime() % 100000;
        long sbj = f.unit("SBJ");
        Map<String, Object> rule = new HashMap<>(Map.of("name", "测试规则 " + word, "keywords", List.of(word),
                "mainUnitId", sbj, "note", "测试用"));
        assertThat(agent.post("/api/dispatch-catalogue/rules", rule).status()).isEqualTo(403);
        var invalid = manager.post("/api/dispatch-catalogue/rules", Map.of("name", "无条件", "mainUnitId", sbj));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.detail()).contains("分类或关键词");
        var created = manager.post("/api/dispatch-catalogue/rules", rule);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long ruleId = created.json().path("id").asLong();
        int version = created.json().path("version").asInt();
        try {
            var trial = manager.post("/api/dispatch-catalogue/trial?days=30", rule);
            assertThat(trial.status()).as(trial.body()).isEqualTo(200);
            assertThat(trial.json().path("matched").asInt()).isZero();

            String text = "小区门口" + word + "的问题，麻烦尽快处理";
            assertThat(suggest(text, "东湖区").path("suggestions").toString()).doesNotContain("\"ruleId\":" + ruleId);
            var published = manager.post("/api/dispatch-catalogue/publish", Map.of("note", "测试发布"));
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            int catalogueVersion = published.json().path("version").asInt();

            JsonNode first = suggest(text, "东湖区").path("suggestions").get(0);
            assertThat(first.path("unitId").asLong()).isEqualTo(sbj);
            assertThat(first.path("source").asString()).isEqualTo("RULE");
            assertThat(first.path("reasons").get(0).asString()).contains(word);

            long id = f.created(agent, text);
            var dispatched = dispatcher.post("/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", sbj,
                    "version", f.version(id), "basis", Map.of("kind", "RULE", "ruleId", ruleId, "catalogueVersion", catalogueVersion)));
            assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
            var basis = jdbc.sql("select kind, rule_id, catalogue_version from wo_dispatch_basis where work_order_id = ?")
                    .param(id).query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getInt(3)).single();
            assertThat(basis).isEqualTo("RULE/" + ruleId + "/" + catalogueVersion);

            var stale = manager.put("/api/dispatch-catalogue/rules/" + ruleId, rule.entrySet().stream()
                    .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll));
            assertThat(stale.status()).isEqualTo(400);
            Map<String, Object> edit = new HashMap<>(rule);
            edit.put("version", version + 5);
            assertThat(manager.put("/api/dispatch-catalogue/rules/" + ruleId, edit).status()).isEqualTo(409);
        } finally {
            int current = jdbc.sql("select version from wo_dispatch_rule where id = ?").param(ruleId).query(Integer.class).single();
            assertThat(manager.delete("/api/dispatch-catalogue/rules/" + ruleId + "?version=" + current).status()).isEqualTo(200);
            assertThat(manager.post("/api/dispatch-catalogue/publish", Map.of("note", "撤下测试规则")).status()).isEqualTo(200);
        }
    }

    @Test
    void anEmptyAppealOrAUnitHandlerIsRefused() {
        var empty = agent.post("/api/work-orders/dispatch-suggestions", Map.of("title", " ", "content", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.detail()).contains("请填写");
        var unit = ApiClient.loggedIn(port, "zjj1").post("/api/work-orders/dispatch-suggestions", Map.of("content", "停水"));
        assertThat(unit.status()).isEqualTo(403);
    }

    @Test
    void theManagerReadsTheModelsRecentAccuracyAUnitHandlerMayNot() {
        var r = manager.get("/api/work-orders/dispatch-model");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("recentTop1")).isTrue();
        assertThat(r.json().get("recentTop3").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.json().get("recentTop3").asDouble()).isGreaterThanOrEqualTo(r.json().get("recentTop1").asDouble());
        // what auto-dispatch above each score would have taken of the recent orders: less the higher the score
        var curve = r.json().get("byConfidence");
        assertThat(curve.size()).isEqualTo(5);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).get("share").asDouble()).isLessThanOrEqualTo(curve.get(i - 1).get("share").asDouble());
            assertThat(curve.get(i).get("top1").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(ApiClient.loggedIn(port, "zjj1").get("/api/work-orders/dispatch-model").status()).isEqualTo(403);
    }
}
