package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes KPIs from the facts: one statement per KPI with the total and the groups ({@code grouping sets}), so a
 * group's figures and the total come from the very same rows.
 */
@Service
public class KpiFigures {

    private final JdbcClient jdbc;
    private final Exemptions exemptions;

    KpiFigures(JdbcClient jdbc, Exemptions exemptions) {
        this.jdbc = jdbc;
        this.exemptions = exemptions;
    }

    /** The KPI's figures, or empty when its facts are not in the filter's reach (call figures of a unit). */
    public Optional<KpiFigure> compute(KpiDefinition kpi, KpiFilter filter) {
        return compute(kpi, filter, exemptions.applied(kpi, filter));
    }

    /** The same with the exemptions already looked up ({@link Exemptions#applied}) by a caller that shows them. */
    public Optional<KpiFigure> compute(KpiDefinition kpi, KpiFilter filter, List<Exemptions.Applied> applied) {
        Formula f = Formulas.of(kpi.code());
        if (f.source() == Source.NONE) {
            return filter.scopePath() == null && filter.agentId() == null
                    ? Optional.of(new KpiFigure(kpi, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of()))
                    : Optional.empty();
        }
        if (!filter.admits(f)) {
            return Optional.empty();
        }
        // The zone goes in as a literal (a ZoneId's id): as a bind parameter each use of the key would be its own
        // parameter, and PostgreSQL would not see the grouped expression in grouping() as the same (day/week/month).
        String raw = filter.groupBy() == null ? null : f.source().key(filter.groupBy(), f.periodColumn());
        String key = raw == null ? null : raw.replace(":tz", "'" + filter.zone().getId() + "'");
        var params = filter.params(kpi);
        String exempt = Exemptions.predicate(f, applied, params);
        String sql = "select %s as k, %s as n, %s as d, %s as total from %s where %s %s".formatted(
                key == null ? "null::text" : key, numerator(f), denominator(f), key == null ? "1" : "grouping(" + key + ")",
                f.source().from, filter.where(f) + exempt,
                key == null ? "" : "group by grouping sets ((" + key + "), ()) order by 1");
        List<KpiFigure.Group> groups = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql(sql).params(params).query(rs -> {
            BigDecimal n = rs.getBigDecimal("n");
            BigDecimal d = rs.getBigDecimal("d");
            if (rs.getInt("total") == 1) {
                total[0] = n;
                total[1] = d;
            } else {
                String k = rs.getString("k");
                groups.add(new KpiFigure.Group(k, k, n, d, value(f, n, d)));
            }
        });
        return Optional.of(new KpiFigure(kpi, total[0], total[1], value(f, total[0], total[1]), groups));
    }

    private static String numerator(Formula f) {
        return switch (f.kind()) {
            case RATIO -> "count(*) filter (where " + f.numerator() + ")::numeric";
            case AVERAGE -> "round(coalesce(sum(" + f.seconds() + "), 0)::numeric, 1)";
            case TIME_SHARE -> "round(coalesce(sum(" + f.seconds() + ") filter (where " + f.numerator() + "), 0)::numeric, 1)";
        };
    }

    private static String denominator(Formula f) {
        return f.kind() == Formula.Kind.TIME_SHARE ? "round(coalesce(sum(" + f.seconds() + "), 0)::numeric, 1)" : "count(*)::numeric";
    }

    static BigDecimal value(Formula f, BigDecimal n, BigDecimal d) {
        if (d == null || d.signum() == 0) {
            return null;
        }
        return f.kind() == Formula.Kind.AVERAGE ? n.divide(d, 1, RoundingMode.HALF_UP)
                : n.multiply(BigDecimal.valueOf(100)).divide(d, 2, RoundingMode.HALF_UP);
    }
}
