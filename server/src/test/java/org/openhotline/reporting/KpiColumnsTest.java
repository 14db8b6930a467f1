package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPI columns kept on the fact rows (V202612060200, OrderKpiColumns, QcFacts) say what the formulas used to ask
 * other fact tables for every counted row: row by row for the whole database (the demo year and every other test's
 * orders, appeals and QC results), and figure by figure against the former per-row predicates, kept here as the
 * reference.
 */
@HotlineTest
class KpiColumnsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KpiFigures figures;

    @Autowired
    KpiDefinitions definitions;

    @Autowired
    Clock clock;

    // the former predicates, evaluated per row
    private static final String RETURNED = """
            exists (select 1 from rpt_assignment_decision r where r.assignment_id = a.assignment_id and r.kind = 'RETURN_APPROVED')""";
    private static final String EXTENDED = """
            exists (select 1 from rpt_assignment_decision r where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED')""";
    private static final String CALLED_BACK = "exists (select 1 from rpt_callback_fact b where b.order_id = o.order_id)";
    private static final String MAIN_REPLY = """
            (select max(x.replied_at) from rpt_assignment_fact x where x.order_id = o.order_id and x.role = 'MAIN')""";
    private static final String ORDER_EXCLUDED = "exists (select 1 from rpt_exclusion e where e.order_id = o.order_id and e.kpi_code = :kpi and e.regrade is null)";
    private static final String ASSIGNMENT_EXCLUDED = """
            exists (select 1 from rpt_exclusion e where e.order_id = a.order_id and e.unit_id = a.unit_id and e.kpi_code = :kpi
               and e.regrade is null)""";
    private static final String ORDERS = "rpt_order_fact o";
    private static final String ASSIGNMENTS = "rpt_assignment_fact a join rpt_order_fact o on o.order_id = a.order_id";
    private static final String DISPATCHES = "a.role in ('MAIN', 'ASSIST')";

    @Test
    void everyRowsColumnsEqualTheFormerSubSelects() {
        awaitFacts();
        assertThat(jdbc.sql("""
                select count(*) from rpt_assignment_fact a
                 where a.return_approved <> %s or a.extension_approved <> %s
                    or a.return_requested_at is distinct from (select max(r.at) from rpt_assignment_decision r
                                                                where r.assignment_id = a.assignment_id and r.kind = 'RETURN_REQUESTED')
                    or a.excluded_kpis is distinct from array(select distinct e.kpi_code from rpt_exclusion e
                                                               where e.order_id = a.order_id and e.unit_id = a.unit_id
                                                                 and e.regrade is null order by 1)::varchar(40)[]"""
                .formatted(RETURNED, EXTENDED)).query(Long.class).single()).as("assignments differing").isZero();
        assertThat(jdbc.sql("""
                select count(*) from rpt_order_fact o
                 where o.main_reply_at is distinct from %s
                    or o.first_signed_at is distinct from (select min(x.signed_at) from rpt_assignment_fact x where x.order_id = o.order_id)
                    or (o.first_callback_at is not null) <> %s
                    or o.first_callback_at is distinct from (select min(b.at) from rpt_callback_fact b where b.order_id = o.order_id)
                    or o.excluded_kpis is distinct from array(select distinct e.kpi_code from rpt_exclusion e
                                                               where e.order_id = o.order_id and e.regrade is null order by 1)::varchar(40)[]"""
                .formatted(MAIN_REPLY, CALLED_BACK)).query(Long.class).single()).as("orders differing").isZero();
        assertThat(jdbc.sql("""
                select count(*) from rpt_call_fact c
                 where c.inspected <> exists (select 1 from rpt_qc_fact q where q.call_id = c.call_id)""")
                .query(Long.class).single()).as("calls differing").isZero();
        assertThat(jdbc.sql("select count(*) from rpt_order_fact where main_reply_at is not null and first_callback_at is not null")
                .query(Long.class).single()).as("the data has replied and called-back orders").isPositive();
    }

    @Test
    void theFiguresEqualTheFormerPerRowPredicates() {
        awaitFacts();
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(400));
        Instant to = now.plus(Duration.ofDays(1));
        var filter = new KpiFilter(from, to, null, null, null, clock.getZone(), now);
        // code → {from, period, denominator, numerator, excluded}
        Map<String, List<String>> former = Map.of(
                "return-rate", List.of(ASSIGNMENTS, "a.assigned_at", DISPATCHES, RETURNED, ASSIGNMENT_EXCLUDED),
                "dispatch-accuracy", List.of(ASSIGNMENTS, "a.assigned_at", DISPATCHES, "not " + RETURNED + """
                         and not exists (select 1 from rpt_exclusion e where e.order_id = a.order_id and e.unit_id = a.unit_id
                                           and e.kind = 'MISDIRECTED')""", ASSIGNMENT_EXCLUDED),
                "extension-rate", List.of(ASSIGNMENTS, "a.assigned_at", DISPATCHES, EXTENDED, ASSIGNMENT_EXCLUDED),
                "return-timeliness", List.of(ASSIGNMENTS, "a.assigned_at", DISPATCHES + " and " + RETURNED, """
                        (select max(r.at) from rpt_assignment_decision r
                          where r.assignment_id = a.assignment_id and r.kind = 'RETURN_REQUESTED') <= a.sign_due_at""",
                        ASSIGNMENT_EXCLUDED),
                "completion-on-time", List.of(ASSIGNMENTS, "a.assigned_at",
                        DISPATCHES + " and not " + RETURNED + " and (a.replied_at is not null or a.handle_due_at < :now)",
                        "a.replied_at <= a.handle_due_at", ASSIGNMENT_EXCLUDED),
                "callback-rate", List.of(ORDERS, "o.closed_at", "o.closed_at is not null and o.first_dispatched_at is not null",
                        CALLED_BACK, ORDER_EXCLUDED),
                "callback-24h-rate", List.of(ORDERS, "o.created_at", MAIN_REPLY + " is not null", """
                        exists (select 1 from rpt_callback_fact b where b.order_id = o.order_id
                                   and b.at <= %s + make_interval(secs => :threshold))""".formatted(MAIN_REPLY), ORDER_EXCLUDED),
                "online-response-rate", List.of(ORDERS, "o.created_at", "o.channel in ('WECHAT', 'WEB', 'APP', 'SMS', 'EMAIL', 'CHAT')", """
                        least(o.direct_reply_at, (select min(x.signed_at) from rpt_assignment_fact x where x.order_id = o.order_id))
                            - o.created_at <= make_interval(secs => :threshold)""", ORDER_EXCLUDED),
                "reopen-rate", List.of(ORDERS, "o.created_at", CALLED_BACK, "o.reopen_count > 0", ORDER_EXCLUDED),
                "satisfaction", List.of("rpt_callback_fact b join rpt_order_fact o on o.order_id = b.order_id", "b.at", "true",
                        """
                        coalesce((select e.regrade from rpt_exclusion e where e.order_id = b.order_id and e.kpi_code = 'satisfaction'
                                    and e.regrade is not null and b.satisfaction = 'DISSATISFIED' and b.at <= e.at
                                  order by e.at desc limit 1), b.satisfaction) in (:grades)""",
                        "exists (select 1 from rpt_exclusion e where e.order_id = b.order_id and e.kpi_code = :kpi and e.regrade is null)"));
        former.forEach((code, sql) -> {
            var kpi = definitions.required(code);
            Map<String, Object> params = new HashMap<>();
            params.put("from", Timestamp.from(from));
            params.put("to", Timestamp.from(to));
            params.put("now", Timestamp.from(now));
            params.put("threshold", kpi.thresholdSeconds() == null ? 0 : kpi.thresholdSeconds());
            params.put("grades", kpi.grades().isEmpty() ? List.of("") : kpi.grades());
            params.put("kpi", code);
            BigDecimal[] reference = jdbc.sql("""
                    select count(*) filter (where %4$s)::numeric as n, count(*)::numeric as d from %1$s
                     where %2$s >= :from and %2$s < :to and (%3$s) and not %5$s"""
                            .formatted(sql.get(0), sql.get(1), sql.get(2), sql.get(3), sql.get(4)))
                    .params(params).query((rs, i) -> new BigDecimal[] {rs.getBigDecimal("n"), rs.getBigDecimal("d")}).single();
            var now1 = figures.compute(kpi, filter, List.of()).orElseThrow();
            assertThat(now1.numerator()).as("%s numerator", code).isEqualByComparingTo(reference[0]);
            assertThat(now1.denominator()).as("%s denominator", code).isEqualByComparingTo(reference[1]);
        });
        var qc = definitions.required("qc-coverage");
        long inspected = jdbc.sql("""
                select count(*) from rpt_call_fact c where c.arrived_at >= ? and c.arrived_at < ?
                   and c.direction = 'INBOUND' and c.answered_at is not null
                   and exists (select 1 from rpt_qc_fact q where q.call_id = c.call_id)""")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
        assertThat(figures.compute(qc, filter, List.of()).orElseThrow().numerator()).isEqualByComparingTo(BigDecimal.valueOf(inspected));
    }

    private void awaitFacts() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null and listener_id like '%reporting%'""")
                .query(Long.class).single() == 0);
    }
}
