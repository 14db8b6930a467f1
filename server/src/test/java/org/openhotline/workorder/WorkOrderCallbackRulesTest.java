package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 回访 when the citizen cannot be reached (attempts counted, the manager's rule applied on the last one), the
 * callback record naming the person, and the handling unit's audited look at the citizen's number, which the
 * work-order settings switch on and off. Each test puts the settings back as it found them.
 */
@HotlineTest
class WorkOrderCallbackRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient zjj;
    ApiClient callback;
    ApiClient manager;
    Map<String, String> settingsBefore;

    @BeforeEach
    void logIn() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent3");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        zjj = ApiClient.loggedIn(port, "zjj1");
        callback = ApiClient.loggedIn(port, "callback1");
        manager = ApiClient.loggedIn(port, "manager");
        settingsBefore = new java.util.HashMap<>();
        jdbc.sql("select key, value from wo_setting").query(rs -> {
            settingsBefore.put(rs.getString(1), rs.getString(2));
        });
    }

    @AfterEach
    void restoreSettings() {
        settingsBefore.forEach((k, v) -> jdbc.sql("update wo_setting set value = ? where key = ?").params(v, k).update());
    }

    void settings(int maxAttempts, String whenExhausted, boolean unitsMayUnmask) {
        var r = manager.put("/api/work-orders/settings", Map.of("callbackMaxAttempts", maxAttempts,
                "callbackWhenExhausted", whenExhausted, "unitsMayUnmask", unitsMayUnmask));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    long waitingForCallback(String content) {
        long id = f.created(agent, content);
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已处理"));
        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        return id;
    }

    long callbacks(long id) {
        return jdbc.sql("select count(*) from wo_callback where work_order_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void unreachableAttemptsAreCountedAndTheLastClosesTheOrderOutsideTheSatisfactionFigures() {
        settings(3, "CLOSE", false);
        long id = waitingForCallback("楼道灯坏了没人修");
        String path = "/api/work-orders/" + id + "/callback-unreachable";
        f.ok(callback, path, Map.of("note", "无人接听"));
        f.ok(callback, path, Map.of("note", "关机"));
        var d = f.detail(dispatcher, id);
        assertThat(d.path("state").asString()).isEqualTo("PENDING_CALLBACK");
        assertThat(d.path("callbackAttempts").asInt()).isEqualTo(2);

        f.ok(callback, path, Map.of("note", "仍未接通"));
        d = f.detail(dispatcher, id);
        assertThat(d.path("state").asString()).isEqualTo("CLOSED");
        assertThat(d.path("callbackAttempts").asInt()).isEqualTo(3);
        assertThat(callbacks(id)).as("no satisfaction grade recorded").isZero();
        assertThat(f.timeline(id)).endsWith("callback-unreachable", "callback-unreachable", "callback-unreachable", "closed");
    }

    @Test
    void withTheSuperviseRuleTheLastAttemptHandsTheOrderToTheSupervisors() {
        settings(2, "SUPERVISE", false);
        long id = waitingForCallback("小区停车位被占");
        String path = "/api/work-orders/" + id + "/callback-unreachable";
        f.ok(callback, path, null);
        f.ok(callback, path, null);
        var d = f.detail(dispatcher, id);
        assertThat(d.path("supervised").asBoolean()).isTrue();
        assertThat(d.path("state").asString()).isEqualTo("PENDING_CALLBACK");
        assertThat(f.act(callback, path, null).status()).isEqualTo(409);
        // a reached citizen still closes it normally
        f.ok(callback, "/api/work-orders/" + id + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED"));
        assertThat(f.state(dispatcher, id)).isEqualTo("CLOSED");
    }

    @Test
    void onlyTheManagerChangesTheSettingsAndNonsenseIsRefusedInChinese() {
        assertThat(callback.put("/api/work-orders/settings", Map.of("callbackMaxAttempts", 5,
                "callbackWhenExhausted", "CLOSE", "unitsMayUnmask", true)).status()).isEqualTo(403);
        var tooMany = manager.put("/api/work-orders/settings", Map.of("callbackMaxAttempts", 99,
                "callbackWhenExhausted", "CLOSE", "unitsMayUnmask", false));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.detail()).contains("1 到 10");
        assertThat(callback.get("/api/work-orders/settings").json().path("callbackMaxAttempts").asInt())
                .isEqualTo(Integer.parseInt(settingsBefore.get("callback.max-attempts")));
    }

    @Test
    void aClosedOrdersUnitRowSaysClosedAndTheCallbackRecordNamesThePerson() {
        long id = waitingForCallback("路边井盖缺失");
        f.ok(callback, "/api/work-orders/" + id + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED"));
        var d = f.detail(dispatcher, id);
        assertThat(d.path("assignments").get(0).path("stateLabel").asString()).isEqualTo("已办结");
        assertThat(d.path("callbacks").get(0).path("byName").asString()).isEqualTo("回访员 罗佳怡");
    }

    @Test
    void timeLimitNotesShowNoRequirementDocumentIds() {
        var body = manager.get("/api/calendar/time-limits").body();
        assertThat(body).contains("受理后24小时内派单").doesNotContainPattern("（0\\d\\d）");
    }

    @Test
    void aHandlingUnitSeesTheNumberOnlyWhenAllowedWithAReasonAndAudited() {
        long id = f.created(agent, "家门口污水井冒水");
        String phone = org.openhotline.shared.crypto.PersonalData.open(jdbc.sql("select caller_phone from work_order where id = ?").param(id).query(String.class).single());
        f.dispatch(dispatcher, id, "ZJJ");
        String path = "/api/work-orders/" + id + "/caller/unit-unmask";

        settings(3, "CLOSE", false);
        assertThat(f.detail(zjj, id).path("mayUnitUnmask").asBoolean()).isFalse();
        var off = zjj.post(path, Map.of("reason", "需电话核实现场"));
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.detail()).contains("未开启");

        settings(3, "CLOSE", true);
        assertThat(f.detail(zjj, id).path("mayUnitUnmask").asBoolean()).isTrue();
        assertThat(zjj.post(path, Map.of("reason", " ")).status()).isEqualTo(400);
        var cgj = ApiClient.loggedIn(port, "cgj1");
        assertThat(cgj.post(path, Map.of("reason", "想看看")).status()).as("another unit's order").isEqualTo(403);

        var shown = zjj.post(path, Map.of("reason", "需电话核实现场"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("callerPhone").asString()).isEqualTo(phone);
        assertThat(f.detail(zjj, id).path("callerPhone").asString()).as("still masked afterwards").isNotEqualTo(phone);
        String number = f.detail(dispatcher, id).path("number").asString();
        var audit = jdbc.sql("""
                select actor || ' ' || coalesce(details::text, '') from audit_event
                 where action = 'workorder.caller-unmasked-by-unit' and target = ?""")
                .param("work-order:" + number).query(String.class).list();
        assertThat(audit).singleElement().asString().startsWith("zjj1").contains("需电话核实现场");
    }
}
