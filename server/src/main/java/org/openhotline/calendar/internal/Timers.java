package org.openhotline.calendar.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.openhotline.calendar.Deadline;
import org.openhotline.calendar.TimerFired;
import org.openhotline.calendar.TimersFired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code calendar_timer}: scheduling is idempotent per subject and deadline (scheduling the same deadline
 * again keeps the rows, fired or not, so a light never fires twice); firing takes due rows with
 * {@code FOR UPDATE SKIP LOCKED} in batches, marks them and publishes one {@link TimersFired} per batch in the same
 * transaction.
 */
@Repository
public class Timers {

    private static final Logger log = LoggerFactory.getLogger(Timers.class);
    /** Timers per transaction: large enough that a million due moments cost a few hundred commits. */
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    Timers(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
    }

    public void ensure(String subjectType, long subjectId, Deadline deadline) {
        boolean same = jdbc.sql("""
                select exists(select 1 from calendar_timer
                               where subject_type = ? and subject_id = ? and deadline_at = ? and light = 'RED')""")
                .params(subjectType, subjectId, ts(deadline.dueAt())).query(Boolean.class).single();
        if (same) {
            return;
        }
        cancel(subjectType, subjectId);
        insert(subjectType, subjectId, deadline);
    }

    public void insert(String subjectType, long subjectId, Deadline deadline) {
        jdbc.sql("""
                insert into calendar_timer (subject_type, subject_id, light, due_at, deadline_at)
                values (:type, :id, 'YELLOW', :yellow, :due), (:type, :id, 'RED', :due, :due)""")
                .param("type", subjectType).param("id", subjectId)
                .param("yellow", ts(deadline.yellowAt())).param("due", ts(deadline.dueAt()))
                .update();
    }

    /** Drops the subject's timers that have not fired; fired ones stay as history. */
    public void cancel(String subjectType, long subjectId) {
        jdbc.sql("delete from calendar_timer where subject_type = ? and subject_id = ? and fired_at is null")
                .params(subjectType, subjectId).update();
    }

    public long pending() {
        return jdbc.sql("select count(*) from calendar_timer where fired_at is null").query(Long.class).single();
    }

    /** Fires every timer due at {@code now}; returns how many fired. */
    public int fireDue(Instant now) {
        return fireDue(() -> now);
    }

    /**
     * Fires every timer due, batch after batch, each batch at the instant {@code clock} gives when it starts: a
     * sweep through a backlog of a million stamps each flip with the time it really happened and also takes the
     * moments that come while it runs.
     */
    public int fireDue(java.util.function.Supplier<Instant> clock) {
        int total = 0;
        while (true) {
            Instant now = clock.get();
            Integer fired;
            try {
                fired = tx.execute(status -> fireBatch(now, BATCH));
            } catch (RuntimeException e) {
                // One bad subject must not hold back the others: retry one by one, leaving failures for next time.
                log.warn("Timer batch failed, firing one by one: {}", e.toString());
                fired = fireOneByOne(now);
                total += fired;
                return total;
            }
            total += fired;
            if (fired < BATCH) {
                return total;
            }
        }
    }

    private int fireOneByOne(Instant now) {
        int fired = 0;
        for (int i = 0; i < BATCH; i++) {
            try {
                Integer one = tx.execute(status -> fireBatch(now, 1));
                if (one == null || one == 0) {
                    break;
                }
                fired += one;
            } catch (RuntimeException e) {
                log.error("Timer could not fire; it stays pending", e);
                break;
            }
        }
        return fired;
    }

    /**
     * Marks up to {@code limit} due timers fired in one statement (the row locks of {@code SKIP LOCKED} keep other
     * instances' sweeps off them) and publishes them as one batch in the same transaction.
     */
    private int fireBatch(Instant now, int limit) {
        return fireBatch(now, limit, null);
    }

    /**
     * Fires the given timers that are due at {@code now}, and no others: a test that moves time for its own order
     * must not fire the timers of other tests' orders.
     */
    public int fireDueOnly(Instant now, java.util.Collection<Long> timerIds) {
        if (timerIds.isEmpty()) {
            return 0;
        }
        Long[] ids = timerIds.toArray(Long[]::new);
        Integer fired = tx.execute(status -> fireBatch(now, ids.length, ids));
        return fired == null ? 0 : fired;
    }

    private int fireBatch(Instant now, int limit, Long[] only) {
        List<TimerFired> due = new java.util.ArrayList<>(jdbc.sql("""
                update calendar_timer t set fired_at = :now
                  from (select id from calendar_timer where fired_at is null and due_at <= :now
                           and (cast(:only as bigint[]) is null or id = any(cast(:only as bigint[])))
                         order by due_at limit :limit for update skip locked) d
                 where t.id = d.id
                returning t.id, t.subject_type, t.subject_id, t.light, t.due_at, t.deadline_at""")
                .param("now", ts(now)).param("limit", limit).param("only", only)
                .query((rs, n) -> new TimerFired(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
                        rs.getString("light"), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("deadline_at").toInstant(), now))
                .list());
        if (due.isEmpty()) {
            return 0;
        }
        due.sort(java.util.Comparator.comparing(TimerFired::dueAt).thenComparingLong(TimerFired::timerId));
        events.publishEvent(new TimersFired(due));
        return due.size();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
