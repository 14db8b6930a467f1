package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every step a user takes on an order carries the version the user saw: without it the step is refused (400), with
 * an old one it is refused (409), and in both cases nothing changes. Also the hotline's steps that end an order
 * without a unit (forward, direct reply) and the difficult-order flag, each judged by what the order shows after.
 */
@HotlineTest
class WorkOrderStepVersionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient zjj;
    ApiClient callback;

    @BeforeEach
    void logIn() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent2");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        zjj = ApiClient.loggedIn(port, "zjj1");
        callback = ApiClient.loggedIn(port, "callback1");
    }

    @Test
    void aReplyWithoutVersionIsRefusedAndAStaleOneConflicts() {
        long id = f.created(agent, "小区门口下水道堵塞污水外溢");
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        String path = "/api/work-orders/" + id + "/assignments/" + a + "/reply";
        int seen = f.version(id);

        var missing = zjj.post(path, Map.of("text", "已疏通"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.detail()).startsWith("缺少版本号");
        assertThat(missing.body()).doesNotContain("java.");

        var stale = zjj.post(path, Map.of("text", "已疏通", "version", seen - 1));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.detail()).contains("已被他人处理");
        assertThat(f.timeline(id)).containsExactly("created", "dispatched", "signed");

        assertThat(zjj.post(path, Map.of("text", "已疏通", "version", seen)).status()).isEqualTo(200);
        assertThat(f.state(dispatcher, id)).isEqualTo("REPLY_REVIEW");
    }

    @Test
    void aCallbackWithoutVersionIsRefusedAndAStaleOneConflicts() {
        long id = replied("路灯不亮已经一周了");
        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        String path = "/api/work-orders/" + id + "/callback";
        int seen = f.version(id);

        var missing = callback.post(path, Map.of("resolved", true, "satisfaction", "SATISFIED"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.detail()).startsWith("缺少版本号");

        var stale = callback.post(path, Map.of("resolved", true, "satisfaction", "SATISFIED", "version", seen - 1));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_CALLBACK");
        assertThat(jdbc.sql("select count(*) from wo_callback where work_order_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void everyOtherStepWithAVersionFieldAlsoRequiresIt() {
        long id = f.created(agent, "噪音扰民，多次反映无果");
        Map<String, Map<String, Object>> steps = Map.of(
                "urge", Map.of("note", "再次来电"),
                "supplement", Map.of("text", "补充：晚上十点后仍在施工"),
                "send-for-review", Map.of(),
                "difficult", Map.of(),
                "forward", Map.of("platform", "PROVINCE"),
                "direct-reply", Map.of("text", "已解答"),
                "dispatch", Map.of("mainUnitId", f.unit("ZJJ")));
        steps.forEach((step, body) -> {
            ApiClient who = step.equals("urge") || step.equals("supplement") ? agent : dispatcher;
            var r = who.post("/api/work-orders/" + id + "/" + step, body);
            assertThat(r.status()).as(step + " → " + r.body()).isEqualTo(400);
            assertThat(r.detail()).as(step).startsWith("缺少版本号");
        });
        assertThat(f.timeline(id)).containsExactly("created");
    }

    @Test
    void forwardingHandsTheOrderToTheProvincialPlatformAndEndsLocalHandling() {
        long id = f.created(agent, "跨市医保转移接续问题");
        f.ok(dispatcher, "/api/work-orders/" + id + "/forward", Map.of("platform", "PROVINCE", "note", "属省级事权"));
        var d = f.detail(dispatcher, id);
        assertThat(d.path("state").asString()).isEqualTo("FORWARDED");
        assertThat(d.path("forwardedTo").asString()).isNotBlank();
        assertThat(f.timeline(id)).containsExactly("created", "forwarded");
        var dispatchAfter = f.act(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", f.unit("ZJJ")));
        assertThat(dispatchAfter.status()).isEqualTo(409);
    }

    @Test
    void aDirectReplyClosesTheOrderWithTheAnswerKept() {
        long id = f.created(agent, "询问公积金提取需要哪些材料");
        f.ok(agent, "/api/work-orders/" + id + "/direct-reply", Map.of("text", "携带身份证和购房合同到公积金中心办理"));
        var d = f.detail(dispatcher, id);
        assertThat(d.path("state").asString()).isEqualTo("CLOSED");
        assertThat(d.path("directReply").asString()).isEqualTo("携带身份证和购房合同到公积金中心办理");
        assertThat(d.path("closedAt").isNull()).isFalse();
        var empty = f.act(agent, "/api/work-orders/" + id + "/direct-reply", Map.of("text", " "));
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void markingAnOrderDifficultFlagsItOnTheOrderAndTheBoard() {
        long id = f.created(agent, "历史遗留的房屋产权纠纷");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        long before = supervisor.get("/api/work-orders/board").json().path("difficult").asLong();
        f.ok(dispatcher, "/api/work-orders/" + id + "/difficult", Map.of("note", "涉及多个部门"));
        assertThat(f.detail(dispatcher, id).path("difficult").asBoolean()).isTrue();
        assertThat(f.timeline(id)).contains("difficult");
        assertThat(supervisor.get("/api/work-orders/board").json().path("difficult").asLong()).isGreaterThan(before);
    }

    private long replied(String content) {
        long id = f.created(agent, content);
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        var body = new HashMap<String, Object>(Map.of("text", "已处理"));
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", body);
        return id;
    }
}
