package org.openhotline.calendar;

import java.time.Instant;

/**
 * A light moment came: {@code light} is YELLOW (the warning share of the time is used) or RED (the deadline
 * passed). Published once per timer, inside the transaction that marks the timer fired, so a listener that acts
 * synchronously commits with it or makes the timer fire again at the next sweep.
 */
public record TimerFired(long timerId, String subjectType, long subjectId, String light, Instant dueAt,
                         Instant deadlineAt, Instant firedAt) {}
