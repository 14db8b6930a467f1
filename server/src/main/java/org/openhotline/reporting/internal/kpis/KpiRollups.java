package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A pass of KPIs over whole days read from the daily rollups ({@code rpt_kpi_rollup}, {@code rpt_state_rollup}; filled
 * by {@link KpiRollupFill}), the other days from the facts: a day counts from its rollup only while the rollup is
 * current for every KPI of the pass — counted with the KPI's present definition, no fact of the day changed since
 * (no mark in {@code rpt_rollup_dirty}), for a KPI counting by "now" not past the next deadline, and not cut by an
 * exemption. Rollups hold sums and counts, never averages: the figures equal those of the facts. A team's (班组)
 * figures are its agents' rows, each agent-day with the team it was in all that day (a day on which anyone changed
 * teams is read from the facts); an order figure below the city is the node's own rows (grain SCOPE).
 */
@Repository
public class KpiRollups {

    /** Rows, numerator and denominator of one KPI (and group) over some days. */
    record Part(BigDecimal r, BigDecimal n, BigDecimal d) {
        static final Part ZERO = new Part(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Part plus(Part o) {
            return new Part(r.add(o.r), n.add(o.n), d.add(o.d));
        }
    }

    /** The rolled-up part of a pass, per KPI, and the SQL placing the other rows (days read from the facts), or null. */
    record Rolled(List<Part> totals, List<Map<String, Part>> groups, String factsRestrict, int days) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    KpiRollups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many days of {@code filter} a page would read from the rollups for {@code kpi}'s pass (0: facts only). */
    public int rolledDays(KpiDefinition kpi, KpiFilter filter, List<KpiDefinition> all) {
        Formula f = Formulas.of(kpi.code());
        if (!RollupShape.ROLLED.contains(f.source())) {
            return 0;
        }
        List<KpiDefinition> pass = all.stream().filter(k -> {
            Formula g = Formulas.of(k.code());
            return g.source() == f.source() && g.periodColumn().equals(f.periodColumn());
        }).toList();
        return days(pass, filter, Map.of()).map(Plan::rolled).map(Set::size).orElse(0);
    }

    Optional<Rolled> rolledUp(List<KpiDefinition> pass, KpiFilter filter, Map<String, List<Exemptions.Applied>> applied) {
        Optional<Plan> plan = days(pass, filter, applied);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(pass, filter, plan.get(), factsRestrict(pass, filter, plan.get())));
    }

    /** The SQL placing the pass's rows on the days of the filter not read from the rollups, or null if none is left. */
    private static String factsRestrict(List<KpiDefinition> pass, KpiFilter filter, Plan p) {
        List<Instant[]> facts = new ArrayList<>();
        Instant cursor = filter.from();
        for (Instant[] r : RollupDays.ranges(p.rolled(), filter.zone())) {
            if (cursor.isBefore(r[0])) {
                facts.add(new Instant[] {cursor, r[0]});
            }
            cursor = r[1];
        }
        if (cursor.isBefore(filter.to())) {
            facts.add(new Instant[] {cursor, filter.to()});
        }
        return facts.isEmpty() ? null : RollupDays.within(Formulas.of(pass.getFirst().code()).periodColumn(), facts);
    }

