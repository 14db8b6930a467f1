package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.testing.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Steps of the work-order lifecycle through the HTTP API, as the screens take them. */
final class OrderFixture {

    final int port;
    final JdbcClient jdbc;

    OrderFixture(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    long unit(String code) {
        return jdbc.sql("select id from org_node where code = ?").param(code).query(Long.class).single();
    }

    /** A phone number unique to this test run, so caller history and duplicates see only this test's orders. */
    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    Map<String, Object> order(String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "COMPLAINT");
        body.put("content", content);
        body.put("callerName", "王女士");
        body.put("callerPhone", phone());
        body.put("address", "东湖区人民路" + Math.floorMod(System.nanoTime(), 1000) + "号");
        return body;
    }

    JsonNode create(ApiClient agent, Map<String, Object> body) {
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long created(ApiClient agent, String content) {
        return create(agent, order(content)).path("id").asLong();
    }

    JsonNode detail(ApiClient client, long id) {
        var r = client.get("/api/work-orders/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    String state(ApiClient client, long id) {
        return detail(client, id).path("state").asString();
    }

    void dispatch(ApiClient dispatcher, long id, String mainCode, String... assisting) {
        var body = new HashMap<String, Object>();
        body.put("mainUnitId", unit(mainCode));
        body.put("assistingUnitIds", java.util.Arrays.stream(assisting).map(this::unit).toList());
        body.put("instruction", "请按职责办理");
        body.put("version", version(id));
        var r = dispatcher.post("/api/work-orders/" + id + "/dispatch", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The id of the active assignment of {@code unitCode} on the order. */
    long assignment(ApiClient client, long id, String unitCode) {
        long unit = unit(unitCode);
        for (JsonNode a : detail(client, id).path("assignments")) {
            if (a.path("unitId").asLong() == unit && List.of("PENDING_SIGN", "HANDLING", "RETURN_REQUESTED")
                    .contains(a.path("state").asString())) {
                return a.path("id").asLong();
            }
        }
        throw new AssertionError("no active assignment of " + unitCode + " on order " + id);
    }

    /** The order's version as the screen showed it: every step sends it back (a stale one gets 409). */
    int version(long id) {
        return jdbc.sql("select version from work_order where id = ?").param(id).query(Integer.class).single();
    }

    /** Posts a step; a body without {@code version} gets the order's current one, as the screens send it. */
    ApiClient.Response act(ApiClient client, String path, Object body) {
        body = org.openhotline.testing.StepVersions.withCurrentVersion(jdbc, path, body);
        return client.post(path, body == null ? Map.of() : body);
    }

    void ok(ApiClient client, String path, Object body) {
        var r = act(client, path, body);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    /**
     * Moves time for this order only: fires its own timers (the order's stage and supervision timers, its
     * assignments' sign and handling timers) that are due at {@code at}, never another test's.
     */
    int fireTimersOf(org.openhotline.calendar.BusinessCalendar calendar, long orderId, java.time.Instant at) {
        List<Long> ids = jdbc.sql("""
                select id from calendar_timer where fired_at is null
                   and ((subject_type in ('wo.stage', 'wo.supervise') and subject_id = :order)
                     or (subject_type in ('wo.sign', 'wo.handle')
                         and subject_id in (select id from wo_assignment where work_order_id = :order)))""")
                .param("order", orderId).query(Long.class).list();
        return calendar.fireDueTimers(at, ids);
    }

    List<String> timeline(long id) {
        return jdbc.sql("select action from wo_timeline where work_order_id = ? order by id").param(id)
                .query(String.class).list();
    }
}
