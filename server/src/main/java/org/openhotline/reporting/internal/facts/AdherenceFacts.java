package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.workforce.AdherenceFigures.AgentDayClosed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_adherence_fact} from workforce's {@link AgentDayClosed}: one row per agent and day, the latest close
 * by its own time (a re-closed day replaces the figures; a late duplicate of an earlier close does not).
 */
@Component
class AdherenceFacts {

    private final JdbcClient jdbc;

    AdherenceFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AgentDayClosed e) {
        jdbc.sql("""
                insert into rpt_adherence_fact (account_id, day, day_start, scheduled_s, adhering_s, signed_in_s, closed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id, day) do update set day_start = excluded.day_start, scheduled_s = excluded.scheduled_s,
                       adhering_s = excluded.adhering_s, signed_in_s = excluded.signed_in_s, closed_at = excluded.closed_at
                 where rpt_adherence_fact.closed_at <= excluded.closed_at""")
                .params(e.accountId(), e.day(), Timestamp.from(e.dayStart()), e.scheduledSeconds(), e.adheringSeconds(),
                        e.signedInSeconds(), Timestamp.from(e.at()))
                .update();
    }
}
