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
 * (FIXED, REJECTED) is never overwritten by an earlier one arriving late.
 */
@Component
class TeamAndKnowledgeFacts {

    private final JdbcClient jdbc;

    TeamAndKnowledgeFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(TeamChanged e) {
        jdbc.sql("delete from rpt_agent_team where team_id = ?").param(e.teamId()).update();
        for (Long member : e.members()) {
            jdbc.sql("""
                    insert into rpt_agent_team (account_id, team_id, team_name) values (?, ?, ?)
                    on conflict (account_id) do update set team_id = excluded.team_id, team_name = excluded.team_name""")
                    .params(member, e.teamId(), e.name()).update();
        }
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
