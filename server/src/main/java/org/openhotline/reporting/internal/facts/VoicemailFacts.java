package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.callcenter.IvrOutcomes.VoicemailLeft;
import org.openhotline.callcenter.MissedCallEvents.MissedCallRecorded;
import org.openhotline.callcenter.MissedCallEvents.MissedCallResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_voicemail_fact} (客户留言统计) from the call center's events: a voicemail left, the callback task it
 * joined, and that task closing (the voicemail is then 已处理). The three may arrive in any order and more than once,
 * so each is an upsert or a guarded update; the rebuild reads the same from {@code rpt_source_voicemail}.
 *
 * <p>The skill group comes from the call's queued event, which another listener handles in its own transaction at the
 * same moment. Without a lock each could miss the other's uncommitted row and the voicemail would never learn its group
 * (seen once in CI); {@link #lockCall} makes the later one wait, and its next statement then sees the earlier one's.
 *
 * <p>The same holds for a task closing and a voicemail joining that task: under load the close was handled first,
 * found no voicemail with that task yet, and the voicemail stayed 未处理 for good (a suite run under stress-ng). Both
 * now take {@link #lockTask}, the close is remembered in {@code rpt_voicemail_task_closed}, and the join looks there.
 */
@Component
class VoicemailFacts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    VoicemailFacts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Serialises the facts listeners that join a call's voicemail to its skill group, until the transaction ends. */
    static void lockCall(JdbcClient jdbc, String callId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_voicemail_fact'), hashtext(?::text))")
                .param(callId).query().singleRow();
    }

    /** Serialises a task's close with the voicemails joining it, until the transaction ends. */
    private void lockTask(long taskId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_voicemail_task'), hashtext(?::text))")
                .param(String.valueOf(taskId)).query().singleRow();
    }

    @ApplicationModuleListener
    void on(VoicemailLeft left) {
        lockCall(jdbc, left.callId());
        jdbc.sql("""
                insert into rpt_voicemail_fact (voicemail_id, call_id, group_id, left_at, seconds)
                values (?, ?, (select group_id from rpt_call_fact where call_id = ?), ?, ?)
                on conflict (voicemail_id) do update set seconds = excluded.seconds, left_at = excluded.left_at,
                    group_id = coalesce(excluded.group_id, rpt_voicemail_fact.group_id)""")
                .params(left.callId(), left.callId(), left.callId(), Timestamp.from(left.at()), left.seconds()).update();
        events.publishEvent(new FactsChanged("CALL"));
    }

    @ApplicationModuleListener
    void on(MissedCallRecorded missed) {
        if (!"VOICEMAIL".equals(missed.point())) {
            return;
        }
        lockCall(jdbc, missed.callId());
        lockTask(missed.taskId());
        jdbc.sql("""
                insert into rpt_voicemail_fact (voicemail_id, call_id, group_id, left_at, task_id)
                values (?, ?, (select group_id from rpt_call_fact where call_id = ?), ?, ?)
                on conflict (voicemail_id) do update set task_id = excluded.task_id""")
                .params(missed.callId(), missed.callId(), missed.callId(), Timestamp.from(missed.at()), missed.taskId())
                .update();
        int handled = jdbc.sql("""
                update rpt_voicemail_fact v set handled_at = c.closed_at
                  from rpt_voicemail_task_closed c
                 where v.voicemail_id = ? and c.task_id = ? and v.handled_at is null""")
                .params(missed.callId(), missed.taskId()).update();
        if (handled > 0) {
            events.publishEvent(new FactsChanged("CALL"));
        }
    }

    @ApplicationModuleListener
    void on(MissedCallResolved resolved) {
        lockTask(resolved.taskId());
        jdbc.sql("insert into rpt_voicemail_task_closed (task_id, closed_at) values (?, ?) on conflict do nothing")
                .params(resolved.taskId(), Timestamp.from(resolved.at())).update();
        int handled = jdbc.sql("update rpt_voicemail_fact set handled_at = ? where task_id = ? and handled_at is null")
                .params(Timestamp.from(resolved.at()), resolved.taskId()).update();
        if (handled > 0) {
            events.publishEvent(new FactsChanged("CALL"));
        }
    }
}
