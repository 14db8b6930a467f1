package org.openhotline.workorder;

import java.time.Instant;

/**
 * Work orders as the exchange module moves them between platforms (省级平台, 110, 好差评): what an order looks like
 * on the wire, and the steps another platform takes on our orders. Every method joins the caller's transaction, so
 * that a message from the inbox is applied and marked applied together.
 */
public interface ExchangeOrders {

    /** An order as it is sent to another platform; {@code reply} is the accepted reply or the direct reply. */
    record Snapshot(long id, String number, String channel, String appealType, String urgency, String title,
                    String content, String address, String callerName, String callerPhone, String callId,
                    String state, String stateLabel, String reply, String forwardedTo) {}

    Snapshot snapshot(long orderId);

    /**
     * An order another platform hands us (省交办件, a 110 non-emergency matter, an escalated city order): it becomes an
     * order of channel 其他平台转入 waiting for dispatch; the due times, when given, bound the deadlines of every
     * assignment we make for it (the sender's deadlines count in our sign and completion figures).
     */
    record Incoming(String source, String sourceName, String remoteNumber, String title, String content,
                    String appealType, String urgency, String address, String callerName, String callerPhone,
                    Instant signDueAt, Instant handleDueAt) {}

    /** Creates the order; returns its id. */
    long receive(Incoming incoming);

    /** A step the other platform took, written on our order's timeline. */
    void remoteStep(long orderId, String by, String action, String note);

    /** The platform we forwarded the order to replied: the order waits for our callback to the citizen. */
    void remoteReply(long orderId, String by, String reply);

    /** The sender's callback verdict on an order it handed us; {@code satisfaction} as in the callback step. */
    void remoteCallback(long orderId, String by, boolean resolved, String satisfaction);

    /** A supervised task (e.g. 差评整改) with its due time. */
    void supervise(long orderId, String by, String note, Instant dueAt);
}
