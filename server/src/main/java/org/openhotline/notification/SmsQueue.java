package org.openhotline.notification;

import java.time.Instant;

/**
 * The SMS outbox as others may see and use it: its backlog for the operations console's health and alarms, and
 * an operator's alarm text queued like any other message (durable, retried, visible in the message log).
 */
public interface SmsQueue {

    /** Messages waiting for the gateway, the oldest one's creation (null when none), and failures in the last day. */
    Backlog backlog(Instant now);

    /** Queues an alarm text for {@code phone}; false when the number is implausible or {@code key} was queued before. */
    boolean sendAlarm(String key, String phone, String text);

    record Backlog(long pending, Instant oldestPending, long failedLastDay) {}
}
