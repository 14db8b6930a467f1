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
}
