package org.openhotline.reporting.internal.periodic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.api.GroupLabels;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gathers a periodic report's figures for the whole hotline: every KPI by its own formula (the numbers
 * {@code /api/reports/kpis} answers for the same dates), intake by channel, category and district, the units with
 * the most assignments past their deadline, and the categories that grew most against the period before.
 */
@Component
class ReportContents {

    static final int TOP = 10;

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final Organization organization;
    private final Clock clock;

    ReportContents(JdbcClient jdbc, KpiDefinitions definitions, KpiFigures figures, Organization organization,
                   Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.figures = figures;
        this.organization = organization;
        this.clock = clock;
    }

    List<ReportContent.Kpi> kpis(LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        var filter = new KpiFilter(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                null, null, null, zone, clock.instant());
        List<ReportContent.Kpi> rows = new ArrayList<>();
        figures.computeAll(definitions.all(), filter).values().forEach(f -> {
            var k = f.kpi();
            rows.add(new ReportContent.Kpi(k.code(), k.name(), k.unit(),
                    f.numerator(), f.denominator(), f.value(), k.target(), f.met(), k.higherIsBetter()));
        });
        return rows;
    }

    List<ReportContent.Count> channels(LocalDate from, LocalDate to) {
        return count("o.channel", from, to).stream()
                .map(c -> new ReportContent.Count(c.key(), GroupLabels.channel(c.key()), c.count())).toList();
    }

    List<ReportContent.Count> categories(LocalDate from, LocalDate to) {
        return count("coalesce(c.name, '未分类')", from, to);
    }

    List<ReportContent.Count> districts(LocalDate from, LocalDate to) {
        var rows = count("nullif(split_part(o.region_path, '/', 4), '')", from, to);
        Map<String, String> names = organization.nodes(rows.stream().map(ReportContent.Count::key)
                        .filter(k -> k != null && k.matches("\\d+")).map(Long::valueOf).toList()).stream()
                .collect(Collectors.toMap(n -> String.valueOf(n.id()), OrgNode::name));
        return rows.stream().map(c -> new ReportContent.Count(c.key(), c.key() == null ? "未指定区县"
                : names.getOrDefault(c.key(), c.key()), c.count())).toList();
    }

    /** Orders of the period by {@code key} (an expression over {@code o} and {@code c}, a constant of this class). */
    private List<ReportContent.Count> count(String key, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select %s as k, count(*) from rpt_order_fact o left join rpt_source_category c on c.category_id = o.category_id
                 where o.created_at >= :from and o.created_at < :to group by 1 order by 2 desc, 1""".formatted(key))
                .params(period(from, to))
                .query((rs, n) -> new ReportContent.Count(rs.getString(1), rs.getString(1), rs.getLong(2))).list();
    }

    /** Units by assignments due in the period and replied late or not at all, approved returns left out. */
    List<ReportContent.UnitOverdue> units(LocalDate from, LocalDate to) {
        record Row(long unitId, long due, long overdue) {}
        var p = period(from, to);
        p.put("now", OffsetDateTime.now(clock));
        List<Row> rows = jdbc.sql("""
                select a.unit_id, count(*), count(*) filter (where coalesce(a.replied_at, :now) > a.handle_due_at)
                  from rpt_assignment_fact a
                 where a.handle_due_at >= :from and a.handle_due_at < :to and a.unit_id is not null
                   and not exists (select 1 from rpt_assignment_decision d
                                    where d.assignment_id = a.assignment_id and d.kind = 'RETURN_APPROVED')
                 group by a.unit_id
                having count(*) filter (where coalesce(a.replied_at, :now) > a.handle_due_at) > 0
                 order by 3 desc, 2 desc, 1 limit \s""" + TOP)
                .params(p).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        Map<Long, String> names = organization.nodes(rows.stream().map(Row::unitId).toList()).stream()
                .collect(Collectors.toMap(OrgNode::id, OrgNode::name));
        return rows.stream().map(r -> new ReportContent.UnitOverdue(names.getOrDefault(r.unitId(), "单位 " + r.unitId()),
                r.due(), r.overdue())).toList();
    }

    /** Categories with the largest growth against the period of the same length just before. */
    List<ReportContent.Rising> topics(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        var p = period(from.minusDays(days), to);
        p.put("split", from.atStartOfDay(clock.getZone()).toOffsetDateTime());
        return jdbc.sql("""
                select name, cur, prev from (
                    select coalesce(c.name, '未分类') as name, count(*) filter (where o.created_at >= :split) as cur,
                           count(*) filter (where o.created_at < :split) as prev
                      from rpt_order_fact o left join rpt_source_category c on c.category_id = o.category_id
                     where o.created_at >= :from and o.created_at < :to
                     group by 1) t
                 where cur > 0 order by cur - prev desc, cur desc, name limit\s""" + TOP)
                .params(p).query((rs, n) -> new ReportContent.Rising(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private Map<String, Object> period(LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("from", from.atStartOfDay(zone).toOffsetDateTime());
        p.put("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return p;
    }
}
