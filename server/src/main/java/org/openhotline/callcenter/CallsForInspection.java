package org.openhotline.callcenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answered calls as quality inspection (质检) reads them: the sampling plan's candidates and the workbench's call
 * record. The recording itself is served by the call records API ({@code /api/callcenter/calls/{id}/recording}),
 * which checks the role and audits each play.
 */
public interface CallsForInspection {

    /**
     * An answered call: {@code firstAnsweredByAgent} is when the agent answered their first call ever (new agents
     * are a sampling stratum); {@code transferred} when the call was transferred or held for a consultation.
     */
    record AnsweredCall(String callId, long agentId, String agentNo, String caller, Instant arrivedAt,
                        Instant answeredAt, Instant endedAt, Integer satisfaction, boolean transferred,
                        boolean hasRecording, Instant firstAnsweredByAgent) {

        public long talkSeconds() {
            return endedAt == null ? 0 : Math.max(0, endedAt.getEpochSecond() - answeredAt.getEpochSecond());
        }
    }

    /** Inbound calls answered by an agent in [from, to), ended. */
    List<AnsweredCall> answeredBetween(Instant from, Instant to);

    Optional<AnsweredCall> byId(String callId);
}
