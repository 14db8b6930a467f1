package org.openhotline.exchange;

import java.time.Instant;

/** The exchange outbox and inbox as the operations console sees them: what waits, since when, and what is dead. */
public interface ExchangeQueue {

    Backlog backlog();

    record Backlog(long pending, Instant oldestPending, long dead) {}
}
