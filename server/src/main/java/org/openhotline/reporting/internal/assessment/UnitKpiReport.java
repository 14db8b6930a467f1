package org.openhotline.reporting.internal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.api.ReportScope;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 成员单位 KPI 统计报表 (004): every unit that received a dispatch (main or assisting) in the period, within the
 * caller's scope, with each KPI of the UNIT scheme as value and score, and the units ranked by total. A unit's figure
 * is the KPI computed with the unit as organization ({@code org=<unit>} of the KPI API: its own and its sub-units'
 * dispatches, and the callbacks of orders dispatched to it), so its drill-down lists exactly the rows counted.
 */
@Service
class UnitKpiReport {

    record ItemView(String code, String name, String unit, BigDecimal numerator, BigDecimal denominator,
                    BigDecimal value, BigDecimal target, BigDecimal weight, BigDecimal score, String numeratorText,
                    String denominatorText) {}

    record UnitRow(int rank, long unitId, String unitName, List<ItemView> items, BigDecimal total) {}

    record Report(String from, String to, Long org, Scheme scheme, BigDecimal maxTotal, List<UnitRow> units) {}

    private final JdbcClient jdbc;
    private final ReportScope scope;
    private final Schemes schemes;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final Organization organization;

    UnitKpiReport(JdbcClient jdbc, ReportScope scope, Schemes schemes, KpiDefinitions definitions, KpiFigures figures,
                  Organization organization) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schemes = schemes;
        this.definitions = definitions;
        this.figures = figures;
        this.organization = organization;
    }

    Report report(StaffPrincipal who, String from, String to, Long org, Integer version) {
        KpiFilter period = scope.filter(who, from, to, org, null);
        Scheme scheme = schemes.get("UNIT", version);
        Map<Long, String> paths = jdbc.sql("""
                        select a.unit_id, max(a.unit_path) as path from rpt_assignment_fact a
                         where a.role in ('MAIN', 'ASSIST') and a.assigned_at >= :from and a.assigned_at < :to
                           and a.unit_path like :scope
                         group by a.unit_id""")
                .param("from", OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
                .param("scope", period.scopePath() == null ? "%" : period.scopePath() + "%")
                .query((rs, n) -> Map.entry(rs.getLong("unit_id"), rs.getString("path"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, String> names = organization.nodes(paths.keySet()).stream()
                .collect(Collectors.toMap(OrgNode::id, OrgNode::name));
        List<KpiDefinition> kpis = scheme.items().stream().map(i -> definitions.required(i.code())).distinct().toList();
        List<UnitRow> rows = new ArrayList<>();
        // the scheme's KPIs for every unit at once (whole days from the units' own rollup rows, KpiRollups)
        var units = new KpiFilter(period.from(), period.to(), null, null, null, period.zone(), period.now());
        Map<String, Map<String, KpiFigure>> byPath = figures.computeAllByScope(kpis, units,
                paths.values().stream().distinct().toList());
        paths.forEach((unitId, path) -> {
            Map<String, KpiFigure> unitFigures = byPath.get(path);
            List<ItemView> items = scheme.items().stream().map(i -> item(i, unitFigures)).toList();
            BigDecimal total = items.stream().map(ItemView::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            rows.add(new UnitRow(0, unitId, names.getOrDefault(unitId, "单位 " + unitId), items, total));
        });
        rows.sort(Comparator.comparing(UnitRow::total).reversed().thenComparing(UnitRow::unitName));
        List<UnitRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            // equal totals share a rank (1, 2, 2, 4)
            int rank = i > 0 && rows.get(i - 1).total().compareTo(r.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitRow(rank, r.unitId(), r.unitName(), r.items(), r.total()));
        }
        var zone = period.zone();
        return new Report(period.from().atZone(zone).toLocalDate().toString(),
                period.to().atZone(zone).toLocalDate().minusDays(1).toString(), org, scheme, scheme.maxTotal(), ranked);
    }

    private ItemView item(Scheme.Item i, Map<String, KpiFigure> unitFigures) {
        KpiDefinition k = definitions.required(i.code());
        var figure = Optional.ofNullable(unitFigures.get(k.code()));
        BigDecimal value = figure.map(KpiFigure::value).orElse(null);
        return new ItemView(k.code(), k.name(), k.unit(), figure.map(KpiFigure::numerator).orElse(null),
                figure.map(KpiFigure::denominator).orElse(null), value, i.target(), i.weight(),
                i.score(value, k.higherIsBetter()), k.numerator(), k.denominator());
    }
}
