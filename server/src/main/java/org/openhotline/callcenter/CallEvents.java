package org.openhotline.callcenter;

import java.time.Instant;

/**
 * What happened to a call, as past-tense records of ids and values, published in the transaction that writes the
 * call record (话单), so that listeners (reporting) get each one exactly when it is on record.
 */
public final class CallEvents {

    private CallEvents() {}

    /** Every call event names its call and when it happened. */
    public sealed interface CallEvent {
        String callId();

        Instant at();
    }

    /** A call reached the platform; {@code direction} is INBOUND or OUTBOUND. */
    public record CallArrived(String callId, String direction, Instant at) implements CallEvent {}

    /** The call entered the queue of a skill group (offered to the agents: the answer rate's denominator). */
    public record CallQueued(String callId, long groupId, Instant at) implements CallEvent {}

    /** The ACD rang an agent with the call. */
    public record CallOffered(String callId, long agentId, long groupId, Instant at) implements CallEvent {}

    /**
     * An agent placed an outbound call (外呼 from the desk): the call is the agent's from the start, whether or not the
     * citizen answers (the agent's outbound count is every attempt).
     */
    public record CallPlaced(String callId, long agentId, Instant at) implements CallEvent {}

    /** An agent answered. */
    public record CallAnswered(String callId, long agentId, Instant at) implements CallEvent {}

    /**
     * The call ended; {@code abandonPoint} is IVR, QUEUE or RINGING when the caller hung up before an agent answered
     * (an abandoned call), null otherwise.
     */
    public record CallEnded(String callId, String cause, String abandonPoint, Instant at) implements CallEvent {}

    /** The caller answered the post-call survey: 1 satisfied, 2 basically satisfied, 3 dissatisfied. */
    public record SurveyAnswered(String callId, int score, Instant at) implements CallEvent {}
}
