package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Yellow and red lights follow the deadlines: time is moved by firing the timers at a later instant (what the
 * sweep does with the clock), never by sleeping.
 */
@HotlineTest
class WorkOrderLightsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void anEmergencyTurnsYellowThenRedForSigningAndAgainForHandlingEachOnce() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent10");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var body = f.order("燃气管道泄漏，楼道里有很大的气味");
        body.put("urgency", "EMERGENCY");
        body.put("appealType", "HELP");
        long id = f.create(agent, body).path("id").asLong();
        f.dispatch(dispatcher, id, "ZJJ");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var a = f.detail(zjj, id).path("assignments").get(0);
        Instant assigned = Instant.parse(a.path("assignedAt").asString());
        assertThat(Instant.parse(a.path("signDueAt").asString())).isEqualTo(assigned.plusSeconds(30 * 60));
        assertThat(Instant.parse(a.path("handleDueAt").asString())).isEqualTo(assigned.plusSeconds(2 * 3600));
        assertThat(light(id)).isEqualTo("GREEN");

        assertThat(fire(id, assigned.plusSeconds(23 * 60))).isZero();
        assertThat(light(id)).isEqualTo("GREEN");
        assertThat(fire(id, assigned.plusSeconds(25 * 60))).isPositive(); // 80 % of the 30 minutes to sign
        assertThat(light(id)).isEqualTo("YELLOW");
        fire(id, assigned.plusSeconds(31 * 60));
        assertThat(light(id)).isEqualTo("RED");
        fire(id, assigned.plusSeconds(32 * 60));
        assertThat(f.timeline(id)).containsExactly("created", "dispatched", "light-yellow", "light-red");
        assertThat(dispatcher.get("/api/work-orders?overdue=true&size=200").body()).contains("\"id\":" + id);
        assertThat(zjj.get("/api/work-orders/unit-tasks?box=TO_SIGN&size=200").body()).contains("\"light\":\"RED\"");

        long aid = a.path("id").asLong();
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + aid + "/sign", null);
        var signed = f.detail(zjj, id);
        assertThat(signed.path("light").asString()).as("the late sign stays on record, the live light is handling's")
                .isEqualTo("GREEN");
        assertThat(signed.path("assignments").get(0).path("signLight").asString()).isEqualTo("RED");
        fire(id, assigned.plusSeconds(97 * 60));
        assertThat(light(id)).isEqualTo("YELLOW");
        fire(id, assigned.plusSeconds(121 * 60));
        assertThat(light(id)).isEqualTo("RED");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + aid + "/reply", Map.of("text", "已关阀抢修"));
        assertThat(light(id)).isEqualTo("GREEN");
        assertThat(f.timeline(id).stream().filter(s -> s.startsWith("light-")).count()).isEqualTo(4);
    }

    @Test
    void anOrderWaitingForDispatchTurnsRedAfter24Hours() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent10");
        long id = f.created(agent, "等待派单超时");
        Instant created = Instant.parse(f.detail(agent, id).path("createdAt").asString());
        assertThat(fire(id, created.plusSeconds(20 * 3600))).isEqualTo(1);
        assertThat(light(id)).isEqualTo("YELLOW");
        fire(id, created.plusSeconds(24 * 3600 + 1));
        assertThat(light(id)).isEqualTo("RED");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        f.dispatch(dispatcher, id, "CGJ");
        assertThat(light(id)).isEqualTo("GREEN");
    }

    /** Moves time for this order only, and says how many of its timers fired (a step that fires none proves nothing). */
    private int fire(long id, Instant at) {
        return new OrderFixture(port, jdbc).fireTimersOf(calendar, id, at);
    }

    private String light(long id) {
        return jdbc.sql("select light from work_order where id = ?").param(id).query(String.class).single();
    }
}
