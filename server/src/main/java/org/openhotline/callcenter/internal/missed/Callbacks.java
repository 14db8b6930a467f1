package org.openhotline.callcenter.internal.missed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.openhotline.callcenter.MissedCallEvents.MissedCallResolved;
import org.openhotline.callcenter.internal.calls.OutboundCalls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agent does with a callback task: claim it, let it go, call the citizen back through the phone bar's
 * outbound path, and say how a try went. Each is one transaction (a call back commits before it dials); the task
 * decides whether it is allowed.
 */
@Service
class Callbacks {

    private final MissedCallTasks tasks;
    private final JdbcClient jdbc;
    private final OutboundCalls outbound;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxTries;

    Callbacks(MissedCallTasks tasks, JdbcClient jdbc, OutboundCalls outbound, ApplicationEventPublisher events, Clock clock,
              TransactionTemplate tx, @Value("${hotline.callcenter.missed.max-attempts:3}") int maxTries) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
        this.maxTries = Math.max(1, maxTries);
    }

    int maxTries() {
        return maxTries;
    }

    /** Claims the task for the agent; {@code version} is the one the agent saw (a claim on a stale view is a 409). */
    @Transactional
    void claim(long taskId, long agentId, int version) {
        MissedCallTask task = current(taskId, version);
        task.claim(agentId, clock.instant());
        tasks.save(task, null);
    }

    @Transactional
    void release(long taskId, long agentId) {
        MissedCallTask task = tasks.get(taskId);
        task.release(agentId);
        tasks.save(task, null);
    }

    /**
     * Calls the citizen back from the agent's phone, showing the hotline's number; the try is on the task's timeline.
     * The task's change is committed before the call is placed: the citizen may answer before this method returns, and
     * the answer closes the task by the call's record. Placed inside the transaction, the answer met a call record and a
     * task version that no other thread could see yet, and the task stayed open.
     */
    String callBack(long taskId, long agentId) {
        Instant now = clock.instant();
        MissedCallTask task = tx.execute(status -> {
            MissedCallTask t = tasks.get(taskId);
            t.attemptStarts(agentId, now);
            outbound.mayDial(agentId);
            tasks.save(t, null);
            return t;
        });
        String callId = outbound.dial(agentId, task.number);
        jdbc.sql("insert into cc_missed_attempt (task_id, agent_id, call_id, started_at) values (?, ?, ?, ?)")
                .params(taskId, agentId, callId, Timestamp.from(now)).update();
        return callId;
    }

    /**
     * How the agent's latest try went (a try made from the desk phone, without {@link #callBack}, is recorded here
     * as a new one).
     */
    @Transactional
    void tried(long taskId, long agentId, MissedCallTask.Outcome outcome, String note) {
        MissedCallTask task = tasks.get(taskId);
        var before = task.status;
        Instant now = clock.instant();
        task.tried(agentId, outcome, maxTries, now);
        tasks.save(task, null);
        int updated = jdbc.sql("""
                update cc_missed_attempt set outcome = ?, note = ?, recorded_at = ?
                 where id = (select max(id) from cc_missed_attempt where task_id = ? and agent_id = ? and outcome is null)""")
                .params(outcome.name(), note, Timestamp.from(now), taskId, agentId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into cc_missed_attempt (task_id, agent_id, started_at, outcome, note, recorded_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(taskId, agentId, Timestamp.from(now), outcome.name(), note, Timestamp.from(now)).update();
        }
        if (task.status != before) {
            events.publishEvent(new MissedCallResolved(task.id, task.status.name(), task.firstMissedAt, now));
        }
    }

    private MissedCallTask current(long taskId, int version) {
        MissedCallTask task = tasks.get(taskId);
        if (task.version != version) {
            throw org.openhotline.shared.DomainException.conflict("回拨任务已被他人处理，请刷新后重试");
        }
        return task;
    }
}
