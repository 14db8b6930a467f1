package org.openhotline.reporting.internal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.reporting.internal.api.GroupLabels;
import org.openhotline.reporting.internal.api.ReportScope;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.reporting.internal.kpis.Source;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 话务员考核 (000) for a month: each agent's KPIs of the AGENT scheme against their targets, the 有理由投诉 item after
 * its deductions and the 表扬/锦旗 bonus (capped), with skill-group and centre averages. KPIs counted from calls or
 * agent states are the agent's own (the KPI API's {@code groupBy=agent}); KPIs of work orders and callbacks have no
 * agent in their facts and are the centre's figure for every agent ({@code shared}). An agent belongs to the skill
 * group most of its calls of the month came through, and to the team (班组) it was in for most of the month — the
 * report can be narrowed to one team and has a total per team.
 */
@Service
class AgentAssessment {

    record ItemView(String code, String name, String unit, BigDecimal numerator, BigDecimal denominator,
                    BigDecimal value, BigDecimal target, BigDecimal weight, BigDecimal score, boolean shared) {}

    record AgentRow(long agentId, String name, String agentNo, String groupKey, String groupLabel, List<ItemView> items,
                    long complaints, long escalated, BigDecimal complaintScore, long praises, long banners,
                    BigDecimal bonus, BigDecimal total, Long teamId, String teamName) {}

    record Total(String key, String label, int agents, BigDecimal average, BigDecimal min, BigDecimal max) {}

    record Report(String month, Scheme scheme, BigDecimal maxTotal, List<AgentRow> agents, List<Total> groups,
                  Total centre, List<Total> teams) {}

    private record TeamOf(long teamId, String name) {}

    private final JdbcClient jdbc;
    private final ReportScope scope;
    private final Schemes schemes;
    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final StaffDirectory staff;
    private final GroupLabels labels;
    private final Clock clock;

    AgentAssessment(JdbcClient jdbc, ReportScope scope, Schemes schemes, KpiDefinitions definitions,
                    KpiFigures figures, StaffDirectory staff, GroupLabels labels, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schemes = schemes;
        this.definitions = definitions;
        this.figures = figures;
        this.staff = staff;
        this.labels = labels;
        this.clock = clock;
    }

