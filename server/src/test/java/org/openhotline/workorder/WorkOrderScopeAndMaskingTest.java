package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Units see only their orders; caller numbers are masked and unmasking is audited. */
@HotlineTest
class WorkOrderScopeAndMaskingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUnitSeesOrdersAssignedToItOrItsSubUnitsAndNeverASiblings() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long zjjOrder = f.created(agent, "住建局的工单 数据范围");
        long cgjSubOrder = f.created(agent, "城管执法支队的工单 数据范围");
        long undispatched = f.created(agent, "尚未派单的工单 数据范围");
        f.dispatch(dispatcher, zjjOrder, "ZJJ");
        f.dispatch(dispatcher, cgjSubOrder, "CGJ-ZFZD");

        var zjj = ApiClient.loggedIn(port, "zjj1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        assertThat(zjj.get("/api/work-orders/" + zjjOrder).status()).isEqualTo(200);
        assertThat(zjj.get("/api/work-orders/" + cgjSubOrder).status()).isEqualTo(404);
        assertThat(zjj.get("/api/work-orders/" + undispatched).status()).isEqualTo(404);
        assertThat(cgj.get("/api/work-orders/" + cgjSubOrder).status()).as("a parent unit sees its sub-unit's orders").isEqualTo(200);
        assertThat(cgj.get("/api/work-orders/" + zjjOrder).status()).isEqualTo(404);

        String q = "?q=" + java.net.URLEncoder.encode("数据范围", java.nio.charset.StandardCharsets.UTF_8) + "&size=200";
        var zjjList = zjj.get("/api/work-orders" + q).json();
        assertThat(zjjList.path("items").toString()).contains("\"id\":" + zjjOrder).doesNotContain("\"id\":" + cgjSubOrder)
                .doesNotContain("\"id\":" + undispatched);
        var hotline = dispatcher.get("/api/work-orders" + q).json();
        assertThat(hotline.path("items").toString()).contains("\"id\":" + zjjOrder, "\"id\":" + cgjSubOrder, "\"id\":" + undispatched);
        assertThat(cgj.get("/api/work-orders/unit-tasks?box=TO_SIGN&size=200").body()).contains("城管执法支队的工单");
        assertThat(zjj.get("/api/work-orders/unit-tasks?box=TO_SIGN&size=200").body()).doesNotContain("城管执法支队的工单");
    }

    @Test
    void unitsSeeMaskedNumbersAndUnmaskingIsADeliberateAuditedAct() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent2");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var body = f.order("号码脱敏测试");
        String phone = (String) body.get("callerPhone");
        long id = f.create(agent, body).path("id").asLong();
        f.dispatch(dispatcher, id, "ZJJ");
        var zjj = ApiClient.loggedIn(port, "zjj1");

        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        assertThat(zjj.get("/api/work-orders/" + id).json().path("callerPhone").asString()).isEqualTo(masked);
        assertThat(zjj.get("/api/work-orders/" + id).body()).doesNotContain(phone);
        assertThat(dispatcher.get("/api/work-orders/" + id).body()).doesNotContain(phone);
        assertThat(zjj.post("/api/work-orders/" + id + "/caller/unmask", null).status()).isEqualTo(403);

        var unmasked = dispatcher.post("/api/work-orders/" + id + "/caller/unmask", null);
        assertThat(unmasked.status()).isEqualTo(200);
        assertThat(unmasked.json().path("callerPhone").asString()).isEqualTo(phone);
        String number = unmasked.json().path("callerPhone").asString().isEmpty() ? "" : f.detail(dispatcher, id).path("number").asString();
        var audit = jdbc.sql("select actor from audit_event where action = 'workorder.caller-unmasked' and target = ?")
                .param("work-order:" + number).query(String.class).list();
        assertThat(audit).containsExactly("dispatcher1");
    }

    @Test
    void aConfidentialOrderHidesTheCallerFromUnits() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent2");
        var body = f.order("保密件：举报单位负责人违规");
        body.put("confidential", true);
        body.put("appealType", "REPORT");
        long id = f.create(agent, body).path("id").asLong();
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        // a confidential order is special (seeded rule 保密件): a second review before dispatch
        f.ok(ApiClient.loggedIn(port, "supervisor1"), "/api/work-orders/" + id + "/special-review",
                Map.of("gate", "DISPATCH", "approved", true, "reason", "保密件已核对"));
        f.dispatch(dispatcher, id, "ZJJ");
        var unit = ApiClient.loggedIn(port, "zjj1").get("/api/work-orders/" + id).json();
        assertThat(unit.path("callerName").asString()).isEqualTo("（保密）");
        assertThat(unit.path("callerPhone").isNull()).isTrue();
        assertThat(dispatcher.get("/api/work-orders/" + id).json().path("callerName").asString()).isEqualTo("王女士");
    }

    @Test
    void onlyRolesWithThePermissionTakeEachStep() {
        var f = new OrderFixture(port, jdbc);
        var zjj = ApiClient.loggedIn(port, "zjj1");
        assertThat(zjj.post("/api/work-orders", f.order("单位不能受理")).status()).isEqualTo(403);
        var agent = ApiClient.loggedIn(port, "agent2");
        long id = f.created(agent, "话务员不能派单");
        assertThat(agent.post("/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", f.unit("ZJJ"))).status()).isEqualTo(403);
        assertThat(agent.post("/api/work-orders/" + id + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED")).status())
                .isEqualTo(403);
        var invalid = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.detail()).contains("请填写诉求内容");
        var badEnum = agent.post("/api/work-orders", Map.of("channel", "FAX", "appealType", "COMPLAINT", "content", "x"));
        assertThat(badEnum.status()).isEqualTo(400);
    }
}
