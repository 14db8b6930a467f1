package org.openhotline.quality.internal.machine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Machine inspection as the manual half reads it ({@link org.openhotline.quality.MachineFlags}): the workbench's
 * flagged moments in seconds, and the calls a sampling plan may draw as "machine-flagged". A flag an inspector
 * dismissed no longer makes a call flagged.
 */
@Component
class MachineFlagsForInspectors implements org.openhotline.quality.MachineFlags {

    private final MachineFlags flags;
    private final JdbcClient jdbc;

    MachineFlagsForInspectors(MachineFlags flags, JdbcClient jdbc) {
        this.flags = flags;
        this.jdbc = jdbc;
    }

    @Override
    public List<Flag> ofCall(String callId) {
        return flags.ofCall(callId).stream()
                .map(f -> new Flag(f.callId(), f.ruleCode(), f.ruleName(), f.startMs() / 1000.0, f.endMs() / 1000.0,
                        f.severity()))
                .toList();
    }

    /**
     * Calls flagged since {@code from}: a flag is raised after its call ended (and again on a re-run), so the set may
     * hold calls answered after {@code to} as well; the plan only draws from the calls it answered in its month.
     */
    @Override
    public Set<String> flaggedBetween(Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("""
                select distinct call_id from qc_machine_flag
                 where created_at >= ? and (decision is null or decision = 'CONFIRMED')""")
                .param(Timestamp.from(from)).query(String.class).list());
    }
}
