package org.openhotline.workorder.internal.model;

import java.time.Instant;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.TimeLimit;

/** The deadlines an order's steps start, from the time-limit policies and the business calendar. */
public interface OrderDeadlines {

    Deadline dispatch(WorkOrder order, Instant from);

    Deadline sign(WorkOrder order, Instant from);

    Deadline handle(WorkOrder order, Instant from);

    Deadline callback(WorkOrder order, Instant from);

    Deadline extended(Instant start, Instant due, TimeLimit extra);

    /**
     * A handling deadline already set (an assignment handled again until its old due time): its yellow moment
     * counted the way the order's handling limit is (working time for working days).
     */
    default Deadline handleBetween(WorkOrder order, Instant start, Instant due) {
        return Deadline.between(start, due, TimeLimit.DEFAULT_YELLOW_PERCENT);
    }
}
