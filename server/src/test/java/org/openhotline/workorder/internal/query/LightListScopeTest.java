package org.openhotline.workorder.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The red list counts and pages within the caller's data scope from wo_light's copy of the scope paths (ADR 017):
 * the same orders for the city, a district and each unit as the test on the order rows gives, also after a
 * workstation re-dispatches a red order to a street office (a new assignment, the light unchanged).
 */
@HotlineTest
class LightListScopeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    OrderSearch search;

    @Autowired
    OrderAccess access;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void theRedListSeesTheSameOrdersAsTheOrderRowsDidAlsoAfterARedispatch() {
        var onOrders = new OrderSearch(jdbc, clock, access, transactions, false, new ListTotals(clock, java.time.Duration.ZERO)); // the test before ADR 017
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var ws = ApiClient.loggedIn(port, "dh_ws1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        long id = created(ApiClient.loggedIn(port, "agent9"), "东湖街道某小区违章搭建，多次反映无人处理");
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit("DH-WS"),
                "assistingUnitIds", List.of(unit("ZJJ")), "instruction", "请按职责办理"));
        ok(ws, "/api/work-orders/" + id + "/assignments/" + assignment(id, "DH-WS") + "/sign", null);
        ok(zjj, "/api/work-orders/" + id + "/assignments/" + assignment(id, "ZJJ") + "/sign", null);
        assertThat(fireTimersOf(id, clock.instant().plus(60, ChronoUnit.DAYS))).isPositive();
        assertThat(light(id)).isEqualTo("RED");

        for (OrderSearch s : List.of(search, onOrders)) {
            assertThat(sees(s, "JZ", id)).as("the city").isTrue();
            assertThat(sees(s, "DH", id)).as("the district of the workstation").isTrue();
            assertThat(sees(s, "DH-WS", id)).as("the main unit").isTrue();
            assertThat(sees(s, "ZJJ", id)).as("the assisting unit").isTrue();
            assertThat(sees(s, "DH-S01-BSC", id)).as("a street office not (yet) assigned").isFalse();
            assertThat(sees(s, "XS", id)).as("another district").isFalse();
            assertThat(sees(s, "CGJ", id)).as("another city bureau").isFalse();
        }

        ok(ws, "/api/work-orders/" + id + "/assignments/" + assignment(id, "DH-WS") + "/redispatch",
                Map.of("mainUnitId", unit("DH-S01-BSC"), "instruction", "请街道核实处理"));
        assertThat(light(id)).as("the assisting unit's handling is still late").isEqualTo("RED");
        for (OrderSearch s : List.of(search, onOrders)) {
            assertThat(sees(s, "DH-S01-BSC", id)).as("the street office it was re-dispatched to").isTrue();
            assertThat(sees(s, "DH-WS", id)).as("the workstation that transferred it").isTrue();
            assertThat(sees(s, "JZ", id)).isTrue();
            assertThat(sees(s, "XS", id)).isFalse();
            assertThat(sees(s, "CGJ", id)).isFalse();
        }
        var street = ApiClient.loggedIn(port, "dh_s01").get("/api/work-orders?light=RED&size=200");
        assertThat(street.status()).isEqualTo(200);
        assertThat(street.body()).contains("\"id\":" + id + ",");
        for (String code : List.of("JZ", "DH", "DH-S01-BSC", "ZJJ", "XS")) {
            assertThat(total(search, code)).as("the total of " + code).isEqualTo(total(onOrders, code));
        }
        assertThat(jdbc.sql("""
                select count(*) from wo_light l join work_order w on w.id = l.work_order_id
                 where l.scope_paths <> wo_scope_paths(w.owner_path, w.id)""").query(Long.class).single())
                .as("every light row carries its order's scope paths").isZero();
    }

    private boolean sees(OrderSearch s, String code, long id) {
        StaffPrincipal who = principal(code);
        for (int page = 1; ; page++) {
            var result = s.search(red(page), who);
            if (result.items().stream().anyMatch(o -> o.id() == id)) {
                return true;
            }
            if ((long) page * 200 >= result.total()) {
                return false;
            }
        }
    }

    private long total(OrderSearch s, String code) {
        return s.search(red(1), principal(code)).total();
    }

    private static OrderSearch.Criteria red(int page) {
        return new OrderSearch.Criteria(null, null, "RED", null, null, null, null, null, null, null, null, null, null,
                null, null, null, page, 200);
    }

    private StaffPrincipal principal(String code) {
        return jdbc.sql("select id, path from org_node where code = ?").param(code)
                .query((rs, n) -> new StaffPrincipal(0, "scope-" + code, code, rs.getLong("id"), rs.getString("path"),
                        Set.of(), Set.of()))
                .single();
    }

    private long created(ApiClient agent, String content) {
        var r = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT", "content", content,
                "callerName", "王女士", "address", "东湖区人民路8号"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void ok(ApiClient client, String path, Object body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body == null ? Map.of() : body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_node where code = ?").param(code).query(Long.class).single();
    }

    private long assignment(long order, String unitCode) {
        return jdbc.sql("""
                select a.id from wo_assignment a join org_node n on n.id = a.unit_id
                 where a.work_order_id = ? and n.code = ? and a.state in ('PENDING_SIGN', 'HANDLING', 'RETURN_REQUESTED')""")
                .params(order, unitCode).query(Long.class).single();
    }

    private int fireTimersOf(long order, Instant at) {
        List<Long> ids = jdbc.sql("""
                select id from calendar_timer where fired_at is null
                   and subject_type in ('wo.sign', 'wo.handle')
                   and subject_id in (select id from wo_assignment where work_order_id = ?)""")
                .param(order).query(Long.class).list();
        return calendar.fireDueTimers(at, ids);
    }

    private String light(long id) {
        return jdbc.sql("select light from work_order where id = ?").param(id).query(String.class).single();
    }
}
