package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 回访与满意度 counts the grades as the KPI {@code satisfaction} does: a dissatisfied callback regraded on an upheld
 * appeal (改判) counts with the decided grade, one an upheld appeal took out of the KPI (剔除) is not graded, and the
 * table's 满意率 equals the KPI's. The callbacks are facts of orders of this test's own, on a day of its own.
 */
@HotlineTest
class CallbackReportAppealTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theCallbackTableHonoursRegradesAndExclusionsAsTheKpiDoes() {
        var zone = clock.getZone();
        LocalDate day = clock.instant().atZone(zone).toLocalDate().minusDays(300);
        Instant at = day.atTime(15, 0).atZone(zone).toInstant();
        long base = 9_300_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L) * 10;
        ApiClient manager = ApiClient.loggedIn(port, "manager");
        String q = "from=" + day + "&to=" + day;
        JsonNode before = manager.get("/api/reports/tables/callbacks?" + q).json().path("totals");
        try {
            // a satisfied callback; a dissatisfied one regraded to 满意; a dissatisfied one taken out of the KPI
            for (int i = 0; i < 3; i++) {
                long order = base + i;
                jdbc.sql("""
                                insert into rpt_order_fact (order_id, number, channel, appeal_type, created_at, closed_at,
                                                            first_callback_at, region_path, excluded_kpis)
                                values (?, ?, 'PHONE', 'COMPLAINT', ?, ?, ?, '/callback-report-test/', ?::varchar[])""")
                        .params(order, "CR" + (order % 1_000_000_000L), Timestamp.from(at.minusSeconds(86_400)),
                                Timestamp.from(at.minusSeconds(3600)), Timestamp.from(at), i == 2 ? "{satisfaction}" : "{}")
                        .update();
                jdbc.sql("insert into rpt_callback_fact (order_id, at, resolved, satisfaction) values (?, ?, true, ?)")
                        .params(order, Timestamp.from(at), i == 0 ? "SATISFIED" : "DISSATISFIED").update();
                if (i > 0) {
                    jdbc.sql("""
                                    insert into rpt_exclusion (appeal_id, order_id, unit_id, kpi_code, reason, at, kind, regrade)
                                    values (?, ?, 0, 'satisfaction', '回访误判', ?, 'DISSATISFIED_CALLBACK', ?)""")
                            .params(order, order, Timestamp.from(at.plusSeconds(7200)), i == 1 ? "SATISFIED" : null).update();
                }
            }
            JsonNode after = manager.get("/api/reports/tables/callbacks?" + q).json().path("totals");
            assertThat(delta(before, after, "callbacks")).isEqualTo(3);
            assertThat(delta(before, after, "satisfied")).as("the regraded callback counts as 满意").isEqualTo(2);
            assertThat(delta(before, after, "dissatisfied")).as("neither the regraded nor the excluded one").isZero();
            assertThat(delta(before, after, "excluded")).isEqualTo(1);
            JsonNode kpis = manager.get("/api/reports/kpis?" + q + "&codes=satisfaction").json();
            assertThat(ReportingFixture.number(after.path("satisfactionRate")))
                    .isEqualTo(ReportingFixture.figures(kpis, "satisfaction").get(2));
        } finally {
            jdbc.sql("delete from rpt_exclusion where appeal_id between ? and ?").params(base, base + 2).update();
            jdbc.sql("delete from rpt_callback_fact where order_id between ? and ?").params(base, base + 2).update();
            jdbc.sql("delete from rpt_order_fact where order_id between ? and ?").params(base, base + 2).update();
        }
    }

    private static long delta(JsonNode before, JsonNode after, String column) {
        return number(after, column) - number(before, column);
    }

    private static long number(JsonNode totals, String column) {
        JsonNode n = totals.path(column);
        return n.isNull() || n.isMissingNode() ? 0 : new java.math.BigDecimal(n.asString()).longValue();
    }
}
