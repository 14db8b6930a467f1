package org.openhotline.workorder;

import java.time.Instant;
import java.util.Optional;
import org.openhotline.shared.StaffPrincipal;

/**
 * Unit requests (退回, 延期) on orders another platform handed us, as the exchange module carries them across the
 * pipe: the sender decides them, and its decision is applied here as if our dispatcher had decided. Every method
 * joins the caller's transaction (an inbox message is applied and marked applied together).
 */
public interface PipeRequests {

    /** A pending request of an assignment; {@code kind} RETURN or EXTENSION, {@code amount}/{@code unit} for EXTENSION. */
    record Pending(long requestId, long assignmentId, String kind, String reason, Integer amount, String unit,
                   String unitLabel, String unitName, String requestedBy, Instant requestedAt) {}

    /** The pending request of {@code assignmentId} on the order, if there is one. */
    Optional<Pending> pending(long orderId, long assignmentId);

    /**
     * The other platform's decision on a request. An approved extension also moves the platform's own handling due
     * time ({@code wo_external_deadline}) to the new due time, since the platform granted it. Returns false when the
     * request was decided here already (the decision is then only written on the timeline).
     */
    boolean decide(long orderId, long requestId, boolean approve, String note, String by);

    /** Whether {@code who} may see the order (its data scope). */
    boolean visible(long orderId, StaffPrincipal who);
}
