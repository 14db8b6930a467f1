package org.openhotline.calendar;

import java.time.Instant;

/**
 * A light moment came: {@code light} is YELLOW (the warning share of the time is used) or RED (the deadline
 * passed). Delivered in a {@link TimersFired} batch, exactly once per timer.
 */
public record TimerFired(long timerId, String subjectType, long subjectId, String light, Instant dueAt,
                         Instant deadlineAt, Instant firedAt) {}