    /**
     * The rolled-up parts of an order pass for each of several org nodes ({@code paths}, each node's own rows, grain
     * SCOPE), read in one statement grouped by node: the days a page would read from the rollups do not depend on the
     * node, so one plan serves them all. The paths that are not a node's ({@link RollupShape#scoped}) are left out of
     * the answer. Empty where {@link #rolledUp} is asked node by node instead: grouped pages, an agent's, or an
     * exemption cutting some KPIs' days.
     */
    Optional<Map<String, Rolled>> rolledUpByScope(List<KpiDefinition> pass, KpiFilter filter,
                                                  Map<String, List<Exemptions.Applied>> applied, List<String> nodes) {
        Formula first = Formulas.of(pass.getFirst().code());
        List<String> paths = nodes.stream().filter(RollupShape::scoped).toList();
        if (paths.isEmpty() || filter.groupBy() != null || filter.agentId() != null || !first.source().orderBased()) {
            return Optional.empty();
        }
        Optional<Plan> plan = days(pass, filter.withScope(paths.getFirst()), applied);
        if (plan.isEmpty() || !plan.get().counted().stream().allMatch(c -> c.equals(plan.get().rolled()))) {
            return Optional.empty();
        }
        String restrict = factsRestrict(pass, filter, plan.get());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < pass.size(); i++) {
            index.put(pass.get(i).code(), i);
        }
        Map<String, List<Part>> totals = new LinkedHashMap<>();
        for (String path : paths) {
            List<Part> zero = new ArrayList<>();
            pass.forEach(k -> zero.add(Part.ZERO));
            totals.put(path, zero);
        }
        jdbc.sql("""
                        select t.scope_path as p, t.kpi_code as c, coalesce(sum(t.r), 0) as r, coalesce(sum(t.n), 0) as n,
                               coalesce(sum(t.d), 0) as d
                          from rpt_kpi_rollup t
                         where %s and t.kpi_code in (:codes) and t.grain = 'SCOPE' and t.scope_path in (:paths)
                         group by t.scope_path, t.kpi_code""".formatted(RollupDays.dayIn("t.day", plan.get().rolled())))
                .param("codes", pass.stream().map(KpiDefinition::code).toList())
                .param("paths", paths)
                .query(rs -> {
                    totals.get(rs.getString("p")).set(index.get(rs.getString("c")),
                            new Part(rs.getBigDecimal("r"), rs.getBigDecimal("n"), rs.getBigDecimal("d")));
                });
        Map<String, Rolled> result = new LinkedHashMap<>();
        totals.forEach((path, parts) -> {
            List<Map<String, Part>> groups = new ArrayList<>();
            pass.forEach(k -> groups.add(Map.of()));
            result.put(path, new Rolled(parts, groups, restrict, plan.get().rolled().size()));
        });
        return Optional.of(result);
    }

    private record Plan(Set<LocalDate> rolled, List<Set<LocalDate>> counted) {}

    /** The whole, ended, current days of the filter for the pass, and per KPI those not exempted altogether. */
    private Optional<Plan> days(List<KpiDefinition> pass, KpiFilter filter, Map<String, List<Exemptions.Applied>> applied) {
        Formula first = Formulas.of(pass.getFirst().code());
        Source s = first.source();
        ZoneId zone = filter.zone();
        Instant now = filter.now();
        if (!RollupShape.ROLLED.contains(s) || !zone.equals(clock.getZone()) || !RollupShape.groups(s, filter.groupBy())) {
            return Optional.empty();
        }
        // below the city an order figure is a node's own rows (grain SCOPE), by itself or by time only
        if (filter.scopePath() != null && s.orderBased() && (!RollupShape.scoped(filter.scopePath())
                || (filter.groupBy() != null && !filter.groupBy().time()))) {
            return Optional.empty();
        }
        for (KpiDefinition k : pass) {
            Formula f = Formulas.of(k.code());
            String sql = f.denominator() + " " + f.numerator() + " " + f.seconds();
            if (sql.contains(":now") && !RollupShape.PENDING.containsKey(k.code())) {
                return Optional.empty();
            }
        }
        LocalDate firstDay = filter.from().atZone(zone).toLocalDate();
        if (RollupDays.start(firstDay, zone).isBefore(filter.from())) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate toDay = filter.to().atZone(zone).toLocalDate();
        // a state is cut at the period's end, which the rollup knows only as a day
        if (s == Source.STATE && !RollupDays.start(toDay, zone).equals(filter.to())) {
            return Optional.empty();
        }
        Set<LocalDate> candidates = new TreeSet<>();
        for (LocalDate d = firstDay; !RollupDays.start(d.plusDays(1), zone).isAfter(filter.to())
                && !RollupDays.start(d.plusDays(1), zone).isAfter(now); d = d.plusDays(1)) {
            candidates.add(d);
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate lastDay = ((TreeSet<LocalDate>) candidates).last();
        // the days every KPI of the pass holds, counted by its present definition and still current: a year is 365
        // rows, not one per KPI and day
        Map<String, Object> params = new HashMap<>();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < pass.size(); i++) {
            versions.add("(cast(:c" + i + " as text), cast(:v" + i + " as int))");
            params.put("c" + i, pass.get(i).code());
            params.put("v" + i, pass.get(i).version());
        }
        Set<LocalDate> current = new HashSet<>();
        jdbc.sql("""
                        select r.day from rpt_kpi_rollup_day r
                          join (values %s) v(code, version) on v.code = r.kpi_code and v.version = r.version
                         where r.day between :first and :last and r.computed_at <= :now
                           and (r.stale_after is null or r.stale_after >= :now)
                         group by r.day having count(*) = :kpis""".formatted(String.join(", ", versions)))
                .params(params).param("first", firstDay).param("last", lastDay).param("now", Exemptions.utc(now))
                .param("kpis", pass.size())
                .query(rs -> {
                    current.add(rs.getDate("day").toLocalDate());
                });
        candidates.retainAll(current);
        if (teams(filter, s)) {
            // a day on which an agent joined or left a team is counted from the facts, call by call: on the other days
            // each agent was in one team (or none) all day, and its rolled-up rows are that team's
            jdbc.sql("""
                            select valid_from as at from rpt_team_membership where valid_from > :from and valid_from < :to
                            union select valid_to from rpt_team_membership where valid_to > :from and valid_to < :to""")
                    .param("from", Exemptions.utc(RollupDays.start(firstDay, zone)))
                    .param("to", Exemptions.utc(RollupDays.start(lastDay.plusDays(1), zone)))
                    .query(rs -> {
                        Instant at = rs.getTimestamp("at").toInstant();
                        LocalDate day = at.atZone(zone).toLocalDate();
                        if (!RollupDays.start(day, zone).equals(at)) {
                            candidates.remove(day);
                        }
                    });
        }
        jdbc.sql("select distinct hour from rpt_rollup_dirty where source = :source and hour >= :from and hour < :to")
                .param("source", s.name())
                .param("from", Exemptions.utc(RollupDays.start(firstDay, zone).minus(Duration.ofHours(1))))
                .param("to", Exemptions.utc(RollupDays.start(lastDay.plusDays(1), zone)))
                .query(rs -> {
                    Instant hour = rs.getTimestamp("hour").toInstant();
                    candidates.remove(hour.atZone(zone).toLocalDate());
                    candidates.remove(hour.plus(Duration.ofHours(1)).minusNanos(1).atZone(zone).toLocalDate());
                });
        List<Set<LocalDate>> counted = new ArrayList<>();
        for (KpiDefinition k : pass) {
            Set<LocalDate> in = new HashSet<>();
            for (LocalDate d : Set.copyOf(candidates)) {
                Instant a = RollupDays.start(d, zone);
                Instant b = RollupDays.start(d.plusDays(1), zone);
                boolean whole = false;
                for (Exemptions.Applied e : applied.getOrDefault(k.code(), List.of())) {
                    if (!e.from().isAfter(a) && !e.to().isBefore(b)) {
                        whole = true;
                    } else if (e.from().isBefore(b) && e.to().isAfter(a)) {
                        candidates.remove(d); // cut by an exemption: the facts know which rows
                    }
                }
                if (!whole) {
                    in.add(d);
                }
            }
            counted.add(in);
        }
        counted.forEach(c -> c.retainAll(candidates));
        return candidates.isEmpty() ? Optional.empty() : Optional.of(new Plan(candidates, counted));
    }

    /** Whether a page counts the source's agents by their team of the day (班组: filtered or grouped by it). */
    private static boolean teams(KpiFilter filter, Source s) {
        return s.agent != null && (filter.teamId() != null || filter.groupBy() == Dimension.TEAM);
    }

    /**
     * The team of the agent of a rollup row {@code t} on its day, as the facts take it at the row's time
     * ({@link Source#memberAt}): the membership covering the whole day (a day with a change is not read here), the
     * latest if several do; and whether the agent was in the filter's team all that day. The agent-days of the period
     * are worked out once (days × memberships: a few hundred thousand pairs for a year) and joined by hash: a
     * look-up per rollup row made a team's year page read the memberships a million times (2.3–2.9 s, issue 11).
     */
    private static String withTeams(String rows, String t, String agent, boolean filtered) {
        return """
                (select %1$s.*, a.team_name, %2$s as in_team
                   from %3$s
                   left join (select d.day, m.account_id,
                                     (array_agg(m.team_name order by m.valid_from desc))[1] as team_name,
                                     bool_or(m.team_id = :team) as in_team
                                from (select g::date as day
                                        from generate_series(cast(:teamFirst as date), cast(:teamLast as date),
                                                             interval '1 day') g) d
                                join rpt_team_membership m
                                  on m.valid_from <= (d.day::timestamp at time zone :tz)
                                 and (m.valid_to is null or m.valid_to >= ((d.day + 1)::timestamp at time zone :tz))
                               group by d.day, m.account_id) a
                     on a.day = %1$s.day and a.account_id = %1$s.%4$s) %1$s""".formatted(t,
                filtered ? "coalesce(a.in_team, false)" : "true", rows, agent);
    }

    private Rolled read(List<KpiDefinition> pass, KpiFilter filter, Plan plan, String restrict) {
        Formula first = Formulas.of(pass.getFirst().code());
        boolean state = first.source() == Source.STATE;
        String key = filter.groupBy() == null || first.source().key(filter.groupBy(), "x") == null ? null
                : RollupShape.key(filter.groupBy(), state ? "s" : "t");
        Map<String, Object> params = new HashMap<>();
        params.put("now", Exemptions.utc(filter.now()));
        params.put("to", Exemptions.utc(filter.to()));
        params.put("toDay", filter.to().atZone(filter.zone()).toLocalDate());
        params.put("agent", filter.agentId() == null ? -1L : filter.agentId());
        params.put("scopeAccounts", filter.scopeAccounts() == null || filter.scopeAccounts().isEmpty()
                ? List.of(-1L) : filter.scopeAccounts());
        params.put("tz", filter.zone().getId());
        params.put("team", filter.teamId() == null ? -1L : filter.teamId());
        TreeSet<LocalDate> rolledDays = new TreeSet<>(plan.rolled());
        params.put("teamFirst", java.sql.Date.valueOf(rolledDays.first()));
        params.put("teamLast", java.sql.Date.valueOf(rolledDays.last()));
        params.put("scope", filter.scopePath());
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < pass.size(); i++) {
            Formula f = Formulas.of(pass.get(i).code());
            String days = RollupDays.dayIn(state ? "s.day" : "t.day", plan.counted().get(i));
            if (state) {
                // the formula's own predicates over the rolled-up states (alias s, as in the facts)
                String w = " filter (where " + days + " and " + filter.rows(f) + ")";
                String x = " filter (where " + days + " and " + filter.rows(f) + " and (" + f.numerator() + "))";
                String rows = "coalesce(sum(s.rows)%s, 0)";
                String secs = "coalesce(sum(" + (f.seconds() == null ? "0" : f.seconds()) + ")%s, 0)";
                String n = switch (f.kind()) {
                    case RATIO -> rows.formatted(x);
                    case AVERAGE -> secs.formatted(w);
                    case TIME_SHARE -> secs.formatted(x);
                };
                String d = f.kind() == Formula.Kind.TIME_SHARE ? secs.formatted(w) : rows.formatted(w);
                outer.append(", ").append(rows.formatted(w)).append(" as r").append(i)
                        .append(", ").append(n).append(" as n").append(i).append(", ").append(d).append(" as d").append(i);
            } else {
                params.put("c" + i, pass.get(i).code());
                String in = " filter (where t.kpi_code = :c" + i + " and " + days + ")";
                outer.append(", coalesce(sum(t.r)").append(in).append(", 0) as r").append(i)
                        .append(", coalesce(sum(t.n)").append(in).append(", 0) as n").append(i)
                        .append(", coalesce(sum(t.d)").append(in).append(", 0) as d").append(i);
            }
        }
        String t = state ? "s" : "t";
        boolean orders = first.source().orderBased();
        String where = RollupDays.dayIn(t + ".day", plan.rolled());
        if (filter.scopePath() != null && !orders) {
            where += " and " + t + ".agent_id in (:scopeAccounts)";
        }
        if (filter.teamId() != null && teams(filter, first.source())) {
            where += " and " + t + ".in_team";
        }
        if (filter.agentId() != null) {
            where += " and " + t + ".agent_id = :agent";
        }
        String from = state ? """
                (select r.day, r.agent_id, r.state, r.rows,
                        case when r.end_day is null then r.rows * extract(epoch from least(:now, :to)) - r.start_epoch
                             when r.end_day >= :toDay then r.rows * extract(epoch from :to) - r.start_epoch
                             else r.seconds end as seconds
                   from rpt_state_rollup r) s"""
                : "rpt_kpi_rollup t";
        if (teams(filter, first.source())) {
            from = withTeams(from, t, "agent_id", filter.teamId() != null);
        }
        if (!state) {
            List<String> codes = pass.stream().map(KpiDefinition::code).toList();
            params.put("codes", codes);
            where += " and t.kpi_code in (:codes)";
            // which cut of the days (KpiRollupFill): an org node's own order rows below the city; the hotline as a
            // whole, by itself or by time: the day's total rows; by category: those; else the groups' rows
            boolean total = filter.scopePath() == null && filter.agentId() == null && !teams(filter, first.source())
                    && (key == null || filter.groupBy().time());
            if (filter.scopePath() != null && orders) {
                where += " and t.grain = 'SCOPE' and t.scope_path = :scope";
            } else if (total) {
                where += " and t.grain = 'TOTAL'";
            } else if (filter.groupBy() == Dimension.CATEGORY && orders) {
                where += " and t.grain = 'CATEGORY'";
            } else {
                where += " and t.grain = 'GROUPS'";
            }
        }
        List<Part> totals = new ArrayList<>();
        List<Map<String, Part>> groups = new ArrayList<>();
        pass.forEach(k -> {
            totals.add(Part.ZERO);
            groups.add(new LinkedHashMap<>());
        });
        if (!state && plan.counted().stream().allMatch(c -> c.equals(plan.rolled()))) {
            // Every KPI of the pass counts the same days (no exemption cuts one): one aggregate grouped by KPI, rather
            // than three filtered sums per KPI evaluated on every row (72 filters a row for 24 KPIs; a year of
            // categories took 2.2 s that way, issue 11). The same sums, so the same figures.
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < pass.size(); i++) {
                index.put(pass.get(i).code(), i);
            }
            String byKpi = ("select t.kpi_code as c, %s as k, %s as total, coalesce(sum(t.r), 0) as r,"
                    + " coalesce(sum(t.n), 0) as n, coalesce(sum(t.d), 0) as d from %s where %s group by %s").formatted(
                    key == null ? "null::text" : key, key == null ? "1" : "grouping(" + key + ")", from, where,
                    key == null ? "t.kpi_code" : "grouping sets ((t.kpi_code, " + key + "), (t.kpi_code))");
            jdbc.sql(byKpi).params(params).query(rs -> {
                int i = index.get(rs.getString("c"));
                Part part = new Part(rs.getBigDecimal("r"), rs.getBigDecimal("n"), rs.getBigDecimal("d"));
                if (rs.getInt("total") == 1) {
                    totals.set(i, part);
                } else if (part.r().signum() > 0) {
                    groups.get(i).put(rs.getString("k"), part);
                }
            });
            return new Rolled(totals, groups, restrict, plan.rolled().size());
        }
        String sql = "select %s as k, %s as total%s from %s where %s %s".formatted(
                key == null ? "null::text" : key, key == null ? "1" : "grouping(" + key + ")", outer, from, where,
                key == null ? "" : "group by grouping sets ((" + key + "), ())");
        jdbc.sql(sql).params(params).query(rs -> {
            for (int i = 0; i < pass.size(); i++) {
                Part part = new Part(rs.getBigDecimal("r" + i), rs.getBigDecimal("n" + i), rs.getBigDecimal("d" + i));
                if (rs.getInt("total") == 1) {
                    totals.set(i, part);
                } else if (part.r().signum() > 0) {
                    groups.get(i).put(rs.getString("k"), part);
                }
            }
        });
        return new Rolled(totals, groups, restrict, plan.rolled().size());
    }

    /** The pass's figures: the rolled-up part plus the facts' part ({@code facts}, exact sums; null when none). */
    static Map<String, KpiFigure> merge(List<KpiDefinition> pass, Rolled rolled, Map<String, KpiFigure> facts) {
        Map<String, KpiFigure> result = new LinkedHashMap<>();
        for (int i = 0; i < pass.size(); i++) {
            KpiDefinition k = pass.get(i);
            Formula f = Formulas.of(k.code());
            Map<String, Part> parts = new HashMap<>(rolled.groups().get(i));
            Part total = rolled.totals().get(i);
            KpiFigure fact = facts == null ? null : facts.get(k.code());
            if (fact != null) {
                total = total.plus(new Part(BigDecimal.ZERO, fact.numerator(), fact.denominator()));
                for (KpiFigure.Group g : fact.groups()) {
                    parts.merge(g.key(), new Part(BigDecimal.ONE, g.numerator(), g.denominator()), Part::plus);
                }
            }
            List<String> keys = new ArrayList<>(parts.keySet());
            keys.sort(Comparator.nullsLast(Comparator.naturalOrder()));
            List<KpiFigure.Group> groups = new ArrayList<>();
            for (String key : keys) {
                Part p = scaled(f, parts.get(key));
                groups.add(new KpiFigure.Group(key, key, p.n(), p.d(), KpiFigures.value(f, p.n(), p.d())));
            }
            Part t = scaled(f, total);
            result.put(k.code(), new KpiFigure(k, t.n(), t.d(), KpiFigures.value(f, t.n(), t.d()), groups));
        }
        return result;
    }

    /** The scales the facts' statement gives: counts whole, seconds to one decimal. */
    private static Part scaled(Formula f, Part p) {
        return switch (f.kind()) {
            case RATIO -> new Part(p.r(), p.n().setScale(0, RoundingMode.HALF_UP), p.d().setScale(0, RoundingMode.HALF_UP));
            case AVERAGE -> new Part(p.r(), p.n().setScale(1, RoundingMode.HALF_UP), p.d().setScale(0, RoundingMode.HALF_UP));
            case TIME_SHARE -> new Part(p.r(), p.n().setScale(1, RoundingMode.HALF_UP), p.d().setScale(1, RoundingMode.HALF_UP));
        };
    }
}
