package org.openhotline.callcenter.internal.agents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.AgentStateRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every state an agent was in, with start and end: occupancy and utilisation are computed from it. */
@Repository
public class AgentStateLog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AgentStateLog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Called inside a transaction: the row and its {@link AgentStateRecorded} commit together. */
    public void record(long accountId, AgentState state, String reason, String by, Instant at) {
        var when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("update cc_agent_state_log set ended_at = ? where account_id = ? and ended_at is null")
                .params(when, accountId).update();
        jdbc.sql("""
                insert into cc_agent_state_log (account_id, state, reason, by_actor, started_at)
                values (?, ?, ?, ?, ?)""")
                .params(accountId, state.name(), reason, by, when).update();
        events.publishEvent(new AgentStateRecorded(accountId, state, reason, at));
    }

    /** At start nobody is signed in any more: close what the last run left open. */
    public int closeAllOpen(Instant at) {
        var when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return jdbc.sql("update cc_agent_state_log set ended_at = ? where ended_at is null").param(when).update();
    }
}
