package org.openhotline.workorder.internal.timelimits;

import java.time.Instant;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.LimitStage;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.workorder.internal.exchange.ExternalDeadlines;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.springframework.stereotype.Component;

/** Deadlines from the calendar's policies for the order's appeal type, urgency and category. */
@Component
class CalendarDeadlines implements OrderDeadlines {

    private final BusinessCalendar calendar;
    private final ExternalDeadlines external;

    CalendarDeadlines(BusinessCalendar calendar, ExternalDeadlines external) {
        this.calendar = calendar;
        this.external = external;
    }

    @Override
    public Deadline dispatch(WorkOrder o, Instant from) {
        return of(LimitStage.DISPATCH, o, from);
    }

    @Override
    public Deadline sign(WorkOrder o, Instant from) {
        return within(of(LimitStage.SIGN, o, from), o, from, ExternalDeadlines.Due::signDueAt);
    }

    @Override
    public Deadline handle(WorkOrder o, Instant from) {
        return within(of(LimitStage.HANDLE, o, from), o, from, ExternalDeadlines.Due::handleDueAt);
    }

    /** An order another platform handed us keeps within that platform's due time (省交办件). */
    private Deadline within(Deadline own, WorkOrder o, Instant from,
                            java.util.function.Function<ExternalDeadlines.Due, Instant> which) {
        Instant theirs = external.of(o.id()).map(which).orElse(null);
        if (theirs == null || !theirs.isBefore(own.dueAt()) || !theirs.isAfter(from)) {
            return own;
        }
        return Deadline.between(from, theirs, TimeLimit.DEFAULT_YELLOW_PERCENT);
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
