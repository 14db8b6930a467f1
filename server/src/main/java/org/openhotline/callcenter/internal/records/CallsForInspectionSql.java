package org.openhotline.callcenter.internal.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openhotline.callcenter.CallsForInspection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/** {@link CallsForInspection} over {@code cc_call}: one statement per read, the agent's first answer by a subquery. */
@Component
class CallsForInspectionSql implements CallsForInspection {

    /** {@code %s}: the agent's first answer — one grouped scan for a month of calls, a subquery for one call. */
    private static final String SELECT = """
            select c.id, c.agent_id, a.agent_no, c.caller, c.arrived_at, c.answered_at, c.ended_at, c.satisfaction,
                   coalesce(c.transfer_chain, '') <> '' as transferred, c.recording_path is not null as has_recording, %s
              from cc_call c left join cc_agent a on a.account_id = c.agent_id
            """;

    private final JdbcClient jdbc;

    CallsForInspectionSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AnsweredCall> answeredBetween(Instant from, Instant to) {
        return jdbc.sql("""
                with firsts as (select agent_id, min(answered_at) as first_answered from cc_call
                                 where agent_id is not null and answered_at is not null group by agent_id)
                """ + SELECT.formatted("f.first_answered") + """
                  left join firsts f on f.agent_id = c.agent_id
                 where c.arrived_at >= ? and c.arrived_at < ? and c.direction = 'INBOUND'
                   and c.answered_at is not null and c.ended_at is not null and c.agent_id is not null
                 order by c.arrived_at, c.id""")
                .params(Timestamp.from(from), Timestamp.from(to)).query(CallsForInspectionSql::row).list();
    }

    @Override
    public Optional<AnsweredCall> byId(String callId) {
        return jdbc.sql(SELECT.formatted("(select min(f.answered_at) from cc_call f where f.agent_id = c.agent_id)")
                        + " where c.id = ? and c.answered_at is not null and c.agent_id is not null")
                .param(callId).query(CallsForInspectionSql::row).optional();
    }

    private static AnsweredCall row(ResultSet rs, int n) throws SQLException {
        return new AnsweredCall(rs.getString(1), rs.getLong(2), rs.getString(3), PersonalData.open(rs.getString(4)), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), (Integer) rs.getObject(8), rs.getBoolean(9), rs.getBoolean(10),
                instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
