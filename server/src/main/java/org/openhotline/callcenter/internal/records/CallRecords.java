package org.openhotline.callcenter.internal.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.openhotline.callcenter.CallEvents.CallAnswered;
import org.openhotline.callcenter.CallEvents.CallArrived;
import org.openhotline.callcenter.CallEvents.CallEnded;
import org.openhotline.callcenter.CallEvents.CallEvent;
import org.openhotline.callcenter.CallEvents.CallOffered;
import org.openhotline.callcenter.CallEvents.CallPlaced;
import org.openhotline.callcenter.CallEvents.CallQueued;
import org.openhotline.callcenter.CallEvents.SurveyAnswered;
import org.openhotline.callcenter.CallRecorded;
import org.openhotline.callcenter.IvrOutcomes;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.shared.crypto.SealedFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call record (话单) of each call, filled in as the call moves: arrival, IVR exit, queue entry, offer,
 * answer, end, the point where a caller abandoned, transfers, survey satisfaction and the recording. The writes that
 * reports count run each in a small transaction with their {@link org.openhotline.callcenter.CallEvents} record
 * (ADR 004): the event exists exactly when the record does.
 */
@Repository
public class CallRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    CallRecords(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    private void recorded(Runnable write, CallEvent event) {
        tx.executeWithoutResult(status -> {
            write.run();
            events.publishEvent(event);
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The rows whose {@code called} is a citizen's number, sealed: outbound calls (ADR 041). */
    static final String SEALED_CALLED = "direction = 'OUTBOUND'";

    public void arrived(String callId, String caller, String called, String trunk, String direction) {
        OffsetDateTime now = now();
        // an outbound call's called number is the citizen's; an inbound call's is the hotline's own and stays readable
        String calledStored = "OUTBOUND".equals(direction) ? PersonalData.seal(called) : called;
        recorded(() -> jdbc.sql("""
                insert into cc_call (id, caller, caller_index, called, trunk, direction, arrived_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(callId, PersonalData.seal(caller), PersonalData.phoneIndex(caller), calledStored, trunk, direction, now)
                .update(),
                new CallArrived(callId, direction, now.toInstant()));
    }

    /**
     * The IVR finished with the caller. A voicemail it recorded, or a caller who left right after choosing a service,
     * is published with the write (missed-call callbacks pick them up).
     */
    public void ivrFinished(String callId, String outcome, java.util.Map<String, String> variables) {
        OffsetDateTime now = now();
        String voicemail = variables.get("voicemail");
        String choice = !"caller-left".equals(outcome) ? null : variables.entrySet().stream()
                .filter(v -> v.getKey().startsWith("menu.")).map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        Double seconds = voicemail == null ? null : WavLength.secondsOf(java.nio.file.Path.of(voicemail));
        if (voicemail != null) {
            sealRecording(voicemail);
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("update cc_call set ivr_exit_at = ?, ivr_result = ? where id = ?").params(now, outcome, callId).update();
            if (voicemail != null) {
                jdbc.sql("update cc_call set voicemail_left_at = ?, voicemail_seconds = ? where id = ?")
                        .params(now, seconds, callId).update();
                events.publishEvent(new IvrOutcomes.VoicemailLeft(callId, voicemail, seconds, now.toInstant()));
            } else if (choice != null) {
                events.publishEvent(new IvrOutcomes.LeftAfterChoosing(callId, choice, now.toInstant()));
            }
        });
    }

    public void queued(String callId, long groupId) {
        OffsetDateTime now = now();
        recorded(() -> jdbc.sql("update cc_call set queued_at = coalesce(queued_at, ?), group_id = ? where id = ?")
                .params(now, groupId, callId).update(), new CallQueued(callId, groupId, now.toInstant()));
    }

    public void offered(String callId, long agentId, long groupId) {
        OffsetDateTime now = now();
        recorded(() -> jdbc.sql("update cc_call set offered_at = ?, agent_id = ?, group_id = ? where id = ?")
                .params(now, agentId, groupId, callId).update(), new CallOffered(callId, agentId, groupId, now.toInstant()));
    }

    public void overflowed(String callId, long toGroupId) {
        jdbc.sql("update cc_call set transfer_chain = coalesce(transfer_chain || ' → ', '') || ? where id = ?")
                .params("溢出至技能组" + toGroupId, callId).update();
    }

    /** An agent placed this outbound call: it is the agent's whether or not the citizen answers. */
    public void placed(String callId, long agentId) {
        OffsetDateTime now = now();
        recorded(() -> jdbc.sql("update cc_call set agent_id = ? where id = ?").params(agentId, callId).update(),
                new CallPlaced(callId, agentId, now.toInstant()));
    }

    public void answered(String callId, long agentId) {
        OffsetDateTime now = now();
        recorded(() -> jdbc.sql("update cc_call set answered_at = ?, agent_id = ? where id = ?").params(now, agentId, callId).update(),
                new CallAnswered(callId, agentId, now.toInstant()));
    }

    public void transferred(String callId, String to) {
        jdbc.sql("update cc_call set transfer_chain = coalesce(transfer_chain || ' → ', '') || ? where id = ?")
                .params(to, callId).update();
    }

    /** The call ended; {@code abandonPoint} is IVR, QUEUE or RINGING when nobody answered. */
    public void ended(String callId, String cause, String abandonPoint) {
        OffsetDateTime now = now();
        recorded(() -> jdbc.sql("update cc_call set ended_at = coalesce(ended_at, ?), end_cause = coalesce(end_cause, ?), abandon_point = coalesce(abandon_point, ?) where id = ?")
                .params(now, cause, abandonPoint, callId).update(), new CallEnded(callId, cause, abandonPoint, now.toInstant()));
    }

    public void callbackRequested(String number, String callId, String reason) {
        jdbc.sql("insert into cc_callback_task (number, call_id, reason, created_at) values (?, ?, ?, ?)")
                .params(PersonalData.seal(number), callId, reason, now()).update();
    }

    public void satisfaction(String callId, int score) {
        recorded(() -> jdbc.sql("update cc_call set satisfaction = ? where id = ?").params(score, callId).update(),
                new SurveyAnswered(callId, score, clock.instant()));
    }

    /**
     * A closed recording is sealed in place (SM4, ADR 041) before the record names it, so every reader meets the sealed
     * file. The plaintext exists while the call runs: the recorder writes WAV as it goes. A file that cannot be sealed
     * stays as it is, and is logged: losing the recording would be worse.
     */
    private static void sealRecording(String path) {
        try {
            SealedFiles.seal(java.nio.file.Path.of(path));
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CallRecords.class).error("Could not seal recording {}", path, e);
        }
    }

    /** The recording is closed: on record together with {@link CallRecorded} (machine inspection analyses it). */
    public void recording(String callId, String path, Duration length) {
        sealRecording(path);
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            int rows = jdbc.sql("update cc_call set recording_path = ?, recording_s = ? where id = ?")
                    .params(path, BigDecimal.valueOf(length.toMillis(), 3), callId).update();
            if (rows > 0) {
                events.publishEvent(new CallRecorded(callId, path, length.toMillis(), now.toInstant()));
            }
        });
    }
}
