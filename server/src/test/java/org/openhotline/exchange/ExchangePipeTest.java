package org.openhotline.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.exchange.internal.pipe.Signatures;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipe against a 110 platform simulated from the contract (12345 ↔ 110, 国办发〔2022〕12号): police matters go
 * out with the call attached and come back with a receipt and a result; non-emergency matters come in as orders;
 * bad signatures and schema errors are refused and recorded; a counterpart that is down loses nothing and catches
 * up in order; a dead letter waits for the operator, whose retry is audited.
 */
@HotlineTest
class ExchangePipeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openhotline.calendar.BusinessCalendar calendar;

    @Autowired
    java.time.Clock clock;

    CounterpartSimulator police;
    ApiClient sysadmin;
    ApiClient agent;
    String secret;

    @BeforeEach
    void connect110() throws Exception {
        String code = "T110" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        secret = "key-" + code + "-0123456789abcdef";
        police = new CounterpartSimulator(code, secret, Signatures.Algorithm.HMAC_SM3);
        sysadmin = ApiClient.loggedIn(port, "sysadmin");
        agent = ApiClient.loggedIn(port, "agent1");
        var saved = sysadmin.put("/api/exchange/counterparts/" + code, Map.of("name", "江州市110联动平台", "kind", "POLICE_110",
                "baseUrl", police.baseUrl(), "secret", secret, "algorithm", "HMAC-SM3", "enabled", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(secret);
    }

    @AfterEach
    void disconnect() {
        // Other tests forward to 110 too: they must not find this counterpart.
        sysadmin.put("/api/exchange/counterparts/" + police.code, Map.of("name", "江州市110联动平台", "kind", "POLICE_110",
                "baseUrl", police.baseUrl(), "algorithm", "HMAC-SM3", "enabled", false));
        police.close();
    }

    @Test
    void aPoliceMatterGoesTo110WithItsCallAndComesBackWithAReceiptAndAResult() throws Exception {
        var created = agent.post("/api/work-orders", forwardTo110("有人在小区门口打架斗殴，已有人受伤", "CALL-" + System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String number = created.json().path("number").asString();
        String key = "JZ:" + number;

        JsonNode sent = Wait.until("110 receives the order", () -> one(police.receivedOfType("order.transferred"), key), WAIT);
        assertThat(sent.path("seq").asLong()).isEqualTo(1);
        assertThat(sent.path("payload").path("callId").asString()).startsWith("CALL-");
        assertThat(sent.path("payload").path("content").asString()).contains("打架斗殴");
        assertThat(police.badSignatures).isEmpty();

        var answer = police.send(port, secret, List.of(
                police.message(key, "order.receipt", Map.of("receiptNo", "JJ20261204-0007")),
                police.message(key, "order.replied", Map.of("reply", "民警已到场处置，双方已带回派出所调查"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("ACCEPTED").doesNotContain("DUPLICATE");

        Wait.until("the 110 result arrives on the order", () -> "PENDING_CALLBACK".equals(state(id)), WAIT, () -> timeline(id).toString());
        assertThat(timeline(id)).contains("exchange-receipt", "forward-replied");
        assertThat(jdbc.sql("select note from wo_timeline where work_order_id = ? and action = 'exchange-receipt'")
                .param(id).query(String.class).single()).contains("JJ20261204-0007");

        var callback = ApiClient.loggedIn(port, "callback1");
        var r = callback.post("/api/work-orders/" + id + "/callback", StepVersions.withCurrentVersion(jdbc,
                "/api/work-orders/" + id + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode verdict = Wait.until("110 hears the citizen's verdict", () -> one(police.receivedOfType("order.callback"), key), WAIT);
        assertThat(verdict.path("seq").asLong()).isEqualTo(2);
        assertThat(verdict.path("payload").path("satisfaction").asString()).isEqualTo("SATISFIED");
    }

    @Test
    void aNonEmergencyMatterFrom110BecomesOneOrderWhateverTheRetriesAndGetsOurNumberBack() throws Exception {
        String key = police.code + ":JJ" + System.nanoTime();
        var message = police.message(key, "order.transferred", Map.of("number", key.substring(key.indexOf(':') + 1),
                "title", "路灯损坏（110转）", "content", "群众报警称人民路路灯不亮，非警情，转12345处理",
                "callerPhone", "13900001111", "appealType", "HELP"));
        var first = police.send(port, secret, List.of(message));
        var again = police.send(port, secret, List.of(message));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("ACCEPTED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE");

        long id = Wait.until("the order is created", () -> jdbc.sql("select work_order_id from ex_link where counterpart = ? and order_key = ?")
                .params(police.code, key).query(Long.class).optional().orElse(null), WAIT);
        assertThat(jdbc.sql("select count(*) from ex_inbox where counterpart = ? and order_key = ?").params(police.code, key)
                .query(Long.class).single()).isEqualTo(1);
        var order = jdbc.sql("select number, channel, state, content from work_order where id = ?").param(id).query().singleRow();
        assertThat(order.get("channel")).isEqualTo("PLATFORM");
        assertThat(order.get("state")).isEqualTo("PENDING_DISPATCH");
        assertThat((String) order.get("content")).contains("路灯不亮").contains("江州市110联动平台");

        JsonNode receipt = Wait.until("110 gets our number", () -> one(police.receivedOfType("order.receipt"), key), WAIT);
        assertThat(receipt.path("payload").path("receiptNo").asString()).isEqualTo(order.get("number"));

        // Our steps on it flow back: the dispatch shows on 110's side.
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long unit = jdbc.sql("select id from org_node where code = 'CGJ'").query(Long.class).single();
        var d = dispatcher.post("/api/work-orders/" + id + "/dispatch", StepVersions.withCurrentVersion(jdbc,
                "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit, "instruction", "110转来，请核查")));
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        Wait.until("110 sees the dispatch", () -> police.receivedOfType("order.step").stream()
                .anyMatch(m -> m.path("orderKey").asString().equals(key)
                        && m.path("payload").path("action").asString().equals("WorkOrderDispatched")), WAIT, () -> police.received.toString());
    }

    @Test
    void aMessageThatFailsToApplyHoldsBackOnlyItsOrderAndTheRestOfItsBatchIsAppliedOnce() throws Exception {
        // Received messages are applied in batches sharing one transaction; one that fails must not take the others
        // down with it, nor leave them applied twice when the batch is rolled back and applied again one by one.
        String run = Long.toString(System.nanoTime(), 36);
        String failing = police.code + ":JJF" + run;
        String other = police.code + ":JJO" + run;
        try {
            var answer = police.send(port, secret, List.of(
                    police.message(failing, "order.transferred", Map.of("number", "JJF" + run, "title", "噪音扰民 F" + run,
                            "content", "批量应用测试 F" + run, "appealType", "COMPLAINT")),
                    police.message(failing, "order.callback", Map.of("resolved", true, "satisfaction", "很好")),
                    police.message(failing, "order.callback", Map.of("resolved", true, "satisfaction", "SATISFIED")),
                    police.message(other, "order.transferred", Map.of("number", "JJO" + run, "title", "路灯不亮 O" + run,
                            "content", "批量应用测试 O" + run, "appealType", "HELP"))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

            Wait.until("the bad callback has failed once", () -> jdbc.sql("""
                    select attempts from ex_inbox where counterpart = ? and order_key = ? and seq = 2""")
                    .params(police.code, failing).query(Integer.class).single() > 0, WAIT);
            var bad = jdbc.sql("select state, last_error from ex_inbox where counterpart = ? and order_key = ? and seq = 2")
                    .params(police.code, failing).query().singleRow();
            assertThat(bad.get("state")).isEqualTo("RECEIVED");
            assertThat((String) bad.get("last_error")).contains("满意度取值不正确");
            // The order's later message waits behind it, untried; the other order went through.
            var held = jdbc.sql("select state, attempts from ex_inbox where counterpart = ? and order_key = ? and seq = 3")
                    .params(police.code, failing).query().singleRow();
            assertThat(held.get("state")).isEqualTo("RECEIVED");
            assertThat(held.get("attempts")).isEqualTo(0);
            Wait.until("the other order is applied", () -> "APPLIED".equals(jdbc.sql(
                    "select state from ex_inbox where counterpart = ? and order_key = ?").params(police.code, other)
                    .query(String.class).single()), WAIT);
            assertThat(jdbc.sql("select state from ex_inbox where counterpart = ? and order_key = ? and seq = 1")
                    .params(police.code, failing).query(String.class).single()).isEqualTo("APPLIED");
            for (String marker : List.of("批量应用测试 F" + run, "批量应用测试 O" + run)) {
                assertThat(jdbc.sql("select count(*) from work_order where content like ?").param(marker + "%")
                        .query(Long.class).single()).as(marker).isEqualTo(1);
            }
            assertThat(jdbc.sql("""
                    select count(*) from ex_outbox where counterpart = ? and type = 'order.receipt' and order_key in (?, ?)""")
                    .params(police.code, failing, other).query(Long.class).single()).isEqualTo(2);
        } finally {
            // Left alone the bad callback would be tried again until it is a dead letter: not this test's business.
            jdbc.sql("update ex_inbox set state = 'DISCARDED' where counterpart = ? and state = 'RECEIVED'")
                    .param(police.code).update();
        }
    }

    @Test
    void aBadSignatureIsRefused401AndRecordedAndASchemaErrorIsRefusedWithItsReason() throws Exception {
        String key = police.code + ":BAD" + System.nanoTime();
        var forged = police.send(port, "not-the-key-0123456789", List.of(police.message(key, "order.transferred",
                Map.of("number", "X1", "title", "伪造", "content", "伪造的消息"))));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).path("detail").asString()).isEqualTo("签名校验失败");

        var broken = police.send(port, secret, List.of(police.message(key, "order.replied", Map.of("note", "缺少答复"))));
        assertThat(broken.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(broken.body());
        assertThat(problem.path("detail").asString()).contains("payload.reply").contains("整批未接收");
        assertThat(problem.path("errors").get(0).path("messageId").asString()).startsWith(police.code);

        var notJson = police.post(port, secret, "{\"messages\": 42}");
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(notJson.body()).path("detail").asString()).contains("至少包含一条消息");

        assertThat(jdbc.sql("select count(*) from ex_inbox where counterpart = ?").param(police.code).query(Long.class).single())
                .isZero();
        var rejections = sysadmin.get("/api/exchange/rejections").json();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (JsonNode r : rejections) {
            if (r.path("counterpart").asString().equals(police.code)) {
                statuses.add(r.path("status").asInt());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(401, 422, 422);
        assertThat(agent.get("/api/exchange/rejections").status()).isEqualTo(403);
    }

    @Test
    void a110DownForAWhileLosesNothingAndCatchesUpInOrderAndADeadLetterWaitsForTheOperator() throws Exception {
        police.down = true;
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = agent.post("/api/work-orders", forwardTo110("第" + i + "起纠纷，需要民警到场", null));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            keys.add("JZ:" + created.json().path("number").asString());
        }
        Wait.until("the sender meets the outage", () -> queue().path("failures").asInt() > 0, WAIT, () -> queue().toString());
        assertThat(police.received).isEmpty();
        // While 110 is down our side goes on: the answers to the first order are a second message for it.
        var reply = police.send(port, secret, List.of(police.message(keys.get(0), "order.replied", Map.of("reply", "已处置"))));
        assertThat(reply.statusCode()).isEqualTo(200);
        long first = linkedOrder(keys.get(0));
        Wait.until("the reply is applied", () -> "PENDING_CALLBACK".equals(state(first)), WAIT);
        var callback = ApiClient.loggedIn(port, "callback1");
        var verdict = callback.post("/api/work-orders/" + first + "/callback", StepVersions.withCurrentVersion(jdbc,
                "/api/work-orders/" + first + "/callback", Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED")));
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        // The second order's transfer will be refused by 110 for its content: a dead letter.
        String refused = "JZ>" + keys.get(1) + "#1";
        police.refuse.add(refused);

        police.down = false;
        wake();
        Wait.until("everything but the refused message arrives", () -> police.received.size() == 3, WAIT, () -> police.received.toString());
        List<Long> firstSeqs = police.received.stream().filter(m -> m.path("orderKey").asString().equals(keys.get(0)))
                .map(m -> m.path("seq").asLong()).toList();
        assertThat(firstSeqs).containsExactly(1L, 2L);
        assertThat(police.received.stream().map(m -> m.path("messageId").asString()).distinct().count()).isEqualTo(3);

        JsonNode dead = Wait.until("the refused message is a dead letter", () -> {
            for (JsonNode p : sysadmin.get("/api/exchange/problems?deadOnly=true").json()) {
                if (p.path("messageId").asString().equals(refused)) {
                    return p;
                }
            }
            return null;
        }, WAIT);
        assertThat(dead.path("lastError").asString()).isEqualTo("模拟拒收");
        police.refuse.clear();
        var noReason = sysadmin.post("/api/exchange/dead-letters/OUT/" + dead.path("id").asLong() + "/retry", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.detail()).isEqualTo("请填写处理原因");
        var retried = sysadmin.post("/api/exchange/dead-letters/OUT/" + dead.path("id").asLong() + "/retry",
                Map.of("reason", "110 已修复接收程序"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        Wait.until("the retried message arrives", () -> one(police.received, keys.get(1)) != null, WAIT);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'exchange.dead-letter-retried' and target = ?")
                .param("exchange-message:" + police.code + "/" + refused).query(Long.class).single()).isEqualTo(1);
        var again = sysadmin.post("/api/exchange/dead-letters/OUT/" + dead.path("id").asLong() + "/discard",
                Map.of("reason", "重复操作"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void eachVerdictGoesTo好差评AndAReturned差评BecomesASupervisedTaskWhoseResultGoesBack() throws Exception {
        String code = "TEV" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String key2 = "key-" + code + "-0123456789abcdef";
        try (var evaluations = new CounterpartSimulator(code, key2, Signatures.Algorithm.HMAC_SHA256)) {
            Map<String, Object> form = new HashMap<>(Map.of("name", "好差评系统", "kind", "EVALUATION", "baseUrl",
                    evaluations.baseUrl(), "secret", key2, "algorithm", "HMAC-SHA256", "enabled", true));
            assertThat(sysadmin.put("/api/exchange/counterparts/" + code, form).status()).isEqualTo(200);
            try {
                var created = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT",
                        "content", "办事窗口工作人员态度恶劣", "callerPhone", "13700002222"));
                long id = created.json().path("id").asLong();
                String number = created.json().path("number").asString();
                var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
                var unit = ApiClient.loggedIn(port, "scj1");
                step(dispatcher, id, "dispatch", Map.of("mainUnitId",
                        jdbc.sql("select id from org_node where code = 'SCJ'").query(Long.class).single()));
                long a = jdbc.sql("select id from wo_assignment where work_order_id = ?").param(id).query(Long.class).single();
                step(unit, id, "assignments/" + a + "/sign", Map.of());
                step(unit, id, "assignments/" + a + "/reply", Map.of("text", "已批评教育当事工作人员"));
                step(dispatcher, id, "reply-review", Map.of("accept", true));
                step(ApiClient.loggedIn(port, "callback1"), id, "callback", Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED"));

                String key = "JZ:" + number;
                JsonNode evaluation = Wait.until("好差评 gets the verdict", () -> one(evaluations.receivedOfType("evaluation"), key), WAIT);
                assertThat(evaluation.path("payload").path("grade").asInt()).isEqualTo(3);
                assertThat(evaluation.path("payload").path("gradeLabel").asString()).isEqualTo("基本满意");

                var fiveWorkingDays = org.openhotline.calendar.TimeLimit.of(5, org.openhotline.calendar.LimitUnit.WORKING_DAYS);
                java.time.Instant asked = clock.instant();
                var rectify = evaluations.send(port, key2, List.of(evaluations.message(key, "evaluation.rectify",
                        Map.of("number", number, "reason", "群众申诉：问题未真正解决"))));
                assertThat(rectify.statusCode()).as(rectify.body()).isEqualTo(200);
                var supervisor = ApiClient.loggedIn(port, "supervisor1");
                JsonNode task = Wait.until("a supervised task exists", () -> {
                    for (JsonNode t : supervisor.get("/api/exchange/rectifications?state=OPEN").json()) {
                        if (t.path("number").asString().equals(number)) {
                            return t;
                        }
                    }
                    return null;
                }, WAIT);
                java.time.Instant due = java.time.Instant.parse(task.path("dueAt").asString());
                // Five working days from when it was asked (a Sunday evening's end on Friday at 18:00, not 5 × 24 h later).
                assertThat(due).isBetween(calendar.dueAt(asked, fiveWorkingDays),
                        calendar.dueAt(clock.instant(), fiveWorkingDays));
                assertThat(timeline(id)).contains("exchange-rectify");

                var done = supervisor.post("/api/exchange/rectifications/" + task.path("id").asLong() + "/result",
                        Map.of("version", task.path("version").asInt(), "result", "已约谈窗口负责人并重新办理，群众认可"));
                assertThat(done.status()).as(done.body()).isEqualTo(200);
                JsonNode fedBack = Wait.until("the result goes back", () -> one(evaluations.receivedOfType("evaluation.rectified"), key), WAIT);
                assertThat(fedBack.path("payload").path("result").asString()).contains("重新办理");
                assertThat(fedBack.path("payload").path("onTime").asBoolean()).isTrue();
                assertThat(supervisor.post("/api/exchange/rectifications/" + task.path("id").asLong() + "/result",
                        Map.of("version", task.path("version").asInt(), "result", "再次提交")).status()).isEqualTo(409);
            } finally {
                form.put("enabled", false);
                form.remove("secret");
                sysadmin.put("/api/exchange/counterparts/" + code, form);
            }
        }
    }

    private void step(ApiClient who, long id, String step, Map<String, Object> body) {
        String path = "/api/work-orders/" + id + "/" + step;
        var r = who.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private void wake() {
        sysadmin.put("/api/exchange/counterparts/" + police.code, Map.of("name", "江州市110联动平台", "kind", "POLICE_110",
                "baseUrl", police.baseUrl(), "algorithm", "HMAC-SM3", "enabled", true));
    }

    private JsonNode queue() {
        for (JsonNode q : sysadmin.get("/api/exchange/queues").json()) {
            if (q.path("counterpart").asString().equals(police.code)) {
                return q;
            }
        }
        throw new AssertionError("no queue for " + police.code);
    }

    private long linkedOrder(String key) {
        return jdbc.sql("select work_order_id from ex_link where counterpart = ? and order_key = ?").params(police.code, key)
                .query(Long.class).single();
    }

    private Map<String, Object> forwardTo110(String content, String callId) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "REPORT");
        body.put("content", content);
        body.put("callerName", "李先生");
        body.put("callerPhone", "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        if (callId != null) {
            body.put("callId", callId);
        }
        body.put("finish", Map.of("mode", "FORWARD", "platform", "POLICE_110", "note", "涉警事项转110"));
        return body;
    }

    private String state(long id) {
        return jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single();
    }

    private List<String> timeline(long id) {
        return jdbc.sql("select action from wo_timeline where work_order_id = ? order by id").param(id).query(String.class).list();
    }

    private static JsonNode one(List<JsonNode> messages, String key) {
        return messages.stream().filter(m -> m.path("orderKey").asString().equals(key)).findFirst().orElse(null);
    }
}
