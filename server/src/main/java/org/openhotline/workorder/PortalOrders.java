package org.openhotline.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Work orders as the citizens' channels (portal, e-mail, Open311) see them: one intake for all of them — the same
 * validation and idempotency as a call taken by an agent, the order owned by the hotline center — and the public
 * view of an order (state, public steps, the unit's reply; never staff names or internal notes), the citizen's
 * 好差评 rating recorded as the order's callback, and the request to reopen a closed order.
 */
public interface PortalOrders {

    /**
     * An appeal from a channel; {@code channel} is a work-order channel name (WEB, EMAIL, OPEN311…), {@code appealType}
     * one of COMPLAINT, CONSULTATION… (null: a complaint/request is assumed by the intake's default rules).
     */
    record CitizenAppeal(String channel, String appealType, Long categoryId, Long regionId, String address,
                         String title, String content, String name, String phone, boolean anonymous) {}

    record Submitted(long id, String number, Instant createdAt, boolean replayed) {}

    /** Creates the order; a repeated {@code idempotencyKey} (scoped by channel) answers the first order. */
    Submitted submit(CitizenAppeal appeal, String idempotencyKey);

    /** A photo or document of the appeal, checked like an agent's upload (types, size, first bytes). */
    void attach(long orderId, String fileName, byte[] data, String channel);

    record PublicStep(Instant at, String label) {}

    /**
     * What the citizen may see of an order. {@code reply} is the unit's (or the hotline's direct) answer;
     * {@code phone} is the caller's number for the channel's own checks, never shown.
     */
    record PublicOrder(long id, String number, String title, String content, String channel, String state,
                       String stateLabel, String categoryName, String address, Instant createdAt, Instant closedAt,
                       String reply, String replyUnit, Instant repliedAt, List<PublicStep> steps, String phone,
                       boolean awaitingRating, Long categoryId) {}

    Optional<PublicOrder> byNumber(String number);

    Optional<PublicOrder> byId(long id);

    /** The order by number if {@code viewer} may see it (staff screens of a channel, e.g. typical cases). */
    Optional<PublicOrder> visibleTo(String number, org.openhotline.shared.StaffPrincipal viewer);

    /** The public views of these orders (without steps), in no particular order. */
    List<PublicOrder> byIds(java.util.Collection<Long> ids);

    /** Orders of a phone number, newest first (for the confirmed phone's 办理进度 list). */
    List<PublicOrder> ofPhone(String phone, int limit);

    /**
     * The citizen's verdict on a replied order, as a callback would record it: {@code satisfaction} SATISFIED,
     * BASICALLY_SATISFIED or DISSATISFIED (DISSATISFIED reopens it to the unit exactly as a phone callback does).
     */
    void rate(long orderId, boolean resolved, String satisfaction, String note, String channelLabel);

    /** The citizen says a closed order is not solved: back to callback/dispatch under supervision. */
    void askReopen(long orderId, String reason, String channelLabel);

    record CategoryNode(long id, Long parentId, String name, int level) {}

    /** The enabled appeal categories (诉求分类) for guided choice. */
    List<CategoryNode> categories();
}
