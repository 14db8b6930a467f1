package org.openhotline.callcenter.internal.missed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.openhotline.shared.crypto.PersonalData;

/** Loads and stores callback tasks; a store that lost a race against another change answers 409. */
@Repository
class MissedCallTasks {

    private static final String COLUMNS = """
            id, number, day, first_missed_at, version, status, claimed_by, claimed_at, failed_tries, first_attempt_at,
            closed_at, closed_by""";

    private final JdbcClient jdbc;

    MissedCallTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MissedCallTask> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from cc_missed_task where id = ?").param(id).query(MissedCallTasks::task).optional();
    }

    MissedCallTask get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("回拨任务不存在"));
    }

    /** Serialises everything done to one number's tasks (misses, answers, callbacks arrive on different threads). */
    void lockNumber(String number) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('cc_missed_task:' || ?))").param(PersonalData.normalPhone(number)).query().listOfRows();
    }

    Optional<MissedCallTask> ofDay(String number, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from cc_missed_task where number_index = ? and day = ?")
                .params(PersonalData.phoneIndex(number), day)
                .query(MissedCallTasks::task).optional();
    }

    /** Open tasks of the number whose last miss came before {@code at}, on {@code day} only when it is given. */
    java.util.List<MissedCallTask> openBefore(String number, Instant at, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " " + """
                from cc_missed_task where number_index = ? and status = 'OPEN' and last_missed_at < ?
                  and (cast(? as date) is null or day = cast(? as date))""")
                .params(PersonalData.phoneIndex(number), Timestamp.from(at), day, day).query(MissedCallTasks::task).list();
    }

    long open(String number, LocalDate day, Instant at) {
        return jdbc.sql("""
                insert into cc_missed_task (number, number_index, day, first_missed_at, last_missed_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(PersonalData.seal(number), PersonalData.phoneIndex(number), day, Timestamp.from(at), Timestamp.from(at)).query(Long.class).single();
    }

    /** One more miss on a task; a closed task reopens when the miss came after it closed. */
    boolean missedAgain(MissedCallTask task, Instant at) {
        boolean reopen = task.status.closed() && task.closedAt != null && at.isAfter(task.closedAt);
        jdbc.sql("""
                update cc_missed_task set missed_count = missed_count + 1, last_missed_at = greatest(last_missed_at, ?),
                       status = case when ? then 'OPEN' else status end,
                       failed_tries = case when ? then 0 else failed_tries end,
                       closed_at = case when ? then null else closed_at end,
                       closed_by = case when ? then null else closed_by end,
                       closed_call_id = case when ? then null else closed_call_id end,
                       version = version + 1
                 where id = ?""").params(Timestamp.from(at), reopen, reopen, reopen, reopen, reopen, task.id).update();
        return reopen;
    }

    void save(MissedCallTask task, String closedCallId) {
        int rows = jdbc.sql("""
                update cc_missed_task set status = ?, claimed_by = ?, claimed_at = ?, failed_tries = ?, first_attempt_at = ?,
                       closed_at = ?, closed_by = ?, closed_call_id = coalesce(?, closed_call_id), version = version + 1
                 where id = ? and version = ?""")
                .params(task.status.name(), task.claimedBy, ts(task.claimedAt), task.failedTries, ts(task.firstAttemptAt),
                        ts(task.closedAt), task.closedBy, closedCallId, task.id, task.version).update();
        if (rows == 0) {
            throw DomainException.conflict("回拨任务已被他人处理，请刷新后重试");
        }
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static MissedCallTask task(ResultSet rs, int n) throws SQLException {
        return new MissedCallTask(rs.getLong("id"), PersonalData.open(rs.getString("number")), rs.getObject("day", LocalDate.class),
                instant(rs, "first_missed_at"), rs.getInt("version"), MissedCallTask.Status.valueOf(rs.getString("status")),
                rs.getObject("claimed_by", Long.class), instant(rs, "claimed_at"), rs.getInt("failed_tries"),
                instant(rs, "first_attempt_at"), instant(rs, "closed_at"), rs.getObject("closed_by", Long.class));
    }
}
