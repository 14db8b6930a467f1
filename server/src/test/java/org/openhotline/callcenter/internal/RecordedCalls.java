package org.openhotline.callcenter.internal;

import java.time.Instant;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.agents.AgentStateLog;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes call records and agent states the way the call center does (its own {@link CallRecords} and
 * {@link AgentStateLog}, each write with its event in one transaction), at times the test sets on the TestClock —
 * so that report tests have calls of exact durations without real phones. The rows are real: a rebuild of the facts
 * from the call center's views finds them.
 */
public final class RecordedCalls {

    private final CallRecords records;
    private final AgentStateLog states;
    private final TransactionTemplate tx;

    public RecordedCalls(ApplicationContext context) {
        this.records = context.getBean(CallRecords.class);
        this.states = context.getBean(AgentStateLog.class);
        this.tx = context.getBean(TransactionTemplate.class);
    }

    public void arrived(String callId, String direction) {
        records.arrived(callId, "1390000" + Math.floorMod(callId.hashCode(), 10_000), "12345", "test", direction);
    }

    /** A call from {@code caller} (a number, or null for an anonymous caller). */
    public void arrived(String callId, String direction, String caller) {
        records.arrived(callId, caller, "12345", "test", direction);
    }

    /** The IVR recorded a voicemail of the call into {@code wav} and finished. */
    public void voicemail(String callId, java.nio.file.Path wav) {
        records.ivrFinished(callId, "voicemail", java.util.Map.of("voicemail", wav.toString()));
    }

    public void queued(String callId, long groupId) {
        records.queued(callId, groupId);
    }

    public void offered(String callId, long agentId, long groupId) {
        records.offered(callId, agentId, groupId);
    }

    public void answered(String callId, long agentId) {
        records.answered(callId, agentId);
    }

    /** {@code abandonPoint}: IVR, QUEUE or RINGING when nobody answered, else null. */
    public void ended(String callId, String abandonPoint) {
        records.ended(callId, abandonPoint == null ? "NORMAL" : "CALLER_HANGUP", abandonPoint);
    }

    public void rated(String callId, int score) {
        records.satisfaction(callId, score);
    }

    public void state(long agentId, AgentState state, Instant at) {
        tx.executeWithoutResult(status -> states.record(agentId, state, null, "test", at));
    }
}
