package org.openhotline.workorder;

import java.time.Instant;
import java.util.List;
import org.openhotline.shared.StaffPrincipal;

/**
 * The work orders of one caller, for other modules (the call center's caller view shows them when the caller
 * rings, so that a repeat call can be recorded as an urge of an open order instead of a new one).
 */
public interface CallerOrders {

    /** A caller's order as another module may show it; {@code open} orders may still be urged. */
    record CallerOrder(long id, String number, String title, String state, String stateLabel, boolean open,
                       Instant createdAt, int urgeCount, String callId, int version) {}

    /** The caller's most recent orders (newest first, at most {@code limit}) within the viewer's data scope. */
    List<CallerOrder> ofCaller(String phone, StaffPrincipal viewer, int limit);

    /** Open orders the caller's agents must still act on: drafts and orders sent back to the hotline. */
    record OrderToHandle(long id, String number, String title, String state, String stateLabel, Instant createdAt,
                         Instant dueAt) {}

    /** A page of the orders waiting for {@code viewer} at the hotline (pending review or dispatch that it took in). */
    List<OrderToHandle> toHandle(StaffPrincipal viewer, int page, int size);

    long countToHandle(StaffPrincipal viewer);
}
