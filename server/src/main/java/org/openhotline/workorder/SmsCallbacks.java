package org.openhotline.workorder;

import java.util.Optional;

/**
 * What the text channels (SMS, WeChat) need from work orders without a staff login: who to tell about an order, an
 * SMS callback survey answer recorded exactly as a phone callback is, an appeal or a supplement from a citizen's
 * message, and the public progress of an order. Steps taken here are recorded on the order as taken by the channel
 * ({@code 短信回访}, {@code 微信公众号}), owned by the hotline center.
 */
public interface SmsCallbacks {

    /** An order as a message to the citizen needs it; {@code callerPhone} is null when unknown. */
    record OrderContact(long id, String number, String channel, String state, String stateLabel, String title,
                        String callerPhone, boolean anonymous) {}

    /** The unit an assignment went to (reminders go to its handlers). */
    record AssignmentUnit(long assignmentId, long unitId, String unitName) {}

    /** What a citizen may see of an order (no staff names, no internal notes). */
    record Progress(String number, String title, String stateLabel, java.time.Instant createdAt, String publicReply) {}

    Optional<OrderContact> contact(long workOrderId);

    Optional<AssignmentUnit> assignmentUnit(long workOrderId, long assignmentId);

    /**
     * Records the citizen's survey answer as the order's callback: {@code satisfaction} SATISFIED,
     * BASICALLY_SATISFIED or DISSATISFIED. False when the order no longer waits for a callback (an agent called first).
     * Runs in its own transaction: a refusal (a special order's close review) throws without spoiling the caller's.
     */
    boolean recordSurveyAnswer(long workOrderId, boolean resolved, String satisfaction, String note);

    /** A new appeal from a text channel ({@code channel} SMS or WECHAT); a retried key answers the first order. */
    OrderContact createAppeal(String channel, String phone, String name, String content, String idempotencyKey);

    /** The caller's newest order that is still open, if any. */
    Optional<OrderContact> latestOpenOf(String phone);

    /** Adds the citizen's text to an open order (补充). */
    void supplement(long workOrderId, String text, String via);

    Optional<Progress> progress(String number);
}
