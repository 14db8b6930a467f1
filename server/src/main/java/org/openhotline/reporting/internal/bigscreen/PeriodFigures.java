package org.openhotline.reporting.internal.bigscreen;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The big screen's figures over longer periods: calls and orders of the last 30 days and the units ranked by
 * 按时办结率 this month. The days before today and the ranking are scanned at most once a minute (a month of a
 * large city is a few hundred thousand rows, too many to rescan on every push); today's point of the trends is live.
 */
@Component
class PeriodFigures {

    record Trend(List<String> days, List<Long> calls, List<Long> orders) {}

    record UnitRank(long unitId, String unit, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}

    static final int DAYS = 30;
    static final int UNITS = 10;
    static final Duration REFRESH = Duration.ofMinutes(1);

    private record Cached(LocalDate today, Instant at, Map<LocalDate, long[]> past, List<UnitRank> ranking) {}

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final Organization organization;
    private final Clock clock;
    private volatile Cached cached;

    PeriodFigures(JdbcClient jdbc, KpiDefinitions definitions, KpiFigures figures, Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.figures = figures;
        this.organization = organization;
        this.clock = clock;
    }

    Trend trend() {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, long[]> days = new HashMap<>(current(today).past());
        days.put(today, counts(today, today.plusDays(1)).getOrDefault(today, new long[2]));
        List<String> labels = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        for (LocalDate d = today.minusDays(DAYS - 1); !d.isAfter(today); d = d.plusDays(1)) {
            long[] c = days.getOrDefault(d, new long[2]);
            labels.add(d.toString());
            calls.add(c[0]);
            orders.add(c[1]);
        }
        return new Trend(labels, calls, orders);
    }

    List<UnitRank> ranking() {
        return current(LocalDate.now(clock)).ranking();
    }

    private Cached current(LocalDate today) {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || !c.today().equals(today) || c.at().plus(REFRESH).isBefore(now) || c.at().isAfter(now)) {
            c = new Cached(today, now, counts(today.minusDays(DAYS - 1), today), rank(today));
            cached = c;
        }
        return c;
    }

    /** Inbound calls and orders per day in [from, to). */
    private Map<LocalDate, long[]> counts(LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        var p = Map.<String, Object>of("from", from.atStartOfDay(zone).toOffsetDateTime(),
                "to", to.atStartOfDay(zone).toOffsetDateTime(), "tz", zone.getId());
        Map<LocalDate, long[]> days = new HashMap<>();
        jdbc.sql("""
                select (arrived_at at time zone :tz)::date, count(*) from rpt_call_fact
                 where direction = 'INBOUND' and arrived_at >= :from and arrived_at < :to group by 1""")
                .params(p).query(rs -> { days.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[2])[0] = rs.getLong(2); });
        jdbc.sql("""
                select (created_at at time zone :tz)::date, count(*) from rpt_order_fact
                 where created_at >= :from and created_at < :to group by 1""")
                .params(p).query(rs -> { days.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[2])[1] = rs.getLong(2); });
        return days;
    }

    /** Units by this month's 按时办结率 (the KPI's own formula), best first; ties by more assignments. */
    private List<UnitRank> rank(LocalDate today) {
        var zone = clock.getZone();
        var filter = new KpiFilter(today.withDayOfMonth(1).atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(), null, null, Dimension.UNIT, zone, clock.instant());
        var groups = figures.compute(definitions.required("completion-on-time"), filter)
                .map(f -> f.groups()).orElse(List.of()).stream()
                .filter(g -> g.key() != null && g.value() != null).toList();
        Map<Long, String> names = organization.nodes(groups.stream().map(g -> Long.valueOf(g.key())).toList()).stream()
                .collect(Collectors.toMap(OrgNode::id, OrgNode::name));
        return groups.stream()
                .map(g -> new UnitRank(Long.parseLong(g.key()), names.getOrDefault(Long.valueOf(g.key()), g.key()),
                        g.value(), g.numerator(), g.denominator()))
                .sorted(Comparator.comparing(UnitRank::value).reversed()
                        .thenComparing(UnitRank::denominator, Comparator.reverseOrder()))
                .limit(UNITS).toList();
    }
}
