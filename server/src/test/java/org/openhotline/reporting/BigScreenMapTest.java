package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The big screen's offline map and the cockpit's alarms: the app serves a valid GeoJSON with one polygon per district
 * of the demo city, named and numbered as the organization tree has them; the cockpit raises a headline KPI below its
 * target.
 */
@HotlineTest
class BigScreenMapTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAppServesAValidGeoJsonWithEveryDistrictOfTheCity() {
        var r = ApiClient.loggedIn(port, "leader").get("/api/reports/bigscreen/map");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode map = r.json();
        assertThat(map.path("type").asString()).isEqualTo("FeatureCollection");
        Map<Long, String> districts = new HashMap<>();
        jdbc.sql("""
                select d.id, d.name from org_node d join org_node c on c.id = d.parent_id
                 where d.kind = 'DISTRICT' and c.code = 'JZ'""")
                .query(rs -> { districts.put(rs.getLong(1), rs.getString(2)); });
        assertThat(districts).hasSize(7);
        Map<Long, String> mapped = new HashMap<>();
        for (JsonNode feature : map.path("features")) {
            assertThat(feature.path("type").asString()).isEqualTo("Feature");
            JsonNode geometry = feature.path("geometry");
            assertThat(geometry.path("type").asString()).isEqualTo("Polygon");
            JsonNode ring = geometry.path("coordinates").path(0);
            assertThat(ring.size()).isGreaterThanOrEqualTo(4);
            assertThat(ring.path(0).toString()).as("closed ring").isEqualTo(ring.path(ring.size() - 1).toString());
            double area = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                double lon = ring.path(i).path(0).asDouble(), lat = ring.path(i).path(1).asDouble();
                assertThat(lon).isBetween(-180.0, 180.0);
                assertThat(lat).isBetween(-90.0, 90.0);
                area += lon * ring.path(i + 1).path(1).asDouble() - ring.path(i + 1).path(0).asDouble() * lat;
            }
            assertThat(area).as("exterior ring counter-clockwise (RFC 7946)").isPositive();
            mapped.put(feature.path("properties").path("id").asLong(), feature.path("properties").path("name").asString());
        }
        assertThat(mapped).isEqualTo(districts);
        assertThat(ApiClient.loggedIn(port, "agent4").get("/api/reports/bigscreen/map").status()).isEqualTo(403);
    }

    @Test
    void theBigScreensFiguresCountTodaysOrdersByDistrictWithThirtyDaysOfTrend() {
        var f = new ReportingFixture(port, jdbc, clock);
        var leader = ApiClient.loggedIn(port, "leader");
        f.awaitFacts();
        var before = leader.get("/api/reports/bigscreen");
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        long district = jdbc.sql("select id from org_node where code = 'XS'").query(Long.class).single();
        var created = ApiClient.loggedIn(port, "agent4").post("/api/work-orders", Map.of("channel", "APP",
                "appealType", "HELP", "content", "西山区路口信号灯故障", "callerName", "吴先生",
                "callerPhone", "13600136009", "regionId", district));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        f.awaitFacts();
        var after = leader.get("/api/reports/bigscreen").json();
        assertThat(inDistrict(after, "XS")).isEqualTo(inDistrict(before.json(), "XS") + 1);
        assertThat(after.path("trend").path("days").size()).isEqualTo(30);
        assertThat(after.path("trend").path("orders").path(29).asLong()).isEqualTo(after.path("ordersToday").asLong());
        assertThat(after.path("topCategories").isArray()).isTrue();
        assertThat(after.path("overdue").asLong()).isGreaterThanOrEqualTo(after.path("longestOverdue").size());
    }

    /** Agents by state on the big screen are each agent's latest state (signed-out agents left out), as a plain query says. */
    @Test
    void theBigScreenCountsEachAgentsLatestState() {
        var f = new ReportingFixture(port, jdbc, clock);
        var cc = new org.openhotline.callcenter.CallCenterFixture(port, jdbc);
        String n = String.valueOf(System.nanoTime() % 1_000_000); // agents of this try's own, also on a rerun
        long a = cc.agent("bsagent1-" + n, "T701-" + n, cc.freeExtension(), Map.of());
        long b = cc.agent("bsagent2-" + n, "T702-" + n, cc.freeExtension(), Map.of());
        var calls = new org.openhotline.callcenter.internal.RecordedCalls(
                context);
        java.time.Instant t = clock.instant();
        calls.state(a, org.openhotline.callcenter.AgentState.READY, t.minusSeconds(60));
        calls.state(a, org.openhotline.callcenter.AgentState.TALKING, t.minusSeconds(30));
        calls.state(b, org.openhotline.callcenter.AgentState.READY, t.minusSeconds(50));
        calls.state(b, org.openhotline.callcenter.AgentState.SIGNED_OUT, t.minusSeconds(20));
        f.awaitFacts();
        Map<String, Long> expected = new HashMap<>();
        jdbc.sql("""
                select state, count(*) from (select distinct on (account_id) account_id, state from rpt_agent_state_fact
                                              order by account_id, started_at desc) s
                 where state <> 'SIGNED_OUT' group by state""").query(rs -> { expected.put(rs.getString(1), rs.getLong(2)); });
        assertThat(expected).containsKey("TALKING");
        Map<String, Long> shown = new HashMap<>();
        ApiClient.loggedIn(port, "leader").get("/api/reports/bigscreen").json().path("agentsByState").properties()
                .forEach(e -> shown.put(e.getKey(), e.getValue().asLong()));
        assertThat(shown).isEqualTo(expected);
    }

    private static long inDistrict(JsonNode figures, String code) {
        for (JsonNode d : figures.path("ordersByDistrict")) {
            if (d.path("code").asString().equals(code)) {
                return d.path("orders").asLong();
            }
        }
        return 0;
    }

    @Test
    void theCockpitRaisesAHeadlineKpiBelowItsTarget() {
        var f = new ReportingFixture(port, jdbc, clock);
        f.ownDay(305);
        // one consultation not answered directly: 直接答复率 0 / 1, target 90%
        f.order(ApiClient.loggedIn(port, "agent4"), "PHONE", "CONSULTATION", "户口迁移需要哪些手续", null);
        f.awaitFacts();
        var r = ApiClient.loggedIn(port, "leader").get("/api/reports/cockpit/alarms");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode alarm = null;
        for (JsonNode a : r.json().path("alarms")) {
            if (a.path("code").asString().equals("direct-reply-rate")) {
                alarm = a;
            }
        }
        assertThat(alarm).as(r.body()).isNotNull();
        assertThat(alarm.path("kind").asString()).isEqualTo("BELOW_TARGET");
        assertThat(alarm.path("text").asString()).isEqualTo("直接答复率 0.00%，低于目标 90.00%（0 / 1）");
    }
}
