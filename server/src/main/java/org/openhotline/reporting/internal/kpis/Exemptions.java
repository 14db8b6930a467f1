package org.openhotline.reporting.internal.kpis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * KPI exemptions (豁免) that leave rows out of a figure's numerator and denominator: periods a manager declared for
 * some KPIs, with a reason (003, {@code rpt_kpi_exemption}), and — for a KPI with {@code exempt_month_answered} —
 * every whole month in which the hotline answered at least that many calls, when the figure spans more than one
 * month (004: such a month is left out of the yearly 20-s rate; its own monthly figure still shows it).
 */
@Repository
public class Exemptions {

    /** An exemption applied to a figure: {@code kind} DECLARED (with its id) or RULE; rows in [from, to) are left out. */
    public record Applied(String kind, Long id, Instant from, Instant to, String label, String reason) {}

    /** The KPI whose denominator is the hotline's answered calls by the time they arrived (Formulas: ANSWERED). */
    static final String ANSWERED_CALLS = "survey-participation";

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final ObjectProvider<KpiFigures> figures;

    Exemptions(JdbcClient jdbc, KpiDefinitions definitions, ObjectProvider<KpiFigures> figures) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.figures = figures;
    }

    public List<Applied> applied(KpiDefinition kpi, KpiFilter filter) {
        return applied(List.of(kpi), filter).get(kpi.code());
    }

    /** The exemptions of each of {@code kpis} (by code, an empty list for none), in two statements at most. */
    public Map<String, List<Applied>> applied(List<KpiDefinition> kpis, KpiFilter filter) {
        Map<String, List<Applied>> result = new HashMap<>();
        kpis.forEach(k -> result.put(k.code(), new ArrayList<>()));
        jdbc.sql("""
                        select id, codes, starts_at, ends_at, reason from rpt_kpi_exemption
                         where starts_at < :to and ends_at > :from order by starts_at""")
                .param("from", utc(filter.from())).param("to", utc(filter.to()))
                .query(rs -> {
                    Instant from = rs.getTimestamp("starts_at").toInstant();
                    Instant to = rs.getTimestamp("ends_at").toInstant();
                    var applied = new Applied("DECLARED", rs.getLong("id"), from, to, label(from, to, filter),
                            rs.getString("reason"));
                    for (Object code : (Object[]) rs.getArray("codes").getArray()) {
                        var list = result.get(String.valueOf(code));
                        if (list != null) {
                            list.add(applied);
                        }
                    }
                });
        YearMonth first = YearMonth.from(filter.from().atZone(filter.zone()));
        YearMonth last = YearMonth.from(filter.to().minusNanos(1).atZone(filter.zone()));
        var ruled = kpis.stream().filter(k -> k.exemptMonthAnswered() != null && k.source() == Source.CALL).toList();
        if (ruled.isEmpty() || first.equals(last)) {
            return result;
        }
        Instant start = first.atDay(1).atStartOfDay(filter.zone()).toInstant();
        Instant end = last.plusMonths(1).atDay(1).atStartOfDay(filter.zone()).toInstant();
        // the whole month's answered calls of the hotline, whatever part of the month the figure covers
        Map<YearMonth, Long> answered = answeredByMonth(start, end, filter.zone(), filter.now());
        for (var k : ruled) {
            int limit = k.exemptMonthAnswered();
            answered.forEach((m, n) -> {
                if (n >= limit) {
                    result.get(k.code()).add(new Applied("RULE", null, m.atDay(1).atStartOfDay(filter.zone()).toInstant(),
                            m.plusMonths(1).atDay(1).atStartOfDay(filter.zone()).toInstant(), m.toString(),
                            "当月人工接通 " + n + " 通，达到 " + limit + " 通，不计入跨月统计"));
                }
            });
        }
        return result;
    }

    /**
     * The hotline's answered calls per month of [{@code start}, {@code end}) (whole months of {@code zone}). They are
     * the denominator of {@value #ANSWERED_CALLS} grouped by month, so the count takes the daily rollups for the days
     * they hold and the call facts only for the others (today, a changed day): a year's page no longer scans a year of
     * calls for the 004 month rule.
     */
    public Map<YearMonth, Long> answeredByMonth(Instant start, Instant end, ZoneId zone, Instant now) {
        Map<YearMonth, Long> answered = new TreeMap<>();
        KpiDefinition kpi = definitions.required(ANSWERED_CALLS);
        var byMonth = new KpiFilter(start, end, null, null, Dimension.MONTH, zone, now);
        // counted without exemptions (the rule's own count); KpiFigures asks this class for the exemptions of its figures
        KpiFigure figure = figures.getObject().computeAll(List.of(kpi), byMonth, Map.of()).get(ANSWERED_CALLS);
        for (KpiFigure.Group g : figure.groups()) {
            if (g.denominator().signum() > 0) {
                answered.put(YearMonth.parse(g.key()), g.denominator().longValueExact());
            }
        }
        return answered;
    }

    /** The SQL that leaves the exempted rows out (by the time that places a row of {@code f} in a period). */
    static String predicate(Formula f, List<Applied> applied, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < applied.size(); i++) {
            sql.append(" and not (").append(f.periodColumn()).append(" >= :exf").append(i).append(" and ")
                    .append(f.periodColumn()).append(" < :ext").append(i).append(')');
            params.put("exf" + i, utc(applied.get(i).from()));
            params.put("ext" + i, utc(applied.get(i).to()));
        }
        return sql.toString();
    }

    private static String label(Instant from, Instant to, KpiFilter filter) {
        var zone = filter.zone();
        return from.atZone(zone).toLocalDate() + " 至 " + to.minusNanos(1).atZone(zone).toLocalDate();
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
