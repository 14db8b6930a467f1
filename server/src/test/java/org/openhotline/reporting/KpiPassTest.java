package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of KPIs counted in one pass per source equals each KPI counted on its own, figure by figure and group by
 * group, for the whole database (the demo year and every other test's calls and orders): city-wide, by day, by agent,
 * by unit, by team, for one agent and for a district's scope.
 */
@HotlineTest
class KpiPassTest {

    @Autowired
    KpiFigures figures;

    @Autowired
    KpiDefinitions definitions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void onePassPerSourceEqualsEachKpiOnItsOwn() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(400));
        Instant to = now.plus(Duration.ofDays(1));
        var zone = clock.getZone();
        // an agent who answered calls: since 外呼 attempts are their agent's (CallPlaced), the agent with the most call
        // facts could be one whose only calls were unanswered outbound ones, with no KPI figure at all
        Long agent = jdbc.sql("""
                        select agent_id from rpt_call_fact
                         where agent_id is not null and direction = 'INBOUND' and answered_at is not null
                           and arrived_at >= ? and arrived_at < ?
                         group by agent_id order by count(*) desc, agent_id limit 1""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)).query(Long.class).optional().orElse(null);
        String district = jdbc.sql("select path from org_node where kind = 'DISTRICT' order by id limit 1")
                .query(String.class).optional().orElse(null);
        List<Long> districtAgents = List.of(agent == null ? -1L : agent);
        List<KpiFilter> filters = List.of(
                new KpiFilter(from, to, null, null, null, zone, now),
                new KpiFilter(from, to, null, null, Dimension.DAY, zone, now),
                new KpiFilter(from, to, null, null, Dimension.AGENT, zone, now),
                new KpiFilter(from, to, null, null, Dimension.UNIT, zone, now),
                new KpiFilter(from, to, null, null, Dimension.TEAM, zone, now),
                new KpiFilter(from, to, null, agent, Dimension.MONTH, zone, now),
                new KpiFilter(from, to, district, null, Dimension.CATEGORY, zone, now, districtAgents));
        List<KpiDefinition> all = definitions.all();
        for (KpiFilter filter : filters) {
            Map<String, KpiFigure> onePass = figures.computeAll(all, filter);
            Map<String, KpiFigure> each = all.stream().map(k -> figures.compute(k, filter)).flatMap(java.util.Optional::stream)
                    .collect(Collectors.toMap(f -> f.kpi().code(), f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
            assertThat(onePass.keySet()).as("KPIs of %s", filter).containsExactlyElementsOf(each.keySet());
            each.forEach((code, f) -> {
                var p = onePass.get(code);
                assertThat(p.numerator()).as("%s numerator, %s", code, filter).isEqualByComparingTo(f.numerator());
                assertThat(p.denominator()).as("%s denominator, %s", code, filter).isEqualByComparingTo(f.denominator());
                assertThat(p.groups()).as("%s groups, %s", code, filter).isEqualTo(f.groups());
            });
            assertThat(each.values()).as("the data has figures: %s", filter)
                    .anySatisfy(f -> assertThat(f.denominator().signum()).isPositive());
        }
    }
}
