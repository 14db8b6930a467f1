package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Retries and races: an idempotent intake, and two people acting on one order at once. */
@HotlineTest
class WorkOrderConcurrencyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response createWithKey(ApiClient client, Map<String, Object> body, String key) {
        var request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/work-orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        return client.send(request);
    }

    @Test
    void aRetriedIntakeWithTheSameKeyAnswersTheFirstOrder() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent3");
        var body = f.order("网络中断后重试的受理请求");
        String key = "retry-" + System.nanoTime();
        var first = createWithKey(agent, body, key);
        var retry = createWithKey(agent, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(retry.json().path("number").asString()).isEqualTo(first.json().path("number").asString());
        assertThat(jdbc.sql("select count(*) from work_order where caller_phone_index = ?")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex((String) body.get("callerPhone")))
                .query(Long.class).single()).isEqualTo(1);
        var otherKey = createWithKey(agent, body, key + "-b");
        assertThat(otherKey.status()).isEqualTo(201);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneOrder() throws Exception {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent4");
        var body = f.order("并发重试的受理请求");
        String key = "race-" + System.nanoTime();
        var results = race(4, () -> createWithKey(agent, body, key));
        assertThat(results).extracting(ApiClient.Response::status).containsOnly(200, 201).contains(201);
        assertThat(results.stream().map(r -> r.json().path("id").asLong()).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from work_order where caller_phone_index = ?")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex((String) body.get("callerPhone")))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoHandlersSigningAtOnceGetOneSuccessAndOneConflict() throws Exception {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent5");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long id = f.created(agent, "两人同时签收");
        f.dispatch(dispatcher, id, "ZJJ");
        var handler = ApiClient.loggedIn(port, "zjj1");
        var leader = ApiClient.loggedIn(port, "zjj_leader");
        long a = f.assignment(handler, id, "ZJJ");
        String path = "/api/work-orders/" + id + "/assignments/" + a + "/sign";
        List<ApiClient> clients = List.of(handler, leader);
        int seen = f.version(id);
        var results = raceEach(clients, c -> c.post(path, Map.of("version", seen)));
        assertThat(results).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        var loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.detail()).containsAnyOf("刚被他人处理过", "不能签收", "已被他人处理");
        assertThat(f.timeline(id)).containsExactly("created", "dispatched", "signed");
    }

    @Test
    void twoDispatchersDispatchingAtOnceLeaveOneSetOfAssignments() throws Exception {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent5");
        long id = f.created(agent, "两人同时派单");
        var d1 = ApiClient.loggedIn(port, "dispatcher1");
        var d2 = ApiClient.loggedIn(port, "dispatcher1");
        long zjj = f.unit("ZJJ");
        long cgj = f.unit("CGJ");
        List<ApiClient> clients = List.of(d1, d2);
        int seen = f.version(id);
        var results = raceEach(clients, c -> c.post("/api/work-orders/" + id + "/dispatch",
                Map.of("mainUnitId", c == d1 ? zjj : cgj, "version", seen)));
        assertThat(results).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("select count(*) from wo_assignment where work_order_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from calendar_timer where subject_type = 'wo.handle' and subject_id in "
                + "(select id from wo_assignment where work_order_id = ?)").param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aStaleVersionIsRefused() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent6");
        long id = f.created(agent, "带版本号的操作");
        int version = f.detail(agent, id).path("version").asInt();
        f.ok(agent, "/api/work-orders/" + id + "/urge", Map.of("version", version));
        var stale = f.act(agent, "/api/work-orders/" + id + "/urge", Map.of("version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("已被他人处理");
    }

    private static List<ApiClient.Response> race(int n, Callable<ApiClient.Response> call) throws Exception {
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return run(calls);
    }

    private static List<ApiClient.Response> raceEach(List<ApiClient> clients,
                                                     java.util.function.Function<ApiClient, ApiClient.Response> call)
            throws Exception {
        return run(clients.stream().<Callable<ApiClient.Response>>map(c -> () -> call.apply(c)).toList());
    }

    private static List<ApiClient.Response> run(List<Callable<ApiClient.Response>> calls) throws Exception {
        var barrier = new CyclicBarrier(calls.size());
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (var c : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return c.call();
                }));
            }
            List<ApiClient.Response> out = new ArrayList<>();
            for (var fu : futures) {
                out.add(fu.get());
            }
            return out;
        }
    }
}
