package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.openhotline.callcenter.TeamChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_team_membership}, who was in which team when, from the call center's {@code TeamChanged}: members
 * who left get their stretch closed at the change, new members get one opened. Idempotent and safe against a late
 * redelivery: a stretch already open for the team is kept, and a change older than an agent's latest stretch does not
 * reopen the past. A rename relabels the team's whole history (the team is the same).
 */
@Component
class TeamMembershipFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamMembershipFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TeamChanged e) {
        Timestamp at = Timestamp.from(e.at() == null ? Instant.now(clock) : e.at());
        Long[] members = e.members().toArray(Long[]::new);
        jdbc.sql("update rpt_team_membership set team_name = ? where team_id = ? and team_name <> ?")
                .params(e.name(), e.teamId(), e.name()).update();
        // those who are no longer members, and the new members' stretches in other teams, end now
        jdbc.sql("""
                update rpt_team_membership set valid_to = :at
                 where valid_to is null and valid_from <= :at
                   and ((team_id = :team and not (account_id = any(cast(:members as bigint[]))))
                        or (team_id <> :team and account_id = any(cast(:members as bigint[]))))""")
                .param("at", at).param("team", e.teamId()).param("members", members).update();
        jdbc.sql("delete from rpt_team_membership where valid_to = valid_from").update();
        jdbc.sql("""
                insert into rpt_team_membership (account_id, team_id, team_name, valid_from)
                select m, :team, :name, :at from unnest(cast(:members as bigint[])) m
                 where not exists (select 1 from rpt_team_membership t
                                    where t.account_id = m and (t.valid_to is null or t.valid_to > :at))
                on conflict do nothing""")
                .param("team", e.teamId()).param("name", e.name()).param("at", at).param("members", members).update();
    }
}
