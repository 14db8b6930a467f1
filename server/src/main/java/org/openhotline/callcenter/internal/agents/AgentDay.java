package org.openhotline.callcenter.internal.agents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An agent's performance today (坐席首页): calls answered, average talk and after-call time, satisfaction. */
@Repository
class AgentDay {

    record Today(long answered, long outbound, Double averageTalkSeconds, Double averageAfterCallSeconds,
                 long surveyed, Double satisfiedRate, long notReadySeconds) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AgentDay(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Today of(long accountId) {
        OffsetDateTime start = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                with calls as (
                    select * from cc_call where agent_id = :agent and arrived_at >= :start and answered_at is not null),
                states as (
                    select state, extract(epoch from coalesce(ended_at, :now) - started_at) as seconds
                      from cc_agent_state_log where account_id = :agent and started_at >= :start)
                select (select count(*) from calls where direction = 'INBOUND'),
                       (select count(*) from calls where direction = 'OUTBOUND'),
                       (select avg(extract(epoch from ended_at - answered_at))::float8 from calls where ended_at is not null),
                       (select avg(seconds)::float8 from states where state = 'AFTER_CALL_WORK'),
                       (select count(*) from calls where satisfaction is not null),
                       (select avg(case when satisfaction in (1, 2) then 1.0 else 0.0 end)::float8 from calls where satisfaction is not null),
                       coalesce((select sum(seconds) from states where state in ('NOT_READY', 'BREAK')), 0)::bigint""")
                .param("agent", accountId).param("start", start).param("now", now)
                .query((rs, n) -> new Today(rs.getLong(1), rs.getLong(2), (Double) rs.getObject(3, Double.class),
                        rs.getObject(4, Double.class), rs.getLong(5), rs.getObject(6, Double.class), rs.getLong(7)))
                .single();
    }
}
