package org.openhotline.workforce.internal.adherence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.AgentStateRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps wf_state_interval: one row per state an agent entered; the interval ends where the agent's next one starts. */
@Component
class StateIntervals {

    record Interval(AgentState state, String reason, Instant from, Instant to) {}

    private final JdbcClient jdbc;

    StateIntervals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AgentStateRecorded event) {
        jdbc.sql("""
                insert into wf_state_interval (account_id, started_at, state, reason) values (?, ?, ?, ?)
                on conflict (account_id, started_at) do nothing""")
                .params(event.accountId(), Timestamp.from(event.at()), event.state().name(),
                        event.reason() == null ? null : event.reason().substring(0, Math.min(100, event.reason().length())))
                .update();
    }

    /**
     * Each agent's intervals overlapping [from, to), the last one cut at {@code to}; the state an agent was in at
     * {@code from} (entered before) is included from {@code from} on.
     */
    Map<Long, List<Interval>> between(Instant from, Instant to) {
        record Row(long accountId, Instant startedAt, String state, String reason) {}
        List<Row> rows = jdbc.sql("""
                select account_id, started_at, state, reason from wf_state_interval
                 where started_at >= ? and started_at < ?
                union all
                (select distinct on (account_id) account_id, started_at, state, reason from wf_state_interval
                  where started_at < ? and started_at > ? order by account_id, started_at desc)""")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from),
                        Timestamp.from(from.minus(java.time.Duration.ofDays(2))))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
        Map<Long, List<Row>> byAgent = new HashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(Row::accountId).thenComparing(Row::startedAt))
                .forEach(r -> byAgent.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
        Map<Long, List<Interval>> result = new HashMap<>();
        byAgent.forEach((agent, list) -> {
            List<Interval> intervals = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Row r = list.get(i);
                Instant start = r.startedAt().isBefore(from) ? from : r.startedAt();
                Instant end = i + 1 < list.size() ? list.get(i + 1).startedAt() : to;
                if (end.isAfter(start)) {
                    intervals.add(new Interval(AgentState.valueOf(r.state()), r.reason(), start, end));
                }
            }
            result.put(agent, intervals);
        });
        return result;
    }
}