    static YearMonth month(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("月份格式应为 年-月（例如 2026-01）：" + value);
        }
    }

    /** Every agent of the month (the hotline's staff only: a unit's node has no agents). */
    Report all(StaffPrincipal who, String month, Integer version) {
        return all(who, month, version, null);
    }

    /** The same, only the agents who were in {@code team} for most of the month ({@code null}: everyone). */
    Report all(StaffPrincipal who, String month, Integer version, Long team) {
        YearMonth m = month(month, clock);
        KpiFilter period = scope.filter(who, m.atDay(1).toString(), m.atEndOfMonth().toString(), null, null);
        if (period.agentId() != null || period.scopePath() != null) {
            throw DomainException.forbidden("话务员考核只在热线中心查看；话务员请在“我的考核”查看本人的考核");
        }
        return compute(m, period, null, version, team);
    }

    /** The caller's own assessment (话务员: 我的考核). */
    Report own(StaffPrincipal who, String month) {
        YearMonth m = month(month, clock);
        var zone = clock.getZone();
        var period = new KpiFilter(m.atDay(1).atStartOfDay(zone).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null, null, null, zone, clock.instant());
        return compute(m, period, who.accountId(), null, null);
    }

    private Report compute(YearMonth m, KpiFilter period, Long onlyAgent, Integer version, Long onlyTeam) {
        Scheme scheme = schemes.get("AGENT", version);
        var byAgent = new KpiFilter(period.from(), period.to(), null, onlyAgent, Dimension.AGENT, period.zone(), period.now());
        var centre = new KpiFilter(period.from(), period.to(), null, null, null, period.zone(), period.now());
        // per item: the figure of each agent, or the centre's for every agent
        Map<String, Map<String, KpiFigure.Group>> perAgent = new HashMap<>();
        Map<String, KpiFigure> shared = new HashMap<>();
        TreeSet<Long> agents = new TreeSet<>();
        var kpis = scheme.items().stream().map(i -> definitions.required(i.code())).distinct().toList();
        figures.computeAll(kpis.stream().filter(AgentAssessment::ownFigures).toList(), byAgent).values().forEach(f -> {
            Map<String, KpiFigure.Group> groups = f.groups().stream()
                    .filter(g -> g.key() != null).collect(Collectors.toMap(KpiFigure.Group::key, Function.identity()));
            groups.keySet().forEach(key -> agents.add(Long.valueOf(key)));
            perAgent.put(f.kpi().code(), groups);
        });
        shared.putAll(figures.computeAll(kpis.stream().filter(k -> !ownFigures(k)).toList(), centre));
        Map<Long, Map<String, Long>> adjustments = adjustments(m, onlyAgent);
        agents.addAll(adjustments.keySet());
        if (onlyAgent != null) {
            agents.clear();
            agents.add(onlyAgent);
        }
        Map<Long, TeamOf> teamOf = teams(period);
        if (onlyTeam != null) {
            agents.removeIf(a -> teamOf.get(a) == null || teamOf.get(a).teamId() != onlyTeam);
        }
        Map<Long, String> groupOf = groups(period, onlyAgent);
        Map<String, String> groupLabels = labels.label(Dimension.GROUP, groupOf.values().stream().distinct()
                        .map(g -> new KpiFigure.Group(g, g, null, null, null)).toList()).stream()
                .collect(Collectors.toMap(KpiFigure.Group::key, KpiFigure.Group::label));
        Map<Long, StaffDirectory.Staff> people = staff.byIds(agents).stream()
                .collect(Collectors.toMap(StaffDirectory.Staff::accountId, Function.identity()));
        List<AgentRow> rows = new ArrayList<>();
        for (long agent : agents) {
            List<ItemView> items = new ArrayList<>();
            for (var i : scheme.items()) {
                KpiDefinition k = definitions.required(i.code());
                if (perAgent.containsKey(k.code())) {
                    var g = perAgent.get(k.code()).get(String.valueOf(agent));
                    items.add(item(k, i, g == null ? null : g.numerator(), g == null ? null : g.denominator(),
                            g == null ? null : g.value(), false));
                } else {
                    var f = shared.get(k.code());
                    items.add(item(k, i, f == null ? null : f.numerator(), f == null ? null : f.denominator(),
                            f == null ? null : f.value(), true));
                }
            }
            Map<String, Long> adj = adjustments.getOrDefault(agent, Map.of());
            long complaints = adj.getOrDefault("COMPLAINT", 0L);
            long escalated = adj.getOrDefault("COMPLAINT_ESCALATED", 0L);
            long praises = adj.getOrDefault("PRAISE", 0L);
            long banners = adj.getOrDefault("BANNER", 0L);
            BigDecimal complaintScore = scheme.complaintScore(complaints, escalated);
            BigDecimal bonus = scheme.bonus(praises, banners);
            BigDecimal total = items.stream().map(ItemView::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(complaintScore).add(bonus).setScale(2, RoundingMode.HALF_UP);
            var person = people.get(agent);
            String group = groupOf.get(agent);
            rows.add(new AgentRow(agent, person == null ? "坐席 " + agent : person.displayName(),
                    person == null ? null : person.agentNo(), group, group == null ? "未分组" : groupLabels.get(group),
                    items, complaints, escalated, complaintScore, praises, banners, bonus, total,
                    teamOf.containsKey(agent) ? teamOf.get(agent).teamId() : null,
                    teamOf.containsKey(agent) ? teamOf.get(agent).name() : null));
        }
        rows.sort(Comparator.comparing(AgentRow::total).reversed().thenComparing(AgentRow::name));
        Map<String, List<AgentRow>> byGroup = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(AgentRow::groupLabel))
                .forEach(r -> byGroup.computeIfAbsent(r.groupKey() == null ? "" : r.groupKey(), x -> new ArrayList<>()).add(r));
        List<Total> groupTotals = onlyAgent != null ? List.of() : byGroup.entrySet().stream()
                .map(e -> total(e.getKey(), e.getValue().getFirst().groupLabel(), e.getValue())).toList();
        Map<Long, List<AgentRow>> byTeam = new LinkedHashMap<>();
        rows.stream().filter(r -> r.teamId() != null).sorted(Comparator.comparing(AgentRow::teamName))
                .forEach(r -> byTeam.computeIfAbsent(r.teamId(), x -> new ArrayList<>()).add(r));
        List<Total> teamTotals = onlyAgent != null ? List.of() : byTeam.entrySet().stream()
                .map(e -> total(String.valueOf(e.getKey()), e.getValue().getFirst().teamName(), e.getValue())).toList();
        return new Report(m.toString(), scheme, scheme.maxTotal(), rows, groupTotals,
                onlyAgent != null ? null : total("centre", "中心合计", rows), teamTotals);
    }

    /** Calls and agent states carry the agent: those KPIs are each agent's own. */
    private static boolean ownFigures(KpiDefinition k) {
        return k.source() == Source.CALL || k.source() == Source.STATE;
    }

    private static ItemView item(KpiDefinition k, Scheme.Item i, BigDecimal n, BigDecimal d, BigDecimal value,
                                 boolean shared) {
        return new ItemView(k.code(), k.name(), k.unit(), n, d, value, i.target(), i.weight(),
                i.score(value, k.higherIsBetter()), shared);
    }

    private static Total total(String key, String label, List<AgentRow> rows) {
        if (rows.isEmpty()) {
            return new Total(key, label, 0, null, null, null);
        }
        BigDecimal sum = rows.stream().map(AgentRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Total(key, label, rows.size(), sum.divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP),
                rows.stream().map(AgentRow::total).min(Comparator.naturalOrder()).orElseThrow(),
                rows.stream().map(AgentRow::total).max(Comparator.naturalOrder()).orElseThrow());
    }

    private Map<Long, Map<String, Long>> adjustments(YearMonth m, Long onlyAgent) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        jdbc.sql("""
                        select agent_id, kind, count(*) as n from rpt_agent_adjustment
                         where month = :month and (:agent = -1 or agent_id = :agent) group by agent_id, kind""")
                .param("month", m.toString()).param("agent", onlyAgent == null ? -1L : onlyAgent)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("agent_id"), x -> new HashMap<>()).put(rs.getString("kind"), rs.getLong("n"));
                });
        return result;
    }

    /** Each agent's team of the month: the one it was a member of for the longest part of it (rpt_team_membership). */
    private Map<Long, TeamOf> teams(KpiFilter period) {
        Map<Long, TeamOf> result = new HashMap<>();
        jdbc.sql("""
                        select distinct on (t.account_id) t.account_id, t.team_id, t.team_name from rpt_team_membership t
                         where t.valid_from < :to and (t.valid_to is null or t.valid_to > :from)
                         order by t.account_id,
                                  least(coalesce(t.valid_to, :to), :to) - greatest(t.valid_from, :from) desc, t.valid_from desc""")
                .param("from", OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
                .query(rs -> {
                    result.put(rs.getLong("account_id"), new TeamOf(rs.getLong("team_id"), rs.getString("team_name")));
                });
        return result;
    }

    /** Each agent's skill group of the month: the one most of its calls came through. */
    private Map<Long, String> groups(KpiFilter period, Long onlyAgent) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("""
                        select c.agent_id, mode() within group (order by c.group_id) as group_id from rpt_call_fact c
                         where c.arrived_at >= :from and c.arrived_at < :to and c.agent_id is not null
                           and c.group_id is not null and (:agent = -1 or c.agent_id = :agent)
                         group by c.agent_id""")
                .param("from", OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
                .param("agent", onlyAgent == null ? -1L : onlyAgent)
                .query(rs -> {
                    result.put(rs.getLong("agent_id"), String.valueOf(rs.getLong("group_id")));
                });
        return result;
    }
}
