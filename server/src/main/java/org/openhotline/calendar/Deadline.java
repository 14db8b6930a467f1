package org.openhotline.calendar;

import java.time.Duration;
import java.time.Instant;

/** A computed deadline: when the time started, when the light turns yellow, and when it is due (red). */
public record Deadline(Instant start, Instant yellowAt, Instant dueAt) {

    /** The yellow moment at {@code percent} % of the time between start and due. */
    public static Deadline between(Instant start, Instant dueAt, int yellowPercent) {
        long millis = Duration.between(start, dueAt).toMillis();
        return new Deadline(start, start.plusMillis(Math.max(0, millis) * yellowPercent / 100), dueAt);
    }
}
