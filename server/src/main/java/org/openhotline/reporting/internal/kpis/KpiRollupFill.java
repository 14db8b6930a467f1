package org.openhotline.reporting.internal.kpis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily rollups current. Every fact write marks its hour in {@code rpt_rollup_dirty} (triggers, in the
 * writer's transaction); a run takes the marks away and with them the days they touch ({@code rpt_kpi_rollup_day}),
 * then counts the ended days not rolled up — newest first, at most a month per pass — from the facts, by the KPIs'
 * own predicates ({@link KpiFigures#innerColumns}). A mark written while a run counts stays for the next run, and
 * {@link KpiRollups} reads a marked day from the facts meanwhile, so a late event for an old day is never lost.
 * Runs take one advisory lock: two runs (two nodes, the rebuild) never interleave.
 */
@Service
public class KpiRollupFill {

    /** Days counted per pass and run: a month of a large city's calls is a few seconds of work. */
    static final int DAYS_PER_RUN = 31;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KpiDefinitions definitions;
    private final TransactionTemplate tx;

    KpiRollupFill(JdbcClient jdbc, Clock clock, KpiDefinitions definitions, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.definitions = definitions;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${hotline.reports.rollups.refresh:PT10S}",
            initialDelayString = "${hotline.reports.rollups.refresh:PT10S}")
    void scheduled() {
        refresh(DAYS_PER_RUN);
    }

    /** One run: forgets the changed days, counts at most {@code maxDays} days per pass; answers the days counted. */
    public int refresh(int maxDays) {
        Integer days = tx.execute(status -> {
            lock();
            uncoverChanged();
            return fill(maxDays);
        });
        return days == null ? 0 : days;
    }

    /** Every day again, in the caller's transaction (the facts rebuild). */
    public void refillAll() {
        lock();
        jdbc.sql("delete from rpt_rollup_dirty").update();
        jdbc.sql("delete from rpt_kpi_rollup_day").update();
        jdbc.sql("delete from rpt_kpi_rollup").update();
        jdbc.sql("delete from rpt_state_rollup").update();
        fill(Integer.MAX_VALUE);
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_kpi_rollup'))").query().singleRow();
    }

    private Map<String, List<KpiDefinition>> passes() {
        Map<String, List<KpiDefinition>> passes = new LinkedHashMap<>();
        for (KpiDefinition k : definitions.all()) {
            Formula f = Formulas.of(k.code());
            String sql = f.denominator() + " " + f.numerator() + " " + f.seconds();
            if (RollupShape.ROLLED.contains(f.source())
                    && (!sql.contains(":now") || RollupShape.PENDING.containsKey(k.code()))) {
                passes.computeIfAbsent(f.source() + " " + f.periodColumn(), x -> new ArrayList<>()).add(k);
            }
        }
        return passes;
    }

    private void uncoverChanged() {
        ZoneId zone = clock.getZone();
        Map<String, Set<LocalDate>> changed = new HashMap<>();
        jdbc.sql("delete from rpt_rollup_dirty returning source, hour").query(rs -> {
            Instant hour = rs.getTimestamp("hour").toInstant();
            var days = changed.computeIfAbsent(rs.getString("source"), x -> new HashSet<>());
            days.add(hour.atZone(zone).toLocalDate());
            days.add(hour.plus(Duration.ofHours(1)).minusNanos(1).atZone(zone).toLocalDate());
        });
        for (List<KpiDefinition> pass : passes().values()) {
            Set<LocalDate> days = changed.get(Formulas.of(pass.getFirst().code()).source().name());
            if (days != null) {
                List<String> codes = pass.stream().map(KpiDefinition::code).toList();
                String dayIn = RollupDays.dayIn("day", days);
                jdbc.sql("delete from rpt_kpi_rollup_day where kpi_code in (:codes) and " + dayIn).param("codes", codes).update();
                // their rows too: a day whose facts are all gone is not counted again
                jdbc.sql("delete from rpt_kpi_rollup where kpi_code in (:codes) and " + dayIn).param("codes", codes).update();
                if (Formulas.of(pass.getFirst().code()).source() == Source.STATE) {
                    jdbc.sql("delete from rpt_state_rollup where " + dayIn).update();
                }
            }
        }
    }

    private int fill(int maxDays) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate lastDay = now.atZone(zone).toLocalDate().minusDays(1); // days that have ended
        int filled = 0;
        for (List<KpiDefinition> pass : passes().values()) {
            Formula first = Formulas.of(pass.getFirst().code());
            var oldest = jdbc.sql("select min(" + first.periodColumn() + ") from " + RollupShape.table(first.periodColumn()))
                    .query(java.sql.Timestamp.class).optional();
            if (oldest.isEmpty() || oldest.get() == null) {
                continue;
            }
            LocalDate firstDay = oldest.get().toInstant().atZone(zone).toLocalDate();
            Map<String, Integer> versions = new HashMap<>();
            pass.forEach(k -> versions.put(k.code(), k.version()));
            Map<LocalDate, Integer> current = new HashMap<>();
            jdbc.sql("""
                            select kpi_code, day, version, computed_at, stale_after from rpt_kpi_rollup_day
                             where kpi_code in (:codes) and day between :first and :last""")
                    .param("codes", List.copyOf(versions.keySet())).param("first", firstDay).param("last", lastDay)
                    .query(rs -> {
                        var stale = rs.getTimestamp("stale_after");
                        if (rs.getInt("version") == versions.get(rs.getString("kpi_code"))
                                && !rs.getTimestamp("computed_at").toInstant().isAfter(now)
                                && (stale == null || !now.isAfter(stale.toInstant()))) {
                            current.merge(rs.getDate("day").toLocalDate(), 1, Integer::sum);
                        }
                    });
            TreeSet<LocalDate> days = new TreeSet<>();
            for (LocalDate d = lastDay; !d.isBefore(firstDay) && days.size() < maxDays; d = d.minusDays(1)) {
                if (current.getOrDefault(d, 0) < pass.size()) {
                    days.add(d);
                }
            }
            if (!days.isEmpty()) {
                fill(pass, days, zone, now);
                filled += days.size();
            }
        }
        return filled;
    }

    private void fill(List<KpiDefinition> pass, Set<LocalDate> days, ZoneId zone, Instant now) {
        Formula first = Formulas.of(pass.getFirst().code());
        List<Instant[]> ranges = RollupDays.ranges(days, zone);
        String period = first.periodColumn();
        String within = RollupDays.within(period, ranges);
        String dayIn = RollupDays.dayIn("day", days);
        List<String> codes = pass.stream().map(KpiDefinition::code).toList();
        var filter = new KpiFilter(ranges.getFirst()[0], ranges.getLast()[1], null, null, null, zone, now);
        Map<String, Object> params = new HashMap<>(filter.params(pass.getFirst()));
        if (first.source() == Source.STATE) {
            jdbc.sql("delete from rpt_state_rollup where " + dayIn).update();
            jdbc.sql("""
                    insert into rpt_state_rollup (day, agent_id, state, end_day, rows, seconds, start_epoch)
                    select (s.started_at at time zone :tz)::date, s.account_id, s.state, (s.ended_at at time zone :tz)::date,
                           count(*), coalesce(sum(extract(epoch from s.ended_at - s.started_at)), 0),
                           sum(extract(epoch from s.started_at))
                      from rpt_agent_state_fact s where %s group by 1, 2, 3, 4""".formatted(within))
                    .param("tz", zone.getId()).update();
        } else {
            // grains: by all the source's groups at once, the day's total (a city-wide page reads one row per KPI and
            // day), by the order's category
            String inner = KpiFigures.innerColumns(pass, filter, Map.of(), params);
            String values = String.join(", ", values(pass, params));
            jdbc.sql("delete from rpt_kpi_rollup where kpi_code in (:codes) and " + dayIn).param("codes", codes).update();
            jdbc.sql("""
                    insert into rpt_kpi_rollup (kpi_code, day, agent_id, group_id, unit_id, region, channel, category_id, grain, r, n, d)
                    select v.code, t.day, t.agent_id, t.group_id, t.unit_id, t.region, t.channel, t.category_id, t.grain, v.r, v.n, v.d
                      from (select t.day, t.agent_id, t.group_id, t.unit_id, t.region, t.channel, t.category_id,
                                   case grouping(t.agent_id, t.group_id, t.unit_id, t.region, t.channel, t.category_id)
                                        when 1 then 'GROUPS' when 62 then 'CATEGORY' else 'TOTAL' end as grain%s
                              from (select (%s at time zone :tz)::date as day, %s%s from %s where %s and %s) t
                             group by grouping sets ((t.day, t.agent_id, t.group_id, t.unit_id, t.region, t.channel), (t.day),
                                                     (t.day, t.category_id))) t
                     cross join lateral (values %s) v(code, r, n, d)
                     where v.r > 0 and (t.grain <> 'CATEGORY' or %s)""".formatted(sums(pass), period,
                            RollupShape.fillColumns(first.source()), inner, first.source().from, filter.common(first), within,
                            values, first.source().orderBased()))
                    .params(params).update();
            if (first.source().orderBased()) {
                // each row once under every org node whose data scope holds it: a unit's or a district's own figures
                jdbc.sql("""
                        insert into rpt_kpi_rollup (kpi_code, day, scope_path, grain, r, n, d)
                        select v.code, t.day, t.scope_path, 'SCOPE', v.r, v.n, v.d
                          from (select t.day, p.scope_path%s
                                  from (select (%s at time zone :tz)::date as day, %s as paths%s from %s where %s and %s) t
                                 cross join lateral unnest(t.paths) p(scope_path)
                                 group by t.day, p.scope_path) t
                         cross join lateral (values %s) v(code, r, n, d)
                         where v.r > 0""".formatted(sums(pass), period, RollupShape.scopePaths(first.source()), inner,
                                first.source().from, filter.common(first), within, values))
                        .params(params).update();
            }
        }
        jdbc.sql("delete from rpt_kpi_rollup_day where kpi_code in (:codes) and " + dayIn).param("codes", codes).update();
        for (KpiDefinition k : pass) {
            jdbc.sql("""
                            insert into rpt_kpi_rollup_day (kpi_code, day, version, computed_at)
                            select :code, g::date, :version, :now from generate_series(:first, :last, interval '1 day') g
                             where %s""".formatted(RollupDays.dayIn("g::date", days)))
                    .param("code", k.code()).param("version", k.version()).param("now", Exemptions.utc(now))
                    .param("first", days.iterator().next().atStartOfDay())
                    .param("last", ((TreeSet<LocalDate>) days).last().atStartOfDay()).update();
            String pending = RollupShape.PENDING.get(k.code());
            if (pending != null) {
                // the rollup holds until the first deadline after now of a row still open
                jdbc.sql("""
                                update rpt_kpi_rollup_day r set stale_after = x.due
                                  from (select (%s at time zone :tz)::date as day, min(%s) as due from %s
                                         where %s and %s and (%s) >= :now group by 1) x
                                 where r.kpi_code = :kpi and r.day = x.day""".formatted(period, pending,
                                first.source().from, filter.common(first), within, pending))
                        .params(params).param("kpi", k.code()).update();
            }
        }
    }

    /** Per KPI {@code i} of the pass: rows r<i>, numerator n<i>, denominator d<i> over the inner columns (t.w, t.x, t.s). */
    private static String sums(List<KpiDefinition> pass) {
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < pass.size(); i++) {
            Formula f = Formulas.of(pass.get(i).code());
            String in = " filter (where t.w" + i + ")";
            String inNumerator = " filter (where t.w" + i + " and t.x" + i + ")";
            sums.append(", count(*)").append(in).append(" as r").append(i);
            switch (f.kind()) {
                case RATIO -> sums.append(", count(*)").append(inNumerator).append("::numeric as n").append(i)
                        .append(", count(*)").append(in).append("::numeric as d").append(i);
                case AVERAGE -> sums.append(", coalesce(sum(t.s").append(i).append(")").append(in).append(", 0)::numeric as n")
                        .append(i).append(", count(*)").append(in).append("::numeric as d").append(i);
                case TIME_SHARE -> sums.append(", coalesce(sum(t.s").append(i).append(")").append(inNumerator)
                        .append(", 0)::numeric as n").append(i).append(", coalesce(sum(t.s").append(i).append(")")
                        .append(in).append(", 0)::numeric as d").append(i);
            }
        }
        return sums.toString();
    }

    /** The pass's KPIs as rows (code, r, n, d) over {@link #sums}, their codes put into {@code params}. */
    private static List<String> values(List<KpiDefinition> pass, Map<String, Object> params) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < pass.size(); i++) {
            params.put("code" + i, pass.get(i).code());
            values.add("(:code" + i + ", t.r" + i + ", t.n" + i + ", t.d" + i + ")");
        }
        return values;
    }
}
