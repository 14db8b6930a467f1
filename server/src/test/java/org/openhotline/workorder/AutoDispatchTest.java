package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 自动派单 through the API: a manager sets a threshold for a category of this test's own (the global switch stays
 * off, so no other test's order is dispatched automatically), an order of that category is taken and goes straight
 * to the suggested unit, marked 自动派单 with its confidence; the dispatcher undoes it and the live accuracy counts
 * the miss. Without a threshold, or above the confidence, the order waits for a dispatcher.
 */
@HotlineTest
class AutoDispatchTest {

    /** A gas leak: the demo city's duties name 燃气集团 for it, and the model is sure of it even without history. */
    static final String GAS = "我家楼道里燃气泄漏，一直闻到很浓的煤气味，燃气管道可能漏气了，请燃气公司赶紧派人来检修。";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient manager;
    long category;

    @BeforeEach
    void setUp() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent3");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        manager = ApiClient.loggedIn(port, "manager");
        var created = manager.post("/api/work-orders/categories", Map.of("name", "自动派单测试" + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        category = created.json().path("id").asLong();
    }

    @AfterEach
    void removeOwnRows() {
        jdbc.sql("delete from wo_dispatch_auto_category where category_id = ?").param(category).update();
    }

    private long take(String content) {
        Map<String, Object> body = new HashMap<>(f.order(content));
        body.put("categoryId", category);
        body.put("address", "东湖区湖滨街道湖滨路" + Math.floorMod(System.nanoTime(), 1000) + "号");
        return f.create(agent, body).path("id").asLong();
    }

    private double confidenceOf(String content) {
        var r = agent.post("/api/work-orders/dispatch-suggestions", Map.of("title", "", "content", content, "categoryId", category));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var first = r.json().path("suggestions").get(0);
        assertThat(first.path("source").asString()).isEqualTo("MODEL");
        assertThat(first.path("unitName").asString()).contains("燃气");
        return first.path("confidence").asDouble();
    }

    @Test
    void aConfidentSuggestionIsDispatchedAutomaticallyAndTheDispatcherCanUndoIt() {
        double confidence = confidenceOf(GAS);
        assertThat(confidence).as("the gas leak's calibrated confidence").isGreaterThanOrEqualTo(0.55);
        // off by default: the order waits for a dispatcher
        long waiting = take(GAS);
        assertThat(f.state(dispatcher, waiting)).isEqualTo("PENDING_DISPATCH");

        var set = manager.put("/api/dispatch-auto/categories/" + category, Map.of("threshold", 0.5));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        int before = manager.get("/api/dispatch-auto").json().path("accuracy").path("misdirected").asInt();

        long id = take(GAS);
        assertThat(f.state(dispatcher, id)).isEqualTo("HANDLING");
        assertThat(jdbc.sql("select unit_name from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(String.class).single()).contains("燃气");
        var basis = jdbc.sql("select kind, rank, score, by_user from wo_dispatch_basis where work_order_id = ?").param(id)
                .query().singleRow();
        assertThat(basis.get("kind")).isEqualTo("AUTO");
        assertThat(basis.get("rank")).isEqualTo(1);
        assertThat((Double) basis.get("score")).isGreaterThanOrEqualTo(0.5);
        assertThat(f.timeline(id)).contains("auto-dispatched");
        assertThat(jdbc.sql("select note from wo_timeline where work_order_id = ? and action = 'auto-dispatched'").param(id)
                .query(String.class).single()).startsWith("自动派单").contains("燃气").contains("置信度");
        var seen = dispatcher.get("/api/work-orders/" + id + "/auto-dispatch");
        assertThat(seen.json().path("auto").asBoolean()).isTrue();
        assertThat(seen.json().path("dispatch").path("unitName").asString()).contains("燃气");

        // a unit handler may not undo it; the dispatcher may, once
        assertThat(f.act(ApiClient.loggedIn(port, "zjj1"), "/api/work-orders/" + id + "/undo-auto-dispatch", Map.of()).status())
                .isEqualTo(403);
        var undone = f.act(dispatcher, "/api/work-orders/" + id + "/undo-auto-dispatch", Map.of("note", "应由属地处理"));
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_DISPATCH");
        assertThat(f.timeline(id)).endsWith("auto-dispatch-undone");
        assertThat(jdbc.sql("select state from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(String.class).single()).isEqualTo("RETURNED");
        var again = f.act(dispatcher, "/api/work-orders/" + id + "/undo-auto-dispatch", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("不是自动派单");

        // the undo counts as a miss of auto-dispatch
        var overview = manager.get("/api/dispatch-auto").json();
        assertThat(overview.path("accuracy").path("misdirected").asInt()).isEqualTo(before + 1);
        assertThat(overview.path("settings").path("categories").toString()).contains("\"categoryId\":" + category);
    }

    @Test
    void aThresholdAboveTheConfidenceOrOffForTheCategoryLeavesTheOrderToTheDispatcher() {
        assertThat(manager.put("/api/dispatch-auto/categories/" + category, Map.of("threshold", 1.0)).status()).isEqualTo(200);
        long id = take(GAS);
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_DISPATCH");
        assertThat(jdbc.sql("select count(*) from wo_dispatch_basis where work_order_id = ?").param(id).query(Integer.class)
                .single()).isZero();

        var off = new HashMap<String, Object>();
        off.put("threshold", null);
        assertThat(manager.put("/api/dispatch-auto/categories/" + category, off).status()).isEqualTo(200);
        assertThat(f.state(dispatcher, take(GAS))).isEqualTo("PENDING_DISPATCH");
    }

    @Test
    void theManagerSeesTheValidationCurveAndBadThresholdsAreRefused() {
        var overview = manager.get("/api/dispatch-auto");
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        assertThat(overview.json().path("settings").path("globalThreshold").isNull()).as("off by default").isTrue();
        var curve = overview.json().path("curve");
        assertThat(curve.size()).isEqualTo(11);
        assertThat(curve.get(0).path("threshold").asDouble()).isEqualTo(0.5);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).path("share").asDouble()).isLessThanOrEqualTo(curve.get(i - 1).path("share").asDouble());
        }

        var low = manager.put("/api/dispatch-auto/categories/" + category, Map.of("threshold", 0.3));
        assertThat(low.status()).isEqualTo(422);
        assertThat(low.detail()).contains("0.5 到 1");
        int version = overview.json().path("settings").path("version").asInt();
        var stale = manager.put("/api/dispatch-auto/global", Map.of("threshold", 0.9, "version", version + 7));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(manager.put("/api/dispatch-auto/categories/99999999", Map.of("threshold", 0.9)).status()).isEqualTo(404);
        assertThat(agent.get("/api/dispatch-auto").status()).isEqualTo(403);
        assertThat(agent.put("/api/dispatch-auto/categories/" + category, Map.of("threshold", 0.9)).status()).isEqualTo(403);
    }
}
