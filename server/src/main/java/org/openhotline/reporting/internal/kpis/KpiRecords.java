package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rows behind a KPI figure (drill-down): the denominator's rows, or those of them in the numerator, selected by
 * the very predicate {@link KpiFigures} counts with, so the total here always equals the figure clicked; like the
 * figure, the total takes whole days from the daily rollups ({@link KpiRollups}) and counts only the other days here. For averages
 * and time shares the rows are the ones averaged, each with its seconds, and the page carries their sum: occupancy's
 * figures are seconds of state intervals, and it is the seconds, not the number of intervals, that equal them.
 */
@Service
public class KpiRecords {

    /** EXCLUDED: the rows an upheld appeal took out of the KPI, each with the reason (in neither part). */
    public enum Part { NUMERATOR, DENOMINATOR, EXCLUDED }

    /**
     * A page of records; {@code seconds} is the sum of the rows' seconds for averages and time shares (null for
     * ratios), so that a figure counted in seconds (occupancy's numerator) equals its records as a count figure does.
     */
    public record Page(List<Map<String, Object>> items, long total, int page, int size, BigDecimal seconds) {}

    private final JdbcClient jdbc;
    private final Exemptions exemptions;
    private final KpiRollups rollups;

    KpiRecords(JdbcClient jdbc, Exemptions exemptions, KpiRollups rollups) {
        this.jdbc = jdbc;
        this.exemptions = exemptions;
        this.rollups = rollups;
    }

    public static Part part(String value) {
        if (value == null || value.isBlank()) {
            return Part.DENOMINATOR;
        }
        return switch (value.strip().toLowerCase()) {
            case "numerator" -> Part.NUMERATOR;
            case "denominator" -> Part.DENOMINATOR;
            case "excluded" -> Part.EXCLUDED;
            default -> throw DomainException.badRequest("part 只能是 numerator（分子）、denominator（分母）或 excluded（申诉剔除）");
        };
    }

    /**
     * The rolled-up part of the total, when the rollups hold it: the rows of a ratio's denominator or numerator, or of
     * an average (with their seconds) — not a time share's rows (its rollup parts are seconds) nor the excluded rows.
     */
    private Optional<KpiRollups.Rolled> rolledCounts(KpiDefinition kpi, Formula f, KpiFilter filter, Part part,
                                                     List<Exemptions.Applied> applied) {
        if (part == Part.EXCLUDED || f.kind() == Formula.Kind.TIME_SHARE) {
            return Optional.empty();
        }
        return rollups.rolledUp(List.of(kpi), filter, Map.of(kpi.code(), applied));
    }

    /** {@code groupKey} narrows to one group of {@code filter.groupBy()} (a figure in a grouped table). */
    public Page page(KpiDefinition kpi, KpiFilter filter, Part part, String groupKey,
                                                int page, int size) {
        Formula f = Formulas.of(kpi.code());
        if (!filter.admits(f)) {
            return new Page(List.of(), 0, page, size, null);
        }
        StringBuilder where = new StringBuilder(part == Part.EXCLUDED ? filter.whereExcluded(f) : filter.where(f));
        if (part == Part.NUMERATOR && f.kind() != Formula.Kind.AVERAGE) {
            where.append(" and (").append(f.numerator()).append(')');
        }
        var params = filter.params(kpi);
        List<Exemptions.Applied> applied = exemptions.applied(kpi, filter);
        where.append(Exemptions.predicate(f, applied, params));
        if (groupKey != null && filter.groupBy() != null) {
            String key = f.source().key(filter.groupBy(), f.periodColumn());
            if (key == null) {
                throw DomainException.badRequest("指标“" + kpi.name() + "”不能按" + filter.groupBy().label() + "分组");
            }
            where.append(" and ").append(key).append(" = :group");
            params.put("group", groupKey);
        }
        String seconds = f.seconds() == null || f.source() == Source.STATE ? "" : ", round((" + f.seconds() + ")::numeric, 1) as seconds";
        // a regraded callback (改判) stays in the KPI: its rows show why their grade differs from the citizen's answer
        if ((part == Part.EXCLUDED || f.source() == Source.CALLBACK) && Exclusions.reason(f.source()) != null) {
            seconds += ", " + Exclusions.reason(f.source());
        }
        long total;
        BigDecimal secondsTotal;
        Optional<KpiRollups.Rolled> rolled = rolledCounts(kpi, f, filter, part, applied);
        if (rolled.isPresent()) {
            // whole days from the daily rollups (the rows the figure counted there), the others counted here
            KpiRollups.Part r = groupKey != null && filter.groupBy() != null
                    ? rolled.get().groups().getFirst().getOrDefault(groupKey, KpiRollups.Part.ZERO)
                    : rolled.get().totals().getFirst();
            String restrict = rolled.get().factsRestrict();
            String rest = where + (restrict == null ? " and false" : " and (" + restrict + ")");
            long factRows = restrict == null ? 0 : jdbc.sql("select count(*) from " + f.source().from + " where " + rest)
                    .params(params).query(Long.class).single();
            total = (part == Part.NUMERATOR && f.kind() == Formula.Kind.RATIO ? r.n() : r.r()).longValueExact() + factRows;
            secondsTotal = f.seconds() == null ? null : restrict == null ? r.n().setScale(1, RoundingMode.HALF_UP)
                    : r.n().add(jdbc.sql("select coalesce(sum(" + f.seconds() + "), 0)::numeric from " + f.source().from
                            + " where " + rest).params(params).query(BigDecimal.class).single()).setScale(1, RoundingMode.HALF_UP);
        } else {
            total = jdbc.sql("select count(*) from " + f.source().from + " where " + where).params(params)
                    .query(Long.class).single();
            secondsTotal = f.seconds() == null ? null
                    : jdbc.sql("select round(coalesce(sum(" + f.seconds() + "), 0)::numeric, 1) from " + f.source().from
                            + " where " + where).params(params).query(BigDecimal.class).single();
        }
        params.put("limit", size);
        params.put("offset", PageResult.offset(page, size));
        List<Map<String, Object>> rows = jdbc.sql("select " + f.source().columns + seconds + " from " + f.source().from
                        + " where " + where + " order by " + f.periodColumn() + " desc limit :limit offset :offset")
                .params(params).query().listOfRows();
        return new Page(rows, total, page, size, secondsTotal);
    }
}
