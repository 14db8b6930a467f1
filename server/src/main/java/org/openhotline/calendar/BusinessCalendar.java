package org.openhotline.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.openhotline.calendar.internal.CalendarDays;
import org.openhotline.calendar.internal.TimeLimitPolicies;
import org.openhotline.calendar.internal.Timers;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of the calendar: the time limit that applies, the deadline it gives, and timers that
 * turn the light yellow and red. Subjects are (type, id) pairs owned by the caller, e.g. ("wo.handle", 42).
 */
@Service
public class BusinessCalendar {

    private final CalendarDays days;
    private final TimeLimitPolicies policies;
    private final Timers timers;
    private final Clock clock;

    BusinessCalendar(CalendarDays days, TimeLimitPolicies policies, Timers timers, Clock clock) {
        this.days = days;
        this.policies = policies;
        this.timers = timers;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.workingTime().isWorkingDay(day);
    }

    /** The policy for a stage; {@code categoryPath} lists the order's category and its ancestors. */
    public TimeLimit limitFor(LimitStage stage, String appealType, String urgency, Collection<Long> categoryPath) {
        return policies.applicable(stage, appealType, urgency, categoryPath)
                .map(p -> new TimeLimit(p.amount(), p.unit(), p.yellowPercent()))
                .orElseGet(() -> TimeLimit.of(24, LimitUnit.HOURS));
    }

    public Instant dueAt(Instant start, TimeLimit limit) {
        return days.workingTime().deadline(start, limit);
    }

    /**
     * The deadline of a limit from {@code start}. A limit in working days or working hours turns yellow at its share
     * of the working time allowed (a holiday inside it does not count); minutes, hours and natural days at the
     * share of calendar time.
     */
    public Deadline deadline(Instant start, TimeLimit limit) {
        return between(start, dueAt(start, limit), limit.unit(), limit.yellowPercent());
    }

    /** A deadline already known (reopened, extended): the yellow moment by the way its limit is counted. */
    public Deadline between(Instant start, Instant dueAt, LimitUnit unit, int yellowPercent) {
        if (!unit.working()) {
            return Deadline.between(start, dueAt, yellowPercent);
        }
        return new Deadline(start, days.workingTime().yellowAt(start, dueAt, yellowPercent), dueAt);
    }

    /** An approved extension: the new due moment, counted on from the old one. */
    public Instant extend(Instant dueAt, TimeLimit extra) {
        return dueAt(dueAt, extra);
    }

    /** Makes the subject's timers match {@code deadline}; the same deadline again changes nothing. */
    public void schedule(String subjectType, long subjectId, Deadline deadline) {
        timers.ensure(subjectType, subjectId, deadline);
    }

    /** The timers of a subject created in this transaction, which has none yet (saves the lookup). */
    public void scheduleNew(String subjectType, long subjectId, Deadline deadline) {
        timers.insert(subjectType, subjectId, deadline);
    }

    public void cancel(String subjectType, long subjectId) {
        timers.cancel(subjectType, subjectId);
    }

    /** Fires what is due at {@code now}; the sweep calls it with the clock, tests with a moved instant. */
    public int fireDueTimers(Instant now) {
        return timers.fireDue(now);
    }

    /** Fires only the given timers that are due at {@code now} (a test moving time for its own subjects). */
    public int fireDueTimers(Instant now, java.util.Collection<Long> timerIds) {
        return timers.fireDueOnly(now, timerIds);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The hotline's time zone: dates of deadlines and order numbers are local dates there. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
