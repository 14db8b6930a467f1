package org.openhotline.callcenter.internal.history;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openhotline.shared.CopyRows;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

/** The call center's part of the demo year: simulated calls and agent states, copied into its own tables. */
@Component
class CallHistory implements DemoHistory {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CallHistory(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public long seedHistory(HistoryPlan plan) {
        boolean present = jdbc.sql("select exists(select 1 from cc_call where arrived_at >= ? and arrived_at < ?)")
                .params(Timestamp.from(plan.start()), Timestamp.from(plan.end())).query(Boolean.class).single();
        Map<String, Long> groups = new HashMap<>();
        jdbc.sql("select code, id from cc_skill_group").query(rs -> {
            groups.put(rs.getString(1), rs.getLong(2));
        });
        // The agents who take inbound calls: those with a skill in one of the inbound groups.
        List<Long> inbound = List.copyOf(groups.entrySet().stream()
                .filter(e -> CallSimulation.GROUP_SHARE.containsKey(e.getKey())).map(Map.Entry::getValue).toList());
        Map<Long, List<Long>> skills = new HashMap<>();
        jdbc.sql("select s.account_id, s.group_id from cc_agent_skill s join cc_agent a on a.account_id = s.account_id where a.enabled order by 1, 2")
                .query(rs -> {
                    if (inbound.contains(rs.getLong(2))) {
                        skills.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
                    }
                });
        if (present || skills.isEmpty()) {
            return 0;
        }
        long[] agents = skills.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Long, long[]> skillArrays = new HashMap<>();
        skills.forEach((a, g) -> skillArrays.put(a, g.stream().mapToLong(Long::longValue).toArray()));
        var simulation = new CallSimulation(agents, skillArrays, groups, plan.seed());
        simulation.run(plan);

        CopyRows calls = new CopyRows();
        for (CallSimulation.Call c : simulation.calls) {
            calls.row(c.id(), PersonalData.seal(c.caller()), PersonalData.phoneIndex(c.caller()), "12345", "demo", "INBOUND", c.arrived(), c.ivrExit(),
                    c.queued() == null ? "hangup" : "queue", c.queued(), c.queued() == null ? null : c.group(),
                    c.offered(), c.answered(), c.ended(), c.endCause(), c.abandonPoint(), c.agent(), c.satisfaction());
        }
        long rows = calls.into(dataSource, "cc_call", """
                id, caller, caller_index, called, trunk, direction, arrived_at, ivr_exit_at, ivr_result, queued_at, group_id, offered_at,
                answered_at, ended_at, end_cause, abandon_point, agent_id, satisfaction""");
        CopyRows states = new CopyRows();
        for (CallSimulation.State s : simulation.states) {
            states.row(s.agent(), s.state(), "system", s.started(), s.ended());
        }
        return rows + states.into(dataSource, "cc_agent_state_log", "account_id, state, by_actor, started_at, ended_at");
    }
}
