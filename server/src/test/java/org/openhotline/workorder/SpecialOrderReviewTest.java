package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 18 特殊单审核: rules flag an order special; a second review by another person before dispatch and closing. */
@HotlineTest
class SpecialOrderReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> review(String gate, boolean approved, String reason) {
        return Map.of("gate", gate, "approved", approved, "reason", reason);
    }

    @Test
    void aSpecialOrderIsBlockedFromDispatchAndClosingUntilAnotherPersonReviewedIt() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        long id = f.created(agent, "小区违建问题已有电视台记者来采访，居民情绪激动");
        JsonNode special = agent.get("/api/work-orders/" + id + "/special").json();
        assertThat(special.path("special").asBoolean()).isTrue();
        assertThat(special.path("flags").toString()).contains("涉及媒体", "记者");
        assertThat(f.timeline(id)).contains("special-flagged");

        String dispatch = "/api/work-orders/" + id + "/dispatch";
        Map<String, Object> toZjj = Map.of("mainUnitId", f.unit("ZJJ"));
        var blocked = f.act(dispatcher, dispatch, toZjj);
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.detail()).contains("二次审核");
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_DISPATCH");

        // a refusal keeps it blocked, with the reason
        f.ok(supervisor, "/api/work-orders/" + id + "/special-review", review("DISPATCH", false, "请先核实是否涉及舆情"));
        assertThat(f.act(dispatcher, dispatch, toZjj).detail()).contains("请先核实是否涉及舆情");
        // the dispatcher approves, but then cannot be the one who dispatches
        f.ok(dispatcher, "/api/work-orders/" + id + "/special-review", review("DISPATCH", true, "已核实，可派单"));
        var same = f.act(dispatcher, dispatch, toZjj);
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.detail()).contains("不能同时派单");
        f.ok(supervisor, "/api/work-orders/" + id + "/special-review", review("DISPATCH", true, "同意派单"));
        f.ok(dispatcher, dispatch, toZjj);

        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已拆除违建"));
        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        String close = "/api/work-orders/" + id + "/callback";
        Map<String, Object> satisfied = Map.of("resolved", true, "satisfaction", "SATISFIED");
        assertThat(f.act(callback, close, satisfied).status()).isEqualTo(409);
        // the one who accepted the reply took the first step towards closing: not the second reviewer
        var self = f.act(dispatcher, "/api/work-orders/" + id + "/special-review", review("CLOSE", true, "同意办结"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.detail()).contains("以外的人员");
        f.ok(supervisor, "/api/work-orders/" + id + "/special-review", review("CLOSE", true, "处理结果已核实，同意办结"));
        f.ok(callback, close, satisfied);
        assertThat(f.state(callback, id)).isEqualTo("CLOSED");
        assertThat(f.timeline(id).stream().filter("special-reviewed"::equals).count()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'workorder.special-reviewed' and target = ?")
                .param("work-order:" + id).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anOrdinaryOrderNeedsNoReviewAndCannotGetOne() {
        var f = new OrderFixture(port, jdbc);
        long id = f.created(ApiClient.loggedIn(port, "agent2"), "路灯不亮");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        assertThat(f.act(supervisor, "/api/work-orders/" + id + "/special-review", review("DISPATCH", true, "x")).status())
                .isEqualTo(409);
        f.dispatch(ApiClient.loggedIn(port, "dispatcher1"), id, "ZJJ");
        var noReason = f.act(supervisor, "/api/work-orders/" + id + "/special-review", Map.of("gate", "CLOSE", "approved", true));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.detail()).contains("请填写审核理由");
    }

    @Test
    void theManagerEditsTheRulesAndARepeatedCallerIsFlagged() {
        var f = new OrderFixture(port, jdbc);
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent2");
        String word = "测试专用词" + Math.floorMod(System.nanoTime(), 100000);
        var created = manager.post("/api/work-orders/special-rules", Map.of("name", "测试规则", "kind", "KEYWORDS", "keywords", word));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long rule = created.json().path("id").asLong();
        try {
            long flagged = f.created(agent, "内容包含" + word);
            assertThat(agent.get("/api/work-orders/" + flagged + "/special").json().path("flags").toString()).contains("测试规则");
            int version = jdbc.sql("select version from wo_special_rule where id = ?").param(rule).query(Integer.class).single();
            var disabled = manager.put("/api/work-orders/special-rules/" + rule,
                    Map.of("name", "测试规则", "kind", "KEYWORDS", "keywords", word, "enabled", false, "version", version));
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            long plain = f.created(agent, "内容包含" + word);
            assertThat(agent.get("/api/work-orders/" + plain + "/special").json().path("special").asBoolean()).isFalse();
            // a stale version, an empty keyword rule, and a non-manager are refused
            assertThat(manager.put("/api/work-orders/special-rules/" + rule,
                    Map.of("name", "测试规则", "kind", "KEYWORDS", "keywords", word, "version", version)).status()).isEqualTo(409);
            assertThat(manager.post("/api/work-orders/special-rules", Map.of("name", "空", "kind", "KEYWORDS", "keywords", " "))
                    .status()).isEqualTo(422);
            assertThat(ApiClient.loggedIn(port, "dispatcher1").post("/api/work-orders/special-rules",
                    Map.of("name", "x", "kind", "CONFIDENTIAL")).status()).isEqualTo(403);
        } finally {
            manager.delete("/api/work-orders/special-rules/" + rule);
        }

        // the seeded rule: the same number more than 3 times in 30 days
        String phone = OrderFixture.phone();
        List<Boolean> special = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = new HashMap<>(f.order("第" + (i + 1) + "次反映噪音扰民"));
            body.put("callerPhone", phone);
            long id = f.create(agent, body).path("id").asLong();
            special.add(agent.get("/api/work-orders/" + id + "/special").json().path("special").asBoolean());
        }
        assertThat(special).containsExactly(false, false, false, true);
    }
}
