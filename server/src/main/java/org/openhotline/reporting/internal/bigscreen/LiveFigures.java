package org.openhotline.reporting.internal.bigscreen;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The big screen's figures of today, from the facts only: calls now in the IVR, queued and talking, agents by their
 * current state, today's calls with the answer rates (the KPIs' own formulas), today's orders by channel and by
 * district, the top categories, overdue assignments ({@link OrderFigures}), 30-day trends and the unit ranking
 * ({@link PeriodFigures}).
 */
@Component
class LiveFigures {

    record Snapshot(long inIvr, long queued, long talking, Map<String, Long> agentsByState, long callsToday,
                    BigDecimal answerRate, BigDecimal answerRate20s, long ordersToday, Map<String, Long> ordersByChannel,
                    OffsetDateTime at, List<OrderFigures.District> ordersByDistrict,
                    List<OrderFigures.Category> topCategories, long overdue, List<OrderFigures.Overdue> longestOverdue,
                    PeriodFigures.Trend trend, List<PeriodFigures.UnitRank> unitRanking) {}

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final OrderFigures orders;
    private final PeriodFigures periods;
    private final Clock clock;

    LiveFigures(JdbcClient jdbc, KpiDefinitions definitions, KpiFigures figures, OrderFigures orders,
                PeriodFigures periods, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.periods = periods;
        this.definitions = definitions;
        this.figures = figures;
        this.clock = clock;
    }

    Snapshot now() {
        LocalDate today = LocalDate.now(clock);
        var start = today.atStartOfDay(clock.getZone()).toOffsetDateTime();
        var end = today.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        var filter = new KpiFilter(start.toInstant(), today.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), null,
                null, null, clock.getZone(), clock.instant());
        var calls = jdbc.sql("""
                select count(*) filter (where queued_at is null and answered_at is null and ended_at is null),
                       count(*) filter (where queued_at is not null and answered_at is null and ended_at is null),
                       count(*) filter (where answered_at is not null and ended_at is null),
                       count(*)
                  from rpt_call_fact where direction = 'INBOUND' and arrived_at >= ? and arrived_at < ?""")
                .params(start, end).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        Map<String, Long> agents = new LinkedHashMap<>();
        // Each agent's latest state by walking the primary key (account_id, started_at) agent by agent — a "skip scan"
        // that reads two index entries per agent; DISTINCT ON read every state of the year on each push.
        jdbc.sql("""
                with recursive agent(id) as (
                    select min(account_id) from rpt_agent_state_fact
                    union all
                    select (select min(f.account_id) from rpt_agent_state_fact f where f.account_id > agent.id)
                      from agent where agent.id is not null)
                select s.state, count(*) from agent
                  cross join lateral (select f.state from rpt_agent_state_fact f where f.account_id = agent.id
                                       order by f.started_at desc limit 1) s
                 where agent.id is not null and s.state <> 'SIGNED_OUT' group by s.state order by s.state""")
                .query(rs -> { agents.put(rs.getString(1), rs.getLong(2)); });
        Map<String, Long> channels = new LinkedHashMap<>();
        jdbc.sql("select channel, count(*) from rpt_order_fact where created_at >= ? and created_at < ? group by channel order by 2 desc")
                .params(start, end).query(rs -> { channels.put(rs.getString(1), rs.getLong(2)); });
        var overdue = orders.overdue();
        return new Snapshot(calls[0], calls[1], calls[2], agents, calls[3], rate("answer-rate", filter),
                rate("answer-rate-20s", filter), channels.values().stream().mapToLong(Long::longValue).sum(), channels,
                OffsetDateTime.now(clock), orders.byDistrict(start, end), orders.topCategories(today), overdue.getKey(),
                overdue.getValue(), periods.trend(), periods.ranking());
    }

    private BigDecimal rate(String code, KpiFilter filter) {
        return figures.compute(definitions.required(code), filter).map(f -> f.value()).orElse(null);
    }
}
