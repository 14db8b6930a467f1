package org.openhotline.operations.internal.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.operations.internal.alarms.AlarmRule;
import org.openhotline.operations.internal.alarms.AlarmRules;
import org.openhotline.operations.internal.health.Health;
import org.openhotline.operations.internal.health.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the inspection (巡检): every measure of every part held against the enabled alarm rules (the same standard
 * the alarms use, so the report and the console never disagree), and the alarms of the period.
 */
@Component
class Inspection {

    private final Health health;
    private final AlarmRules rules;
    private final JdbcClient jdbc;

    Inspection(Health health, AlarmRules rules, JdbcClient jdbc) {
        this.health = health;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    List<Check> run() {
        Health.Reading reading = health.read();
        List<AlarmRule> enabled = rules.enabled();
        List<Check> checks = new ArrayList<>();
        for (Measure m : reading.measures()) {
            List<AlarmRule> applicable = enabled.stream().filter(r -> r.metric().equals(m.metric())).toList();
            String standard = applicable.isEmpty() ? "记录" : String.join("；", applicable.stream()
                    .map(r -> ("GT".equals(r.comparison()) ? "不高于 " : "不低于 ") + fmt(r.threshold()) + " " + m.unit()).toList());
            String item = m.label() + (m.subject().isEmpty() || m.label().contains(m.subject()) ? "" : "（" + m.subject() + "）");
            if (m.value() == null) {
                checks.add(new Check(m.part(), item, standard, m.detail() == null ? "无法检测" : m.detail(), Check.Result.UNKNOWN));
                continue;
            }
            boolean breached = applicable.stream().anyMatch(r -> r.breachedBy(m.value()));
            String found = fmt(m.value()) + " " + m.unit() + (m.detail() == null ? "" : "（" + m.detail() + "）");
            checks.add(new Check(m.part(), item, standard, found, breached ? Check.Result.FAIL : Check.Result.PASS));
        }
        return checks;
    }

    record AlarmLine(String name, String subject, String severity, Instant raisedAt, Instant clearedAt, String state) {}

    List<AlarmLine> alarms(Instant from, Instant to) {
        return jdbc.sql("""
                select name, subject, severity, raised_at, cleared_at,
                       case when closed_at is not null then '已关闭' when cleared_at is not null then '已恢复'
                            when acked_at is not null then '已确认' else '告警中' end as state
                  from ops_alarm where raised_at < ? and (cleared_at is null or cleared_at >= ?) order by raised_at""")
                .params(Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new AlarmLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
