package org.openhotline.callcenter.internal.missed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.openhotline.callcenter.CallEvents.CallAnswered;
import org.openhotline.callcenter.CallEvents.CallEnded;
import org.openhotline.callcenter.IvrOutcomes.LeftAfterChoosing;
import org.openhotline.callcenter.IvrOutcomes.VoicemailLeft;
import org.openhotline.callcenter.MissedCallEvents.MissedCallRecorded;
import org.openhotline.callcenter.MissedCallEvents.MissedCallResolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * Turns the call center's own call events into callback tasks: a miss opens (or joins) the task of its number and day,
 * an answered call from that number the same day — or an answered callback to it — closes it. The events of one
 * number arrive on several threads and in any order; each handler takes the number's lock and looks at the calls on
 * record, so that an answer seen before the miss it follows still closes the task.
 */
@Component
class MissedCalls {

    private final JdbcClient jdbc;
    private final MissedCallTasks tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean includeIvrAbandons;

    MissedCalls(JdbcClient jdbc, MissedCallTasks tasks, ApplicationEventPublisher events, Clock clock,
                @Value("${hotline.callcenter.missed.include-ivr-abandons:false}") boolean includeIvrAbandons) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
        this.includeIvrAbandons = includeIvrAbandons;
    }

    @ApplicationModuleListener
    void on(CallEnded ended) {
        if ("QUEUE".equals(ended.abandonPoint()) || "RINGING".equals(ended.abandonPoint())) {
            missed(ended.callId(), "MAX_WAIT".equals(ended.cause()) ? "MAX_WAIT" : ended.abandonPoint(), ended.at(), null);
        }
    }

    @ApplicationModuleListener
    void on(LeftAfterChoosing left) {
        if (includeIvrAbandons) {
            missed(left.callId(), "IVR", left.at(), null);
        }
    }

    @ApplicationModuleListener
    void on(VoicemailLeft voicemail) {
        missed(voicemail.callId(), "VOICEMAIL", voicemail.at(), voicemail.path());
    }

    @ApplicationModuleListener
    void on(CallAnswered answered) {
        callOf(answered.callId()).ifPresent(call -> {
            tasks.lockNumber(call.number());
            boolean callback = "OUTBOUND".equals(call.direction());
            // a callback reaches the caller whatever day the miss was; an inbound call covers that day's misses
            LocalDate sameDay = callback ? null : day(answered.at());
            for (MissedCallTask task : tasks.openBefore(call.number(), answered.at(), sameDay)) {
                close(task, callback ? MissedCallTask.Status.CALLED_BACK : MissedCallTask.Status.GOT_THROUGH,
                        callback ? answered.agentId() : null, answered.callId(), answered.at());
            }
        });
    }

    private void missed(String callId, String point, Instant at, String voicemailPath) {
        Optional<Call> found = callOf(callId).filter(c -> "INBOUND".equals(c.direction()) && c.number() != null
                && c.number().matches("\\+?[0-9]{3,20}"));
        if (found.isEmpty()) {
            return; // an anonymous or unknown caller cannot be called back
        }
        String number = found.get().number();
        tasks.lockNumber(number);
        boolean known = jdbc.sql("select exists(select 1 from cc_missed_call where call_id = ?)").param(callId)
                .query(Boolean.class).single();
        LocalDate day = day(at);
        var existing = tasks.ofDay(number, day);
        long taskId;
        boolean newTask = false;
        if (existing.isEmpty()) {
            taskId = tasks.open(number, day, at);
            newTask = true;
        } else {
            taskId = existing.get().id;
            if (!known) {
                newTask = tasks.missedAgain(existing.get(), at);
            }
        }
        jdbc.sql("""
                insert into cc_missed_call (call_id, task_id, number, number_index, missed_at, point, voicemail_path,
                                            voicemail_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (call_id) do update set
                    point = case when excluded.point = 'VOICEMAIL' then cc_missed_call.point else excluded.point end,
                    missed_at = least(cc_missed_call.missed_at, excluded.missed_at),
                    voicemail_path = coalesce(excluded.voicemail_path, cc_missed_call.voicemail_path),
                    voicemail_at = coalesce(excluded.voicemail_at, cc_missed_call.voicemail_at)""")
                .params(callId, taskId, PersonalData.seal(number), PersonalData.phoneIndex(number), Timestamp.from(at), point,
                        voicemailPath,
                        voicemailPath == null ? null : Timestamp.from(at)).update();
        if (known) {
            return;
        }
        events.publishEvent(new MissedCallRecorded(taskId, callId, point, newTask, at));
        gotThroughSince(number, at).ifPresent(answer -> tasks.find(taskId).filter(t -> !t.status.closed())
                .ifPresent(t -> close(t, answer.callback() ? MissedCallTask.Status.CALLED_BACK : MissedCallTask.Status.GOT_THROUGH,
                        answer.agentId(), answer.callId(), answer.at())));
    }

    /** The answer seen before the miss it follows (events of two calls may arrive in either order). */
    private Optional<Answer> gotThroughSince(String number, Instant missedAt) {
        return jdbc.sql("""
                select id, direction = 'OUTBOUND', agent_id, answered_at from cc_call
                 where caller_index = ? and answered_at > ?
                   and (direction = 'OUTBOUND' or (answered_at at time zone ?)::date = ?)
                 order by answered_at limit 1""")
                .params(PersonalData.phoneIndex(number), Timestamp.from(missedAt), clock.getZone().getId(), day(missedAt))
                .query((rs, n) -> new Answer(rs.getString(1), rs.getBoolean(2), rs.getObject(3, Long.class),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).optional();
    }

    private void close(MissedCallTask task, MissedCallTask.Status how, Long by, String callId, Instant at) {
        task.resolved(how, by, at);
        tasks.save(task, callId);
        events.publishEvent(new MissedCallResolved(task.id, how.name(), task.firstMissedAt, at));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    private Optional<Call> callOf(String callId) {
        return jdbc.sql("select caller, direction from cc_call where id = ?").param(callId)
                .query((rs, n) -> new Call(PersonalData.open(rs.getString(1)), rs.getString(2))).optional();
    }

    private record Call(String number, String direction) {}

    private record Answer(String callId, boolean callback, Long agentId, Instant at) {}
}
