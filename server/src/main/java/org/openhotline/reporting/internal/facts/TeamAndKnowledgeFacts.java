package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.callcenter.TeamChanged;
import org.openhotline.knowledge.KnowledgeErrorReportChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_agent_team} (each agent's current team) and {@code rpt_kb_fix_fact} (knowledge error reports and
 * their fixes). Both writes are idempotent: a team event replaces that team's rows only, and a report's final status
 * (FIXED, REJECTED) is never overwritten by an earlier one arriving late. Team events are applied in the order they
 * happened, not the order they arrive: each listener runs on a thread of its own, and a team's "created" (no members)
 * handled after its "members set" would otherwise empty the team.
 */
@Component
class TeamAndKnowledgeFacts {

    private final JdbcClient jdbc;

    TeamAndKnowledgeFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(TeamChanged e) {
        if (e.version() != null && !newest(e)) {
            return;
        }
        jdbc.sql("delete from rpt_agent_team where team_id = ?").param(e.teamId()).update();
        for (Long member : e.members()) {
            jdbc.sql("""
                    insert into rpt_agent_team (account_id, team_id, team_name) values (?, ?, ?)
                    on conflict (account_id) do update set team_id = excluded.team_id, team_name = excluded.team_name""")
                    .params(member, e.teamId(), e.name()).update();
        }
    }

    /**
     * Records {@code e} as the team's newest event unless a later version was applied already (by the team's row
     * version, not by time: tests move the clock back and forth). The upsert takes the team's row lock, so two events
     * of one team are decided one after the other. Events stored before versions existed are applied as they come.
     */
    private boolean newest(TeamChanged e) {
        return jdbc.sql("""
                insert into rpt_team_applied (team_id, version) values (?, ?)
                on conflict (team_id) do update set version = excluded.version
                 where rpt_team_applied.version <= excluded.version
                returning team_id""")
                .params(e.teamId(), e.version()).query(Long.class).optional().isPresent();
    }

    @ApplicationModuleListener
    void on(KnowledgeErrorReportChanged e) {
        jdbc.sql("""
                insert into rpt_kb_fix_fact (report_id, article_id, status, reported_at, fixed_at) values (?, ?, ?, ?, ?)
                on conflict (report_id) do update set
                    status = case when rpt_kb_fix_fact.status in ('FIXED', 'REJECTED') then rpt_kb_fix_fact.status
                                  else excluded.status end,
                    fixed_at = coalesce(rpt_kb_fix_fact.fixed_at, excluded.fixed_at)""")
                .params(e.reportId(), e.articleId(), e.status(), Timestamp.from(e.reportedAt()),
                        e.fixedAt() == null ? null : Timestamp.from(e.fixedAt()))
                .update();
    }
}
