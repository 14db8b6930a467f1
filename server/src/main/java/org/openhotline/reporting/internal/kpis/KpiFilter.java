package org.openhotline.reporting.internal.kpis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a KPI query is about: the period [{@code from}, {@code to}), the data scope as an org path ({@code null}: the
 * whole hotline), an agent whose own figures are asked ({@code null}: all), the grouping, the time zone of days, and
 * the accounts sitting in the scope ({@code scopeAccounts}): below the city, call-center facts count the calls and
 * states of those agents (a call belongs to the hotline, but the agent who took it sits in a team), and a team (班组)
 * whose agents' figures are asked ({@code teamId}, {@code null}: all).
 */
public record KpiFilter(Instant from, Instant to, String scopePath, Long agentId, Dimension groupBy, ZoneId zone,
                        Instant now, List<Long> scopeAccounts, Long teamId) {

    public KpiFilter(Instant from, Instant to, String scopePath, Long agentId, Dimension groupBy, ZoneId zone,
                     Instant now) {
        this(from, to, scopePath, agentId, groupBy, zone, now, null, null);
    }

    public KpiFilter(Instant from, Instant to, String scopePath, Long agentId, Dimension groupBy, ZoneId zone,
                     Instant now, List<Long> scopeAccounts) {
        this(from, to, scopePath, agentId, groupBy, zone, now, scopeAccounts, null);
    }

    public KpiFilter withTeam(Long team) {
        return new KpiFilter(from, to, scopePath, agentId, groupBy, zone, now, scopeAccounts, team);
    }

    /** The same question about the org node with {@code path} (an order figure's scope; no accounts). */
    public KpiFilter withScope(String path) {
        return new KpiFilter(from, to, path, agentId, groupBy, zone, now, null, teamId);
    }

    /** Below the city, the predicate narrowing call-center facts to the scope's agents ({@code column}: agent id). */
    public String agentScope(String column) {
        return column + " in (:scopeAccounts)";
    }

    /** The SQL predicate placing a row of {@code formula} in this filter (period, scope, agent, denominator). */
    String where(Formula formula) {
        String excluded = Exclusions.excluded(formula.source());
        return excluded == null ? base(formula) : base(formula) + " and not " + excluded;
    }

    /** The rows of the period, scope and denominator that an upheld appeal took out of the KPI (drill-down 已剔除). */
    String whereExcluded(Formula formula) {
        String excluded = Exclusions.excluded(formula.source());
        return excluded == null ? "false" : base(formula) + " and " + excluded;
    }

    private String base(Formula formula) {
        return common(formula) + " and (" + formula.denominator() + ")";
    }

    /**
     * The predicate every KPI of the formula's source and period column shares: period, scope, agent and team — the
     * rest ({@link #rows}) differs per KPI, so several KPIs can be counted in one pass ({@link KpiFigures#computeAll}).
     */
    String common(Formula formula) {
        Source s = formula.source();
        StringBuilder sql = new StringBuilder()
                .append(formula.periodColumn()).append(" >= :from and ").append(formula.periodColumn()).append(" < :to");
        if (scopePath != null && s.scope != null) {
            sql.append(" and ").append(s.scope);
        } else if (scopePath != null && s.agent != null) {
            sql.append(" and ").append(agentScope(s.agent));
        }
        if (agentId != null && s.agent != null) {
            sql.append(" and ").append(s.agent).append(" = :agent");
        }
        if (teamId != null && s.agent != null) {
            // the team the agent was in at the row's time, not today's
            sql.append(" and exists (select 1 from rpt_team_membership t where t.account_id = ").append(s.agent)
                    .append(" and t.team_id = :team and ").append(Source.memberAt("t", formula.periodColumn())).append(')');
        }
        return sql.toString();
    }

    /** The KPI's own rows within {@link #common}: its denominator, less the rows an upheld appeal took out. */
    String rows(Formula formula) {
        String excluded = Exclusions.excluded(formula.source());
        return "(" + formula.denominator() + ")" + (excluded == null ? "" : " and not " + excluded);
    }

    /** Call-center facts have no place in the organization tree: they are counted for the whole hotline or an agent. */
    boolean admits(Formula formula) {
        Source s = formula.source();
        return s != Source.NONE && (scopePath == null || s.scope != null || (s.agent != null && scopeAccounts != null))
                && (agentId == null || s.agent != null) && (teamId == null || s.agent != null);
    }

    Map<String, Object> params(KpiDefinition k) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        p.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        p.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        p.put("tz", zone.getId());
        p.put("scope", scopePath == null ? "%" : scopePath + "%");
        p.put("agent", agentId == null ? -1L : agentId);
        p.put("scopeAccounts", scopeAccounts == null || scopeAccounts.isEmpty() ? List.of(-1L) : scopeAccounts);
        p.put("team", teamId == null ? -1L : teamId);
        p.put("threshold", k.thresholdSeconds() == null ? 0 : k.thresholdSeconds());
        p.put("grades", k.grades().isEmpty() ? List.of("") : k.grades());
        p.put("kpi", k.code());
        return p;
    }
}
