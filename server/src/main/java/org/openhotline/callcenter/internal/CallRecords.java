package org.openhotline.callcenter.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The call record (话单) of each call, filled in as the call moves: arrival, IVR exit, queue entry, offer,
 * answer, end, the point where a caller abandoned, transfers, survey satisfaction and the recording.
 */
@Repository
class CallRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    CallRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    void arrived(String callId, String caller, String called, String trunk, String direction) {
        jdbc.sql("""
                insert into cc_call (id, caller, called, trunk, direction, arrived_at) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(callId, caller, called, trunk, direction, now()).update();
    }

    void ivrFinished(String callId, String outcome) {
        jdbc.sql("update cc_call set ivr_exit_at = ?, ivr_result = ? where id = ?").params(now(), outcome, callId).update();
    }

    void queued(String callId, long groupId) {
        jdbc.sql("update cc_call set queued_at = coalesce(queued_at, ?), group_id = ? where id = ?")
                .params(now(), groupId, callId).update();
    }

    void offered(String callId, long agentId, long groupId) {
        jdbc.sql("update cc_call set offered_at = ?, agent_id = ?, group_id = ? where id = ?")
                .params(now(), agentId, groupId, callId).update();
    }

    void overflowed(String callId, long toGroupId) {
        jdbc.sql("update cc_call set transfer_chain = coalesce(transfer_chain || ' → ', '') || ? where id = ?")
                .params("溢出至技能组" + toGroupId, callId).update();
    }

    void answered(String callId, long agentId) {
        jdbc.sql("update cc_call set answered_at = ?, agent_id = ? where id = ?").params(now(), agentId, callId).update();
    }

    void transferred(String callId, String to) {
        jdbc.sql("update cc_call set transfer_chain = coalesce(transfer_chain || ' → ', '') || ? where id = ?")
                .params(to, callId).update();
    }

    /** The call ended; {@code abandonPoint} is IVR, QUEUE or RINGING when nobody answered. */
    void ended(String callId, String cause, String abandonPoint) {
        jdbc.sql("update cc_call set ended_at = coalesce(ended_at, ?), end_cause = coalesce(end_cause, ?), abandon_point = coalesce(abandon_point, ?) where id = ?")
                .params(now(), cause, abandonPoint, callId).update();
    }

    void callbackRequested(String number, String callId, String reason) {
        jdbc.sql("insert into cc_callback_task (number, call_id, reason, created_at) values (?, ?, ?, ?)")
                .params(number, callId, reason, now()).update();
    }

    void satisfaction(String callId, int score) {
        jdbc.sql("update cc_call set satisfaction = ? where id = ?").params(score, callId).update();
    }

    void recording(String callId, String path, Duration length) {
        jdbc.sql("update cc_call set recording_path = ?, recording_s = ? where id = ?")
                .params(path, BigDecimal.valueOf(length.toMillis(), 3), callId).update();
    }
}
