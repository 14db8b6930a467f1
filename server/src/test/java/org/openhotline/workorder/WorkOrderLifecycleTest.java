package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole life of orders through the HTTP API, each step by the role that takes it. */
@HotlineTest
class WorkOrderLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openhotline.calendar.BusinessCalendar calendar;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient zjj;
    ApiClient callback;

    @BeforeEach
    void logIn() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent1");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        zjj = ApiClient.loggedIn(port, "zjj1");
        callback = ApiClient.loggedIn(port, "callback1");
    }

    @Test
    void takenDispatchedSignedRepliedAcceptedCalledBackAndClosed() {
        var created = f.create(agent, f.order("小区旁工地夜间施工噪音扰民，凌晨两点还在打桩"));
        long id = created.path("id").asLong();
        assertThat(created.path("number").asString()).matches("\\d{14}");
        assertThat(created.path("state").asString()).isEqualTo("PENDING_DISPATCH");

        f.dispatch(dispatcher, id, "ZJJ", "CGJ");
        var detail = f.detail(dispatcher, id);
        assertThat(detail.path("state").asString()).isEqualTo("HANDLING");
        assertThat(detail.path("assignments")).hasSize(2);
        var main = detail.path("assignments").get(0);
        assertThat(main.path("role").asString()).isEqualTo("MAIN");
        assertThat(Instant.parse(main.path("signDueAt").asString())).isAfter(Instant.now().plusSeconds(23 * 3600));
        assertThat(Instant.parse(main.path("handleDueAt").asString())).isAfter(Instant.now().plusSeconds(14 * 86400));

        long a = f.assignment(zjj, id, "ZJJ");
        assertThat(zjj.get("/api/work-orders/unit-tasks?box=TO_SIGN&size=200").body()).contains(created.path("number").asString());
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        // The unit finds the rule in the knowledge base and cites it: the article is one the server found, not an id
        // made up by the test, and the citation is counted by the knowledge base against this order.
        String number = created.path("number").asString();
        long article = zjj.get("/api/knowledge/search?q=" + java.net.URLEncoder.encode("夜间施工噪音",
                java.nio.charset.StandardCharsets.UTF_8)).json().path("items").get(0).path("id").asLong();
        var citation = zjj.post("/api/knowledge/articles/" + article + "/citations",
                Map.of("context", "UNIT_REPLY", "ref", number));
        assertThat(citation.status()).isEqualTo(201);
        assertThat(citation.json().path("answer").asString()).contains("施工");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply",
                Map.of("text", "已责令施工单位停止夜间施工并处罚款", "citedArticleIds", List.of(article)));
        assertThat(f.state(dispatcher, id)).isEqualTo("REPLY_REVIEW");

        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_CALLBACK");
        assertThat(f.detail(dispatcher, id).path("stageDueAt").isNull()).isFalse();

        f.ok(callback, "/api/work-orders/" + id + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED", "note", "群众表示满意"));
        var closed = f.detail(dispatcher, id);
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("callbacks").get(0).path("satisfactionLabel").asString()).isEqualTo("满意");
        assertThat(f.timeline(id)).containsExactly("created", "collaboration", "signed", "replied", "reply-accepted",
                "callback", "closed");
        var actors = jdbc.sql("select actor from wo_timeline where work_order_id = ? order by id").param(id)
                .query(String.class).list();
        assertThat(actors).containsExactly("agent1", "dispatcher1", "zjj1", "zjj1", "dispatcher1", "callback1", "callback1");
        var unitRow = StreamSupport.stream(f.detail(dispatcher, id).path("assignments").spliterator(), false)
                .filter(r -> r.path("id").asLong() == a).findFirst().orElseThrow();
        assertThat(unitRow.path("citedArticleIds").get(0).asLong()).isEqualTo(article);
        assertThat(jdbc.sql("select count(*) from kb_citation where article_id = ? and context = 'UNIT_REPLY' and context_ref = ?")
                .params(article, number).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStepTheStateDoesNotAllowIsRefusedInChineseAndChangesNothing() {
        long id = f.created(agent, "路灯不亮已经一周了");
        var tooEarly = f.act(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.detail()).isEqualTo("工单当前待派单，不能审核答复");
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        var replyUnsigned = f.act(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已修复"));
        assertThat(replyUnsigned.status()).isEqualTo(409);
        assertThat(replyUnsigned.detail()).contains("请先签收");
        var again = f.act(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", f.unit("CGJ")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(f.timeline(id)).containsExactly("created", "dispatched");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        var notMine = f.act(cgj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        assertThat(notMine.status()).isEqualTo(404);
    }

    @Test
    void aUnitAsksToReturnAndTheHotlineApprovesSoTheOrderWaitsForDispatchAgain() {
        long id = f.created(agent, "孩子入学政策咨询，户籍在外地");
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/return-request", Map.of("reason", "入学政策属教育局职责"));
        var twice = f.act(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/extension-request",
                Map.of("amount", 2, "unit", "WORKING_DAYS", "reason", "x"));
        assertThat(twice.status()).isEqualTo(409);
        var pending = dispatcher.get("/api/work-orders/requests?kind=RETURN").json();
        long requestId = -1;
        for (var r : pending) {
            if (r.path("workOrderId").asLong() == id) {
                requestId = r.path("id").asLong();
            }
        }
        assertThat(requestId).isPositive();
        f.ok(dispatcher, "/api/work-orders/" + id + "/requests/" + requestId + "/decision", Map.of("approve", true, "note", "改派教育局"));
        assertThat(f.state(dispatcher, id)).isEqualTo("PENDING_DISPATCH");
        var decidedAgain = f.act(dispatcher, "/api/work-orders/" + id + "/requests/" + requestId + "/decision", Map.of("approve", false));
        assertThat(decidedAgain.status()).isEqualTo(409);
        f.dispatch(dispatcher, id, "JYJ");
        assertThat(f.timeline(id)).containsExactly("created", "dispatched", "return-requested", "return-approved", "dispatched");
    }

    @Test
    void aRejectedReturnGoesBackToTheUnitAndAnApprovedExtensionMovesTheDeadline() {
        long id = f.created(agent, "物业公司擅自提高物业费");
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/return-request", Map.of("reason", "不是我们的"));
        long rid = jdbc.sql("select id from wo_request where assignment_id = ?").param(a).query(Long.class).single();
        f.ok(dispatcher, "/api/work-orders/" + id + "/requests/" + rid + "/decision", Map.of("approve", false, "note", "物业收费属住建职责"));
        assertThat(f.detail(zjj, id).path("assignments").get(0).path("state").asString()).isEqualTo("PENDING_SIGN");

        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        Instant before = Instant.parse(f.detail(zjj, id).path("assignments").get(0).path("handleDueAt").asString());
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/extension-request",
                Map.of("amount", 5, "unit", "WORKING_DAYS", "reason", "需要召开业主大会"));
        long ext = jdbc.sql("select id from wo_request where assignment_id = ? and kind = 'EXTENSION'").param(a).query(Long.class).single();
        f.ok(dispatcher, "/api/work-orders/" + id + "/requests/" + ext + "/decision", Map.of("approve", true));
        Instant after = Instant.parse(f.detail(zjj, id).path("assignments").get(0).path("handleDueAt").asString());
        assertThat(after).isAfter(before.plusSeconds(5 * 86400));
        var timerDeadline = jdbc.sql("select max(deadline_at) from calendar_timer where subject_type = 'wo.handle' and subject_id = ? and fired_at is null")
                .param(a).query(java.time.OffsetDateTime.class).single();
        assertThat(timerDeadline.toInstant()).isEqualTo(after);
        // Lists sort by the stored due date: the approval moved it with the deadline.
        assertThat(jdbc.sql("select due_at from work_order where id = ?").param(id).query(java.time.OffsetDateTime.class)
                .single().toInstant()).isEqualTo(after);
    }

    @Test
    void dissatisfiedReopensToTheUnitAndTwiceMakesADifficultOrder() {
        long id = f.created(agent, "楼上漏水到我家，物业不管");
        f.dispatch(dispatcher, id, "ZJJ");
        for (int round = 1; round <= 2; round++) {
            long a = f.assignment(zjj, id, "ZJJ");
            if (round == 1) {
                f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
            }
            f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已协调物业维修 第" + round + "次"));
            f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
            f.ok(callback, "/api/work-orders/" + id + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
            if (round == 1) {
                assertThat(f.state(dispatcher, id)).isEqualTo("HANDLING");
            }
        }
        var d = f.detail(dispatcher, id);
        assertThat(d.path("state").asString()).isEqualTo("PENDING_DISPATCH");
        assertThat(d.path("difficult").asBoolean()).isTrue();
        assertThat(d.path("dissatisfiedCount").asInt()).isEqualTo(2);
        assertThat(f.timeline(id)).contains("reopened", "difficult");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        assertThat(supervisor.get("/api/work-orders?difficult=true&size=200").body()).contains(d.path("number").asString());
    }

    @Test
    void aReplySentBackByTheReviewerReturnsToTheUnit() {
        long id = f.created(agent, "公交车司机服务态度差");
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已处理"));
        var noReason = f.act(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", false));
        assertThat(noReason.status()).isEqualTo(422);
        f.ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", false, "note", "答复过于简单，请说明处理结果"));
        assertThat(f.state(dispatcher, id)).isEqualTo("HANDLING");
        assertThat(f.detail(zjj, id).path("assignments").get(0).path("state").asString()).isEqualTo("HANDLING");
    }

    @Test
    void intakeFinishesByDirectReplyReviewForwardOrDispatch() {
        var direct = f.order("公积金提取需要什么材料");
        direct.put("appealType", "CONSULTATION");
        direct.put("finish", Map.of("mode", "DIRECT_REPLY", "reply", "携带身份证和购房合同到公积金中心办理"));
        var d = f.create(agent, direct);
        assertThat(d.path("state").asString()).isEqualTo("CLOSED");

        var review = f.order("举报某餐馆使用地沟油");
        review.put("finish", Map.of("mode", "REVIEW", "note", "举报件需审核"));
        long reviewed = f.create(agent, review).path("id").asLong();
        assertThat(f.state(dispatcher, reviewed)).isEqualTo("PENDING_REVIEW");
        f.ok(dispatcher, "/api/work-orders/" + reviewed + "/review-approve", Map.of("note", "同意派单"));
        assertThat(f.state(dispatcher, reviewed)).isEqualTo("PENDING_DISPATCH");

        var forward = f.order("外省高速公路收费问题");
        forward.put("finish", Map.of("mode", "FORWARD", "platform", "PROVINCE"));
        assertThat(f.create(agent, forward).path("state").asString()).isEqualTo("FORWARDED");

        var collaboration = f.order("河道污染，沿岸餐馆直排污水");
        collaboration.put("finish", Map.of("mode", "COLLABORATION", "mainUnitId", f.unit("SBJ"),
                "assistingUnitIds", List.of(f.unit("CGJ"), f.unit("SCJ"))));
        long collab = f.create(agent, collaboration).path("id").asLong();
        assertThat(f.detail(dispatcher, collab).path("assignments")).hasSize(3);

        var noUnit = f.order("无主办单位");
        noUnit.put("finish", Map.of("mode", "DISPATCH"));
        var refused = agent.post("/api/work-orders", noUnit);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).isEqualTo("请选择主办单位");
        assertThat(jdbc.sql("select count(*) from work_order where content = '无主办单位'").query(Long.class).single()).isZero();
    }

    @Test
    void theCitizenUrgesSupplementsAndWithdraws() {
        long id = f.created(agent, "小区垃圾三天没人清运");
        f.ok(agent, "/api/work-orders/" + id + "/urge", Map.of("note", "群众再次来电"));
        f.ok(agent, "/api/work-orders/" + id + "/urge", Map.of());
        f.ok(agent, "/api/work-orders/" + id + "/supplement", Map.of("text", "垃圾桶在3栋楼下"));
        var d = f.detail(dispatcher, id);
        assertThat(d.path("urgeCount").asInt()).isEqualTo(2);
        assertThat(d.path("content").asString()).contains("垃圾桶在3栋楼下");
        f.ok(agent, "/api/work-orders/" + id + "/withdraw", Map.of("text", "问题已自行解决"));
        assertThat(f.state(dispatcher, id)).isEqualTo("WITHDRAWN");
        var late = f.act(agent, "/api/work-orders/" + id + "/urge", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.detail()).isEqualTo("工单已撤单，不能催单");
    }

    @Test
    void aDuplicateIsOfferedAtIntakeAndMerged() {
        var body = f.order("翠屏小区门口井盖缺失，很危险");
        long first = f.create(agent, body).path("id").asLong();
        var dupes = agent.get("/api/work-orders/duplicates?phone=" + body.get("callerPhone")).json();
        assertThat(dupes.toString()).contains("\"id\":" + first);
        var byText = agent.get("/api/work-orders/duplicates?text=" + java.net.URLEncoder.encode("翠屏小区门口井盖缺失", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(byText.toString()).contains("\"id\":" + first);
        long second = f.create(agent, body).path("id").asLong();
        var history = agent.get("/api/work-orders/caller-history?phone=" + body.get("callerPhone")).json();
        assertThat(history).hasSize(2);
        var merge = dispatcher.post("/api/work-orders/" + second + "/merge", Map.of("intoId", first));
        assertThat(merge.status()).as(merge.body()).isEqualTo(200);
        assertThat(f.state(dispatcher, second)).isEqualTo("MERGED");
        var target = f.detail(dispatcher, first);
        assertThat(target.path("urgeCount").asInt()).isEqualTo(1);
        assertThat(f.timeline(first)).contains("merged-in");
    }

    @Test
    void aWorkstationSignsAndRedispatchesToItsDistrictUnits() {
        long id = f.created(agent, "东湖街道某小区违章搭建");
        f.dispatch(dispatcher, id, "DH-WS");
        var ws = ApiClient.loggedIn(port, "dh_ws1");
        long a = f.assignment(ws, id, "DH-WS");
        f.ok(ws, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        var outside = f.act(ws, "/api/work-orders/" + id + "/assignments/" + a + "/redispatch", Map.of("mainUnitId", f.unit("ZJJ")));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.detail()).contains("不在本工作站辖区内");
        f.ok(ws, "/api/work-orders/" + id + "/assignments/" + a + "/redispatch",
                Map.of("mainUnitId", f.unit("DH-S01-BSC"), "assistingUnitIds", List.of(f.unit("DH-CGJ"))));
        var street = ApiClient.loggedIn(port, "dh_s01");
        long sa = f.assignment(street, id, "DH-S01-BSC");
        f.ok(street, "/api/work-orders/" + id + "/assignments/" + sa + "/sign", null);
        f.ok(street, "/api/work-orders/" + id + "/assignments/" + sa + "/reply", Map.of("text", "已拆除违建"));
        assertThat(f.state(dispatcher, id)).isEqualTo("REPLY_REVIEW");
        assertThat(f.detail(ws, id).path("assignments").get(0).path("state").asString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void aUnitHandsPartToItsSubUnitAndRepliesToSeveralOrdersAtOnce() {
        long id1 = f.created(agent, "物业不作为 一");
        long id2 = f.created(agent, "物业不作为 二");
        f.dispatch(dispatcher, id1, "ZJJ");
        f.dispatch(dispatcher, id2, "ZJJ");
        long a1 = f.assignment(zjj, id1, "ZJJ");
        long a2 = f.assignment(zjj, id2, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id1 + "/assignments/" + a1 + "/sign", null);
        var toSibling = f.act(zjj, "/api/work-orders/" + id1 + "/assignments/" + a1 + "/handover",
                Map.of("unitId", f.unit("CGJ"), "dueAt", Instant.now().plusSeconds(86400).toString()));
        assertThat(toSibling.status()).isEqualTo(422);
        f.ok(zjj, "/api/work-orders/" + id1 + "/assignments/" + a1 + "/handover",
                Map.of("unitId", f.unit("ZJJ-WYK"), "dueAt", Instant.now().plusSeconds(86400).toString(), "instruction", "请物业科核实"));
        assertThat(f.detail(zjj, id1).path("assignments")).hasSize(2);

        var halfDone = zjj.post("/api/work-orders/batch-reply", Map.of("text", "已约谈物业公司",
                "items", List.of(Map.of("workOrderId", id1, "assignmentId", a1), Map.of("workOrderId", id2, "assignmentId", a2))));
        assertThat(halfDone.status()).isEqualTo(409);
        assertThat(halfDone.detail()).contains("请先签收");
        assertThat(f.state(dispatcher, id1)).isEqualTo("HANDLING");
        f.ok(zjj, "/api/work-orders/" + id2 + "/assignments/" + a2 + "/sign", null);
        var batch = zjj.post("/api/work-orders/batch-reply", Map.of("text", "已约谈物业公司",
                "items", List.of(Map.of("workOrderId", id1, "assignmentId", a1), Map.of("workOrderId", id2, "assignmentId", a2))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(f.state(dispatcher, id1)).isEqualTo("REPLY_REVIEW");
        assertThat(f.state(dispatcher, id2)).isEqualTo("REPLY_REVIEW");
    }

    @Test
    void supervisorsSuperviseAndStaffFollow() {
        long id = f.created(agent, "施工围挡占用人行道");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        f.ok(supervisor, "/api/work-orders/" + id + "/supervise",
                Map.of("note", "请三日内办结", "dueAt", Instant.now().plusSeconds(3 * 86400).toString()));
        assertThat(f.act(agent, "/api/work-orders/" + id + "/supervise", Map.of("note", "x")).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/work-orders/" + id + "/follow", null).status()).isEqualTo(204);
        var followed = supervisor.get("/api/work-orders?followed=true&supervised=true").json();
        assertThat(followed.path("items").toString()).contains("\"id\":" + id);
        assertThat(supervisor.get("/api/work-orders/board").json().path("supervised").asLong()).isPositive();
        assertThat(supervisor.delete("/api/work-orders/" + id + "/follow").status()).isEqualTo(204);
        assertThat(f.timeline(id)).doesNotContain("supervision-due");
        assertThat(f.fireTimersOf(calendar, id, Instant.now().plusSeconds(3 * 86400 + 60))).isPositive();
        assertThat(f.timeline(id)).contains("supervised", "supervision-due");
    }
}
