package org.openhotline.reporting.internal.bigscreen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.reporting.internal.kpis.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leader's cockpit alarms for today in a data scope: each headline KPI below its target (a red card says it,
 * the alarm says by how much), and a spike of assignments falling overdue — today's count against the daily mean
 * of the seven days before, raised at {@link #SPIKE_MIN} or more and over {@link #SPIKE_FACTOR} times the mean.
 */
@Component
class CockpitAlarms {

    record Alarm(String kind, String code, String level, String text) {}

    record Overdue(long today, BigDecimal dailyMean7, long openNow) {}

    record Cockpit(LocalDate day, List<Alarm> alarms, Overdue overdue) {}

    static final List<String> HEADLINE = List.of("answer-rate", "answer-rate-20s", "abandon-rate", "agent-satisfaction",
            "direct-reply-rate", "dispatch-timeliness", "sign-timeliness", "completion-on-time", "callback-rate",
            "satisfaction");
    static final int SPIKE_MIN = 3;
    static final int SPIKE_FACTOR = 2;

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final Clock clock;

    CockpitAlarms(JdbcClient jdbc, KpiDefinitions definitions, KpiFigures figures, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.figures = figures;
        this.clock = clock;
    }

    Cockpit today(KpiFilter filter) {
        List<Alarm> alarms = new ArrayList<>();
        for (String code : HEADLINE) {
            var kpi = definitions.required(code);
            figures.compute(kpi, filter).filter(f -> Boolean.FALSE.equals(f.met())).ifPresent(f -> {
                boolean pct = kpi.percent();
                alarms.add(new Alarm("BELOW_TARGET", code, "WARNING", "%s %s，%s目标 %s（%s / %s）".formatted(kpi.name(),
                        show(f.value(), pct), kpi.higherIsBetter() ? "低于" : "高于", show(kpi.target(), pct),
                        f.numerator().stripTrailingZeros().toPlainString(), f.denominator().stripTrailingZeros().toPlainString())));
            });
        }
        Overdue overdue = overdue(filter);
        if (overdue.today() >= SPIKE_MIN
                && BigDecimal.valueOf(overdue.today()).compareTo(overdue.dailyMean7().multiply(BigDecimal.valueOf(SPIKE_FACTOR))) > 0) {
            alarms.add(new Alarm("OVERDUE_SPIKE", "completion-on-time", "CRITICAL",
                    "今日新增超期派单 %d 件，前 7 日日均 %s 件".formatted(overdue.today(), overdue.dailyMean7().toPlainString())));
        }
        return new Cockpit(LocalDate.ofInstant(filter.from(), clock.getZone()), alarms, overdue);
    }

    /** Assignments whose handling deadline passed without a reply by then, per day; approved returns left out. */
    private Overdue overdue(KpiFilter filter) {
        ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.ofInstant(filter.from(), zone);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("weekAgo", day.minusDays(7).atStartOfDay(zone).toOffsetDateTime());
        p.put("start", day.atStartOfDay(zone).toOffsetDateTime());
        p.put("now", now);
        p.put("scope", filter.scopePath() == null ? "%" : filter.scopePath() + "%");
        String scope = filter.scopePath() == null ? "" : " and (a.unit_path like :scope or " + Source.orderScope() + ")";
        return jdbc.sql("""
                select count(*) filter (where a.handle_due_at >= :start),
                       count(*) filter (where a.handle_due_at < :start),
                       (select count(*) from rpt_assignment_fact b where b.replied_at is null and b.handle_due_at < :now
                           and (b.unit_path like :scope or :scope = '%%'))
                  from rpt_assignment_fact a join rpt_order_fact o on o.order_id = a.order_id
                 where a.handle_due_at >= :weekAgo and a.handle_due_at < least(:now, :start + interval '1 day')
                   and (a.replied_at is null or a.replied_at > a.handle_due_at)
                   and not exists (select 1 from rpt_assignment_decision d
                                    where d.assignment_id = a.assignment_id and d.kind = 'RETURN_APPROVED') %s"""
                        .formatted(scope))
                .params(p)
                .query((rs, n) -> new Overdue(rs.getLong(1),
                        BigDecimal.valueOf(rs.getLong(2)).divide(BigDecimal.valueOf(7), 1, RoundingMode.HALF_UP),
                        rs.getLong(3)))
                .single();
    }

    private static String show(BigDecimal v, boolean percent) {
        if (v == null) {
            return "—";
        }
        return percent ? v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%" : v.setScale(1, RoundingMode.HALF_UP) + " 秒";
    }
}
