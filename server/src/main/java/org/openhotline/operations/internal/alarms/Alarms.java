package org.openhotline.operations.internal.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored alarms: the open ones per rule and subject, the history with filters, acknowledgements and closing. */
@Component
public class Alarms {

    private final JdbcClient jdbc;

    Alarms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises an alarm unless one is open for the rule and subject (the unique index decides under a race). */
    Optional<Alarm> raise(AlarmRule rule, String subject, double value, Instant now) {
        return jdbc.sql("""
                insert into ops_alarm (rule_id, metric, subject, name, severity, value, threshold, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule_id, subject) where cleared_at is null do nothing
                returning id""")
                .params(rule.id(), rule.metric(), subject, rule.name(), rule.severity().name(), value, rule.threshold(),
                        Timestamp.from(now))
                .query(Long.class).optional().map(this::find);
    }

    /** Clears the open alarm of the rule and subject, if there is one. */
    Optional<Alarm> clear(long ruleId, String subject, Instant now) {
        return jdbc.sql("""
                update ops_alarm set cleared_at = ?, version = version + 1
                 where rule_id = ? and subject = ? and cleared_at is null returning id""")
                .params(Timestamp.from(now), ruleId, subject).query(Long.class).optional().map(this::find);
    }

    List<Alarm> open() {
        return jdbc.sql("select * from ops_alarm where cleared_at is null order by raised_at desc").query(Alarms::row).list();
    }

    public Alarm find(long id) {
        return jdbc.sql("select * from ops_alarm where id = ?").param(id).query(Alarms::row).optional()
                .orElseThrow(() -> DomainException.notFound("告警不存在"));
    }

    void save(Alarm a, int expectedVersion) {
        int updated = jdbc.sql("""
                update ops_alarm set acked_at = ?, acked_by = ?, ack_note = ?, closed_at = ?, closed_by = ?, close_note = ?,
                       version = version + 1
                 where id = ? and version = ?""")
                .params(ts(a.ackedAt()), a.ackedBy(), a.ackNote(), ts(a.closedAt()), a.closedBy(), a.closeNote(), a.id(),
                        expectedVersion)
                .update();
        if (updated == 0) {
            throw DomainException.conflict("该告警已被他人处理或已变化，请刷新后重试");
        }
    }

    public record Filter(String state, String severity, Instant from, Instant to) {}

    public PageResult<Alarm> page(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.state() != null && !f.state().isBlank()) {
            where.append(switch (f.state()) {
                case "ACTIVE" -> " and cleared_at is null and acked_at is null";
                case "ACKED" -> " and cleared_at is null and acked_at is not null";
                case "OPEN" -> " and cleared_at is null";
                case "CLEARED" -> " and cleared_at is not null and closed_at is null";
                case "CLOSED" -> " and closed_at is not null";
                default -> throw DomainException.badRequest("状态只能是 OPEN、ACTIVE、ACKED、CLEARED 或 CLOSED");
            });
        }
        if (f.severity() != null && !f.severity().isBlank()) {
            where.append(" and severity = ?");
            params.add(f.severity());
        }
        if (f.from() != null) {
            where.append(" and raised_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and raised_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        long total = jdbc.sql("select count(*) from ops_alarm" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add(PageResult.offset(page, size));
        List<Alarm> items = jdbc.sql("select * from ops_alarm" + where + " order by raised_at desc, id desc limit ? offset ?")
                .params(pageParams).query(Alarms::row).list();
        return new PageResult<>(items, total, page, size);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Alarm row(ResultSet rs, int n) throws SQLException {
        return new Alarm(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("metric"), rs.getString("subject"),
                rs.getString("name"), Severity.valueOf(rs.getString("severity")), rs.getDouble("value"),
                rs.getDouble("threshold"), at(rs, "raised_at"), at(rs, "cleared_at"), at(rs, "acked_at"),
                rs.getString("acked_by"), rs.getString("ack_note"), at(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("close_note"), rs.getInt("version"));
    }
}
