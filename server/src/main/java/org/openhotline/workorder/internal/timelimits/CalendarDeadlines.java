package org.openhotline.workorder.internal.timelimits;

import java.time.Instant;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.LimitStage;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.springframework.stereotype.Component;

/** Deadlines from the calendar's policies for the order's appeal type, urgency and category. */
@Component
class CalendarDeadlines implements OrderDeadlines {

    private final BusinessCalendar calendar;

    CalendarDeadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Deadline dispatch(WorkOrder o, Instant from) {
        return of(LimitStage.DISPATCH, o, from);
    }

    @Override
    public Deadline sign(WorkOrder o, Instant from) {
        return of(LimitStage.SIGN, o, from);
    }

    @Override
    public Deadline handle(WorkOrder o, Instant from) {
        return of(LimitStage.HANDLE, o, from);
    }

    @Override
    public Deadline callback(WorkOrder o, Instant from) {
        return of(LimitStage.CALLBACK, o, from);
    }

    @Override
    public Deadline extended(Instant start, Instant due, TimeLimit extra) {
        return calendar.between(start, calendar.extend(due, extra), extra.unit(), extra.yellowPercent());
    }

    @Override
    public Deadline handleBetween(WorkOrder o, Instant start, Instant due) {
        TimeLimit limit = calendar.limitFor(LimitStage.HANDLE, o.appealType().name(), o.urgency().name(), o.categoryPath());
        return calendar.between(start, due, limit.unit(), limit.yellowPercent());
    }

    private Deadline of(LimitStage stage, WorkOrder o, Instant from) {
        TimeLimit limit = calendar.limitFor(stage, o.appealType().name(), o.urgency().name(), o.categoryPath());
        return calendar.deadline(from, limit);
    }
}
