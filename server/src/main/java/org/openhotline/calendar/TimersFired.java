package org.openhotline.calendar;

import java.util.List;

/**
 * A batch of light moments that came (up to 5,000, oldest first), published once per batch inside the transaction
 * that marks them fired: a listener can act on all of them with a few set-based statements, which is what lets a
 * million pending deadlines flip within a minute. A listener that fails makes the batch fire again.
 */
public record TimersFired(List<TimerFired> timers) {}
