package org.openhotline.callcenter;

import java.time.Instant;

/**
 * Missed-call callbacks (漏接回拨) as past-tense records, published in the transaction that writes the task, so that
 * reporting counts the 漏话 and the callback rate from them (ADR 004).
 */
public final class MissedCallEvents {

    private MissedCallEvents() {}

    /**
     * A missed call joined the callback task of its number and day; {@code newTask} is true for the day's first miss
     * (or one after the task had closed), {@code point} is QUEUE, RINGING, MAX_WAIT, IVR or VOICEMAIL.
     */
    public record MissedCallRecorded(long taskId, String callId, String point, boolean newTask, Instant at) {}

    /**
     * The task closed: {@code status} is CALLED_BACK (an agent reached the caller), GOT_THROUGH (the caller got
     * through to an agent later that day), UNREACHABLE (too many unsuccessful tries) or WRONG_NUMBER.
     */
    public record MissedCallResolved(long taskId, String status, Instant firstMissedAt, Instant at) {}
}
