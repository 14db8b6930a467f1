package org.openhotline.callcenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What quality inspection needs of a call record (话单) besides the recording itself: when it rang and was
 * answered, its transfers, the agent's holds during the call and the after-call work that followed it.
 */
public interface RecordedCalls {

    /** One stretch of the agent's state during or right after the call. */
    record Interval(Instant from, Instant to) {
        public long seconds() {
            return to == null ? 0 : java.time.Duration.between(from, to).toSeconds();
        }
    }

    /**
     * A call as inspection sees it; {@code transfers} are the transfer chain's steps, {@code afterCallWork} is
     * null while the agent still works on the call (or went on without it).
     */
    record RecordedCall(String callId, Long agentId, Instant offeredAt, Instant answeredAt, Instant endedAt,
                        List<String> transfers, List<Interval> holds, Interval afterCallWork, String recordingPath) {}

    Optional<RecordedCall> find(String callId);

    /** The ids of answered calls with a recording that arrived in [from, to), oldest first, at most {@code limit}. */
    List<String> recordedBetween(Instant from, Instant to, int limit);
}
