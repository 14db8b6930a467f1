package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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

    /**
     * Appeals no 派单目录 rule catches (a rule in first place is never followed automatically), each plainly one unit's
     * matter; the test dispatches the one the model is surest of, so that it does not depend on which orders other
     * tests closed before (they train the model too).
     */
    static final List<String> APPEALS = List.of(
            "楼下饭店油烟直排，熏得我家窗户都不敢开，油烟味太大了，饭店的油烟净化器根本没开。",
            "我的医保卡丢了，想补办一张新的医保卡，请问医疗保障局在哪里办理，需要带什么材料？",
            "孩子明年上小学，想问一下入学报名的时间和学区划分，教育局什么时候公布招生方案？",
            "小区门口那条路的路灯坏了一个多星期，晚上黑漆漆的，老人走路摔了好几次，没人来修。",
            "我在公司上班三个月了，老板一直拖欠工资不发，劳动合同也没签，想投诉这家公司。");
    static final String ANY = APPEALS.get(0);

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

    /** The appeal of {@link #APPEALS} whose first suggestion (the model's) has the highest confidence, with it. */
    private Map.Entry<String, Double> surest() {
        Map.Entry<String, Double> best = null;
        for (String appeal : APPEALS) {
            var r = agent.post("/api/work-orders/dispatch-suggestions", Map.of("title", "", "content", appeal,
                    "address", "东湖区湖滨街道湖滨路8号", "categoryId", category));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            var first = r.json().path("suggestions").get(0);
            if (first != null && "MODEL".equals(first.path("source").asString()) && first.path("confidence").isNumber()
                    && (best == null || first.path("confidence").asDouble() > best.getValue())) {
                best = Map.entry(appeal, first.path("confidence").asDouble());
            }
        }
        assertThat(best).as("a model suggestion with a confidence").isNotNull();
        return best;
    }

    private long take(String content) {
        Map<String, Object> body = new HashMap<>(f.order(content));
        body.put("categoryId", category);
        body.put("address", "东湖区湖滨街道湖滨路" + Math.floorMod(System.nanoTime(), 1000) + "号");
        return f.create(agent, body).path("id").asLong();
    }

    @Test
    void aConfidentSuggestionIsDispatchedAutomaticallyAndTheDispatcherCanUndoIt() {
        // the model trains once at start in the background: its calibration must not change under this test
        org.openhotline.testing.Wait.until("the dispatch model is trained",
                () -> manager.get("/api/work-orders/dispatch-model").json().path("trainedAt").isString(), java.time.Duration.ofMinutes(3));
        var surest = surest();
        assertThat(surest.getValue()).as("the surest appeal's calibrated confidence").isGreaterThanOrEqualTo(0.55);
        String appeal = surest.getKey();
        // off by default: the order waits for a dispatcher
        long waiting = take(appeal);
        assertThat(f.state(dispatcher, waiting)).isEqualTo("PENDING_DISPATCH");

        var set = manager.put("/api/dispatch-auto/categories/" + category, Map.of("threshold", 0.5));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        int before = manager.get("/api/dispatch-auto").json().path("accuracy").path("misdirected").asInt();

        long id = take(appeal);
        assertThat(f.state(dispatcher, id)).isEqualTo("HANDLING");
        String unitName = jdbc.sql("select unit_name from wo_assignment where work_order_id = ? and role = 'MAIN'").param(id)
                .query(String.class).single();
        var basis = jdbc.sql("select kind, rank, score, by_user from wo_dispatch_basis where work_order_id = ?").param(id)
                .query().singleRow();
        assertThat(basis.get("kind")).isEqualTo("AUTO");
        assertThat(basis.get("rank")).isEqualTo(1);
        assertThat(basis.get("by_user")).isEqualTo("system");
        assertThat((Double) basis.get("score")).isGreaterThanOrEqualTo(0.5);
        assertThat(f.timeline(id)).contains("auto-dispatched");
        assertThat(jdbc.sql("select note from wo_timeline where work_order_id = ? and action = 'auto-dispatched'").param(id)
                .query(String.class).single()).startsWith("自动派单").contains(unitName).contains("置信度");
        var seen = dispatcher.get("/api/work-orders/" + id + "/auto-dispatch");
        assertThat(seen.json().path("auto").asBoolean()).isTrue();
        assertThat(seen.json().path("dispatch").path("unitName").asString()).isEqualTo(unitName);

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
        long id = take(ANY);
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_DISPATCH");
        assertThat(jdbc.sql("select count(*) from wo_dispatch_basis where work_order_id = ?").param(id).query(Integer.class)
                .single()).isZero();

        var off = new HashMap<String, Object>();
        off.put("threshold", null);
        assertThat(manager.put("/api/dispatch-auto/categories/" + category, off).status()).isEqualTo(200);
        assertThat(f.state(dispatcher, take(ANY))).isEqualTo("PENDING_DISPATCH");
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
