package org.openhotline.quality.internal.machine;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.machine.rules.Finding;
import org.openhotline.quality.internal.machine.rules.RulePrecisions;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The flags machine rules raised on calls and the inspectors' decisions on them. Analysing a call again replaces
 * its undecided flags of the re-run rules; a flag an inspector already decided stays, and a new finding of the
 * same rule over the same moment is not added beside it, so a re-run never asks the same question twice.
 */
@Repository
public class MachineFlags implements RulePrecisions {

    private final JdbcClient jdbc;
    private final Clock clock;

    MachineFlags(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A flag as the workbench and the API show it. */
    public record Flag(long id, String callId, String ruleCode, String ruleName, String kind, String severity,
                       long startMs, long endMs, String detail, OffsetDateTime createdAt, String decision,
                       String decidedBy, OffsetDateTime decidedAt, String note, int version) {}

    private static final String SELECT = """
            select f.id, f.call_id, f.rule_code, r.name as rule_name, r.kind, f.severity, f.start_ms, f.end_ms, f.detail,
                   f.created_at, f.decision, f.decided_by, f.decided_at, f.note, f.version
              from qc_machine_flag f join qc_machine_rule r on r.code = f.rule_code""";

    /** Replaces the call's undecided flags of {@code kinds} with {@code findings} (call inside a transaction). */
    void replace(String callId, Collection<String> kinds, List<Finding> findings) {
        jdbc.sql("""
                delete from qc_machine_flag f using qc_machine_rule r
                 where r.code = f.rule_code and f.call_id = :call and f.decision is null and r.kind in (:kinds)""")
                .param("call", callId).param("kinds", List.copyOf(kinds)).update();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Finding f : findings) {
            jdbc.sql("""
                    insert into qc_machine_flag (call_id, rule_code, severity, start_ms, end_ms, detail, created_at)
                    select ?, ?, ?, ?, ?, ?, ?
                     where not exists (select 1 from qc_machine_flag d
                                        where d.call_id = ? and d.rule_code = ? and d.decision is not null
                                          and d.start_ms <= ? and d.end_ms >= ?)""")
                    .params(callId, f.rule(), f.severity(), f.startMs(), f.endMs(), cut(f.detail(), 300), now,
                            callId, f.rule(), f.endMs(), f.startMs())
                    .update();
        }
    }

    public List<Flag> ofCall(String callId) {
        return jdbc.sql(SELECT + " where f.call_id = ? order by f.start_ms, f.id").param(callId).query(Flag.class).list();
    }

    /** Flags for the inspectors' list, newest first; {@code open} only undecided ones, optionally of one rule. */
    public List<Flag> recent(boolean open, String rule, int limit) {
        return jdbc.sql(SELECT + " " + """
                 where (not ? or f.decision is null) and (cast(? as varchar) is null or f.rule_code = ?)
                 order by f.created_at desc, f.id desc limit ?""")
                .params(open, rule, rule, limit).query(Flag.class).list();
    }

    public Flag decide(long id, String decision, String note, int version, String by) {
        int rows = jdbc.sql("""
                update qc_machine_flag set decision = ?, note = ?, decided_by = ?, decided_at = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(decision, note, by, OffsetDateTime.now(clock), id, version).update();
        if (rows == 0) {
            boolean exists = jdbc.sql("select count(*) from qc_machine_flag where id = ?").param(id)
                    .query(Integer.class).single() > 0;
            throw exists ? DomainException.conflict("该标记已被他人处理，请刷新后重试")
                    : DomainException.notFound("没有这个机检标记");
        }
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(Flag.class).single();
    }

    /** Per rule: flags raised, confirmed and dismissed; precision is confirmed / decided. */
    @Override
    public Map<String, Precision> byRule() {
        Map<String, Precision> out = new HashMap<>();
        jdbc.sql("""
                select rule_code, count(*), count(*) filter (where decision = 'CONFIRMED'),
                       count(*) filter (where decision = 'DISMISSED')
                  from qc_machine_flag group by rule_code""")
                .query(rs -> {
                    long confirmed = rs.getLong(3), dismissed = rs.getLong(4);
                    Double p = confirmed + dismissed == 0 ? null : confirmed / (double) (confirmed + dismissed);
                    out.put(rs.getString(1), new Precision(rs.getLong(2), confirmed, dismissed, p));
                });
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
