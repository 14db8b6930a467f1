package org.openhotline.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The work orders agents recorded, for work-order quality inspection (工单质检): a plan samples each agent's share of
 * the orders they recorded in a month (工单填写准确率, 一次派单准确率 are scored on them), weighting complaints, orders
 * whose dispatch was returned, dissatisfied callbacks and repeat callers.
 */
public interface OrdersForInspection {

    /**
     * An order as the sampling needs it: who recorded it ({@code createdBy}, a username), the caller's number (repeat
     * callers), whether a dispatch of it was returned (approved return) and whether a callback was dissatisfied.
     */
    record RecordedOrder(long id, String number, String callId, String appealType, String title, String createdBy,
                         Instant createdAt, String callerPhone, boolean returned, boolean dissatisfied) {}

    /** Orders created in [{@code from}, {@code to}), not merged into another, in creation order. */
    List<RecordedOrder> recordedBetween(Instant from, Instant to);

    /** One order for the workbench (its detail and timeline come from the work-order API). */
    Optional<OrdersOfCalls.CallOrder> byId(long id);
}
