package org.openhotline.callcenter.internal.missed;

import java.time.Instant;
import java.time.LocalDate;
import org.openhotline.shared.DomainException;

/**
 * One number's callback task for one day. It guards its own state: only an open task can be claimed, only its
 * claimer calls back and records how a try went, and a closed task takes no more tries.
 */
final class MissedCallTask {

    enum Status {
        OPEN, CALLED_BACK, GOT_THROUGH, UNREACHABLE, WRONG_NUMBER;

        boolean closed() {
            return this != OPEN;
        }
    }

    /** How a callback try went, as the agent says it. */
    enum Outcome {
        REACHED, NO_ANSWER, BUSY, WRONG_NUMBER;

        boolean unsuccessful() {
            return this == NO_ANSWER || this == BUSY;
        }
    }

    final long id;
    final String number;
    final LocalDate day;
    final Instant firstMissedAt;
    final int version;
    Status status;
    Long claimedBy;
    Instant claimedAt;
    int failedTries;
    Instant firstAttemptAt;
    Instant closedAt;
    Long closedBy;

    MissedCallTask(long id, String number, LocalDate day, Instant firstMissedAt, int version, Status status, Long claimedBy,
                   Instant claimedAt, int failedTries, Instant firstAttemptAt, Instant closedAt, Long closedBy) {
        this.id = id;
        this.number = number;
        this.day = day;
        this.firstMissedAt = firstMissedAt;
        this.version = version;
        this.status = status;
        this.claimedBy = claimedBy;
        this.claimedAt = claimedAt;
        this.failedTries = failedTries;
        this.firstAttemptAt = firstAttemptAt;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
    }

    private void mustBeOpen() {
        if (status.closed()) {
            throw DomainException.conflict("该回拨任务已关闭");
        }
    }

    void claim(long agentId, Instant now) {
        mustBeOpen();
        if (claimedBy != null && claimedBy != agentId) {
            throw DomainException.conflict("该回拨任务已由其他坐席认领");
        }
        claimedBy = agentId;
        claimedAt = now;
    }

    void release(long agentId) {
        mustBeClaimedBy(agentId);
        claimedBy = null;
        claimedAt = null;
    }

    private void mustBeClaimedBy(long agentId) {
        mustBeOpen();
        if (claimedBy == null || claimedBy != agentId) {
            throw DomainException.conflict("请先认领该回拨任务");
        }
    }

    /** A callback try starts (the agent dials, or says it dialed from the desk phone). */
    void attemptStarts(long agentId, Instant now) {
        mustBeClaimedBy(agentId);
        if (firstAttemptAt == null) {
            firstAttemptAt = now;
        }
    }

    /**
     * How the try went. Reached or a wrong number closes the task; after {@code maxTries} unsuccessful tries the
     * caller counts as unreachable. A callback the citizen answered may already have closed the task (the platform saw
     * the answer): the agent may still say it was a wrong number.
     */
    void tried(long agentId, Outcome outcome, int maxTries, Instant now) {
        if (status == Status.CALLED_BACK && closedBy != null && closedBy == agentId
                && (outcome == Outcome.REACHED || outcome == Outcome.WRONG_NUMBER)) {
            status = outcome == Outcome.REACHED ? Status.CALLED_BACK : Status.WRONG_NUMBER;
            return;
        }
        attemptStarts(agentId, now);
        switch (outcome) {
            case REACHED -> close(Status.CALLED_BACK, agentId, now);
            case WRONG_NUMBER -> close(Status.WRONG_NUMBER, agentId, now);
            case NO_ANSWER, BUSY -> {
                failedTries++;
                if (failedTries >= maxTries) {
                    close(Status.UNREACHABLE, agentId, now);
                }
            }
        }
    }

    /** The platform saw the number get through (an answered inbound call, or an answered callback). */
    void resolved(Status how, Long by, Instant at) {
        mustBeOpen();
        close(how, by, at);
    }

    private void close(Status how, Long by, Instant at) {
        status = how;
        closedAt = at;
        closedBy = by;
        claimedBy = null;
        claimedAt = null;
    }
}
