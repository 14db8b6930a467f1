package org.openhotline.operations.internal.alarms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.operations.internal.health.Health;
import org.openhotline.operations.internal.health.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges a reading against the enabled rules: a rule's condition that has held on a subject for the rule's
 * duration raises an alarm (one open alarm per rule and subject); a measure back within bounds clears it. When a
 * condition started is kept in {@code ops_breach}, so a restart does not restart the duration. A measure that cannot
 * be read (null) neither raises nor clears; switching a rule off clears its open alarms.
 */
@Component
public class AlarmEvaluator {

    private final AlarmRules rules;
    private final Alarms alarms;
    private final AlarmNotifier notifier;
    private final JdbcClient jdbc;

    AlarmEvaluator(AlarmRules rules, Alarms alarms, AlarmNotifier notifier, JdbcClient jdbc) {
        this.rules = rules;
        this.alarms = alarms;
        this.notifier = notifier;
        this.jdbc = jdbc;
    }

    public record Outcome(List<Alarm> raised, List<Alarm> cleared) {}

    public synchronized Outcome evaluate(Health.Reading reading) {
        Instant now = reading.at();
        List<Alarm> raised = new ArrayList<>();
        List<Alarm> cleared = new ArrayList<>();
        for (AlarmRule rule : rules.enabled()) {
            for (Measure m : reading.measures()) {
                if (!m.metric().equals(rule.metric()) || m.value() == null) {
                    continue;
                }
                if (rule.breachedBy(m.value())) {
                    Instant since = breachSince(rule.id(), m.subject(), now);
                    if (!since.plus(Duration.ofSeconds(rule.durationSeconds())).isAfter(now)) {
                        alarms.raise(rule, m.subject(), m.value(), now).ifPresent(raised::add);
                    }
                } else {
                    jdbc.sql("delete from ops_breach where rule_id = ? and subject = ?").params(rule.id(), m.subject()).update();
                    alarms.clear(rule.id(), m.subject(), now).ifPresent(cleared::add);
                }
            }
        }
        // a rule switched off ends its open alarms (nobody judges them any more)
        var enabledIds = rules.enabled().stream().map(AlarmRule::id).collect(java.util.stream.Collectors.toSet());
        for (Alarm open : alarms.open()) {
            if (!enabledIds.contains(open.ruleId())) {
                alarms.clear(open.ruleId(), open.subject(), now).ifPresent(cleared::add);
            }
        }
        raised.forEach(a -> notifier.send(a, AlarmNotifier.Event.RAISED));
        cleared.forEach(a -> notifier.send(a, AlarmNotifier.Event.CLEARED));
        return new Outcome(raised, cleared);
    }

    private Instant breachSince(long ruleId, String subject, Instant now) {
        jdbc.sql("insert into ops_breach (rule_id, subject, since) values (?, ?, ?) on conflict do nothing")
                .params(ruleId, subject, Timestamp.from(now)).update();
        return jdbc.sql("select since from ops_breach where rule_id = ? and subject = ?").params(ruleId, subject)
                .query(Timestamp.class).single().toInstant();
    }
}
