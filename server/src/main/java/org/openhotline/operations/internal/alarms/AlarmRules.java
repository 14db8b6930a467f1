package org.openhotline.operations.internal.alarms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alarm rules: shipped defaults (migration), edited by operators with a version check. */
@Component
public class AlarmRules {

    /** The measures a rule may name: what the probes measure (docs/operations.md lists them). */
    static final Set<String> METRICS = Set.of("db.up", "db.connections.pct", "db.size.mb", "db.replication.lag",
            "disk.free.pct", "trunk.up", "trunk.registered", "phones.registered", "rtp.ports.pct", "events.backlog",
            "events.backlog.age", "exchange.pending", "exchange.pending.age", "exchange.dead", "sms.pending",
            "sms.pending.age", "sms.failed", "cert.days", "backup.age.hours");

    private final JdbcClient jdbc;

    AlarmRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AlarmRule> all() {
        return jdbc.sql("select * from ops_alarm_rule order by metric, id").query(AlarmRules::row).list();
    }

    public List<AlarmRule> enabled() {
        return all().stream().filter(AlarmRule::enabled).toList();
    }

    public record Form(String metric, String name, String comparison, Double threshold, Integer durationSeconds,
                       String severity, boolean enabled, Integer version) {}

    public AlarmRule create(Form f, String by, Instant now) {
        check(f);
        long id = jdbc.sql("""
                insert into ops_alarm_rule (metric, name, comparison, threshold, duration_seconds, severity, enabled,
                                            updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.metric(), f.name().strip(), f.comparison(), f.threshold(), f.durationSeconds(), f.severity(),
                        f.enabled(), Timestamp.from(now), by)
                .query(Long.class).single();
        return find(id);
    }

    public AlarmRule save(long id, Form f, String by, Instant now) {
        find(id);
        check(f);
        if (f.version() == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新后重试");
        }
        int updated = jdbc.sql("""
                update ops_alarm_rule set metric = ?, name = ?, comparison = ?, threshold = ?, duration_seconds = ?,
                       severity = ?, enabled = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ?""")
                .params(f.metric(), f.name().strip(), f.comparison(), f.threshold(), f.durationSeconds(), f.severity(),
                        f.enabled(), Timestamp.from(now), by, id, f.version())
                .update();
        if (updated == 0) {
            throw DomainException.conflict("该告警规则已被他人修改，请刷新后重试");
        }
        // a changed condition starts its duration afresh
        jdbc.sql("delete from ops_breach where rule_id = ?").param(id).update();
        return find(id);
    }

    public AlarmRule find(long id) {
        return jdbc.sql("select * from ops_alarm_rule where id = ?").param(id).query(AlarmRules::row).optional()
                .orElseThrow(() -> DomainException.notFound("告警规则不存在"));
    }

    static void check(Form f) {
        if (f.metric() == null || !METRICS.contains(f.metric())) {
            throw DomainException.invalid("监控指标无效，可选：" + String.join("、", METRICS.stream().sorted().toList()));
        }
        if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 100) {
            throw DomainException.invalid("请填写规则名称（最长 100 个字）");
        }
        if (!"GT".equals(f.comparison()) && !"LT".equals(f.comparison())) {
            throw DomainException.invalid("比较方式只能是 GT（高于阈值告警）或 LT（低于阈值告警）");
        }
        if (f.threshold() == null || f.threshold().isNaN() || f.threshold().isInfinite() || Math.abs(f.threshold()) > 1e12) {
            throw DomainException.invalid("请填写有效的阈值");
        }
        if (f.durationSeconds() == null || f.durationSeconds() < 0 || f.durationSeconds() > 86400) {
            throw DomainException.invalid("持续时间应在 0 到 86400 秒之间");
        }
        if (f.severity() == null || java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(f.severity()))) {
            throw DomainException.invalid("告警级别只能是 CRITICAL（紧急）、MAJOR（重要）或 MINOR（次要）");
        }
    }

    private static AlarmRule row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AlarmRule(rs.getLong("id"), rs.getString("metric"), rs.getString("name"), rs.getString("comparison"),
                rs.getDouble("threshold"), rs.getInt("duration_seconds"), Severity.valueOf(rs.getString("severity")),
                rs.getBoolean("enabled"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
