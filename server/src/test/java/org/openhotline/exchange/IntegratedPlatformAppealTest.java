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

/**
 * Issue 15, "appeals submitted on the 一体化 platform arrive as a channel and their results go back": the 一体化政务服务平台
 * is an {@code EVALUATION} counterpart (the same one 好差评 is fed through), simulated from the contract. Its appeal
 * (诉求) arrives signed as {@code order.transferred}, is stored once however often it is sent, becomes an order of
 * channel 其他平台转入 that names the platform as its source, and every step of ours goes back under the platform's
 * key in sequence: our number, the dispatch, the reply, and — after the citizen's verdict the platform sends — the
 * callback and the closing, without its own verdict echoed back to it as a 好差评 evaluation.
 */
@HotlineTest
class IntegratedPlatformAppealTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NAME = "一体化政务服务平台";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CounterpartSimulator platform;
    ApiClient sysadmin;
    String secret;
    Map<String, Object> form;

    @BeforeEach
    void connect() throws Exception {
        String code = "TYT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        secret = "key-" + code + "-0123456789abcdef";
        platform = new CounterpartSimulator(code, secret, Signatures.Algorithm.HMAC_SHA256);
        sysadmin = ApiClient.loggedIn(port, "sysadmin");
        form = new HashMap<>(Map.of("name", NAME, "kind", "EVALUATION", "baseUrl", platform.baseUrl(), "secret", secret,
                "algorithm", "HMAC-SHA256", "enabled", true));
        var saved = sysadmin.put("/api/exchange/counterparts/" + code, form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        // Every callback verdict goes to each enabled EVALUATION counterpart: other tests must not find this one.
        form.put("enabled", false);
        form.remove("secret");
        sysadmin.put("/api/exchange/counterparts/" + platform.code, form);
        platform.close();
    }

    @Test
    void anAppealFromTheIntegratedPlatformBecomesAnOrderOnceAndItsResultsGoBackInSequence() throws Exception {
        String remote = "SQ" + System.nanoTime();
        String key = platform.code + ":" + remote;
        var appeal = platform.message(key, "order.transferred", Map.of("number", remote,
                "title", "营业执照网上办理一直显示审核中", "content", "在一体化平台申请营业执照变更，提交十个工作日仍显示审核中 " + remote,
                "appealType", "COMPLAINT", "callerName", "周女士", "callerPhone", "13600003333"));

        // A forged copy is refused and recorded, and stores nothing.
        var forged = platform.send(port, "not-the-key-0123456789", List.of(appeal));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from ex_inbox where counterpart = ?").param(platform.code).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from ex_rejection where counterpart = ? and status = 401")
                .param(platform.code).query(Long.class).single()).isEqualTo(1);

        var first = platform.send(port, secret, List.of(appeal));
        var again = platform.send(port, secret, List.of(appeal));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("ACCEPTED").doesNotContain("DUPLICATE");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE").doesNotContain("ACCEPTED");

        long id = Wait.until("the appeal becomes an order", () -> jdbc.sql(
                "select work_order_id from ex_link where counterpart = ? and order_key = ? and role = 'HANDLER'")
                .params(platform.code, key).query(Long.class).optional().orElse(null), WAIT);
        assertThat(jdbc.sql("select count(*) from ex_inbox where counterpart = ?").param(platform.code).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from work_order where content like ?").param("%" + remote + "%")
                .query(Long.class).single()).isEqualTo(1);
        var order = jdbc.sql("select number, channel, state, created_by, content from work_order where id = ?").param(id)
                .query().singleRow();
        // Where it came from: channel 其他平台转入, the platform as the creator and named in the content.
        assertThat(order.get("channel")).isEqualTo("PLATFORM");
        assertThat(order.get("created_by")).isEqualTo("exchange:" + platform.code);
        assertThat((String) order.get("content")).contains("【来源】" + NAME + " 工单 " + remote);
        assertThat(order.get("state")).isEqualTo("PENDING_DISPATCH");
        String number = (String) order.get("number");

        JsonNode receipt = Wait.until("the platform gets our number", () -> one(platform.receivedOfType("order.receipt"), key), WAIT);
        assertThat(receipt.path("payload").path("receiptNo").asString()).isEqualTo(number);

        // We handle it as any order; the dispatch and the accepted reply go back.
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var unit = ApiClient.loggedIn(port, "scj1");
        step(dispatcher, id, "dispatch", Map.of("mainUnitId",
                jdbc.sql("select id from org_node where code = 'SCJ'").query(Long.class).single()));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ?").param(id).query(Long.class).single();
        step(unit, id, "assignments/" + a + "/sign", Map.of());
        step(unit, id, "assignments/" + a + "/reply", Map.of("text", "已核查，系材料缺件未通知申请人，现已补正并办结 " + remote));
        step(dispatcher, id, "reply-review", Map.of("accept", true));
        JsonNode replied = Wait.until("the reply goes back", () -> one(platform.receivedOfType("order.replied"), key), WAIT,
                () -> platform.received.toString());
        assertThat(replied.path("payload").path("reply").asString()).contains("现已补正并办结 " + remote);
        assertThat(jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING_CALLBACK");

        // The citizen rates it on the platform; its verdict closes our order.
        var verdict = platform.send(port, secret, List.of(platform.message(key, "order.callback",
                Map.of("resolved", true, "satisfaction", "SATISFIED"))));
        assertThat(verdict.statusCode()).as(verdict.body()).isEqualTo(200);
        Wait.until("the platform hears the order is closed", () -> steps(key).contains("WorkOrderClosed"), WAIT,
                () -> platform.received.toString());
        assertThat(jdbc.sql("select state from work_order where id = ?").param(id).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select note from wo_timeline where work_order_id = ? and action = 'callback'").param(id)
                .query(String.class).single()).contains("来自" + NAME + "的回访结果");

        // Everything went back under the platform's key, numbered 1, 2, 3 … in the order of our steps.
        List<JsonNode> back = platform.received.stream().filter(m -> m.path("orderKey").asString().equals(key)).toList();
        assertThat(back.stream().map(m -> m.path("seq").asLong()).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, back.size()).boxed().toList());
        assertThat(back.getFirst().path("type").asString()).isEqualTo("order.receipt");
        assertThat(steps(key)).containsSubsequence("WorkOrderDispatched", "AssignmentSigned", "AssignmentReplied",
                "ReplyReviewed", "CallbackRecorded", "WorkOrderClosed");
        assertThat(back.stream().map(m -> m.path("type").asString()).toList())
                .containsSubsequence("order.receipt", "order.replied", "order.step");
        // Its own verdict is not pushed back to it as a 好差评 evaluation of our number (it would count twice there);
        // such a push would have been queued before the closing step that has arrived.
        assertThat(platform.received).noneMatch(m -> m.path("type").asString().equals("evaluation")
                && m.path("payload").path("number").asString().equals(number));
        JsonNode callback = back.stream().filter(m -> m.path("payload").path("action").asString().equals("CallbackRecorded"))
                .findFirst().orElseThrow();
        assertThat(callback.path("payload").path("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(callback.path("payload").path("grade").asInt()).isEqualTo(4);
        assertThat(platform.badSignatures).isEmpty();
    }

    private List<String> steps(String key) {
        return platform.receivedOfType("order.step").stream().filter(m -> m.path("orderKey").asString().equals(key))
                .map(m -> m.path("payload").path("action").asString()).toList();
    }

    private static JsonNode one(List<JsonNode> messages, String key) {
        return messages.stream().filter(m -> m.path("orderKey").asString().equals(key)).findFirst().orElse(null);
    }

    private void step(ApiClient who, long id, String step, Map<String, Object> body) {
        String path = "/api/work-orders/" + id + "/" + step;
        var r = who.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }
}
