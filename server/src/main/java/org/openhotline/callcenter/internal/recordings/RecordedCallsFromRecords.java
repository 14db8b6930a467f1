package org.openhotline.callcenter.internal.recordings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.RecordedCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link RecordedCalls} from the call record and the agent's state log: a hold is a HELD interval that starts while
 * the call is connected, after-call work the AFTER_CALL_WORK interval that starts when it ends (a state's interval
 * ends where the agent's next state starts, {@code ended_at} in the log).
 */
@Component
class RecordedCallsFromRecords implements RecordedCalls {

    private final JdbcClient jdbc;

    RecordedCallsFromRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String id, Long agentId, Timestamp offeredAt, Timestamp answeredAt, Timestamp endedAt,
                       String transferChain, String recordingPath) {}

    @Override
    public Optional<RecordedCall> find(String callId) {
        return jdbc.sql("""
                select id, agent_id, offered_at, answered_at, ended_at, transfer_chain, recording_path
                  from cc_call where id = ?""").param(callId).query(Row.class).optional().map(this::withStates);
    }

    @Override
    public List<String> recordedBetween(Instant from, Instant to, int limit) {
        // cc_call_recorded (direction, arrived_at) where recording_path is not null serves both directions
        return jdbc.sql("""
                select id from cc_call
                 where direction in ('INBOUND', 'OUTBOUND') and arrived_at >= ? and arrived_at < ?
                   and recording_path is not null and answered_at is not null
                 order by arrived_at limit ?""").params(Timestamp.from(from), Timestamp.from(to), limit)
                .query(String.class).list();
    }

    private RecordedCall withStates(Row r) {
        List<String> transfers = r.transferChain() == null ? List.of()
                : Arrays.stream(r.transferChain().split(" → ")).filter(s -> !s.isBlank()).toList();
        List<Interval> holds = List.of();
        Interval acw = null;
        if (r.agentId() != null && r.answeredAt() != null && r.endedAt() != null) {
            List<Interval> states = states(r.agentId(), AgentState.HELD, r.answeredAt(), r.endedAt());
            holds = states;
            // After-call work starts when the call ends; the state log and the call record are written in separate
            // transactions, so either may carry the earlier time stamp by a moment.
            acw = states(r.agentId(), AgentState.AFTER_CALL_WORK,
                    Timestamp.from(r.endedAt().toInstant().minusSeconds(5)),
                    Timestamp.from(r.endedAt().toInstant().plusSeconds(5))).stream().findFirst().orElse(null);
        }
        return new RecordedCall(r.id(), r.agentId(), instant(r.offeredAt()), instant(r.answeredAt()),
                instant(r.endedAt()), transfers, holds, acw, r.recordingPath());
    }

    private List<Interval> states(long agent, AgentState state, Timestamp from, Timestamp to) {
        return jdbc.sql("""
                select started_at, ended_at from cc_agent_state_log
                 where account_id = ? and state = ? and started_at >= ? and started_at < ?
                 order by started_at""")
                .params(agent, state.name(), from, to)
                .query((rs, i) -> new Interval(rs.getTimestamp(1).toInstant(), instant(rs.getTimestamp(2))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
