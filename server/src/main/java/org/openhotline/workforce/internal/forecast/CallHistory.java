package org.openhotline.workforce.internal.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Past inbound calls per local day and half hour, read from the call center's {@code rpt_source_call} view — the
 * read-only contract it keeps for other modules' set-based reads (ADR 004) — in one grouped statement. Handling time is
 * answered to ended (talk and hold); after-call work is in the agents' states, not in the call.
 */
@Component
class CallHistory {

    private final JdbcClient jdbc;

    CallHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CallSeries between(LocalDate first, LocalDate last, ZoneId zone) {
        CallSeries series = new CallSeries();
        jdbc.sql("""
                select (arrived_at at time zone :zone)::date as day,
                       (extract(hour from arrived_at at time zone :zone) * 2
                        + floor(extract(minute from arrived_at at time zone :zone) / 30))::int as slot,
                       count(*) as calls,
                       coalesce(sum(extract(epoch from ended_at - answered_at))
                                filter (where answered_at is not null and ended_at is not null), 0) as seconds,
                       count(*) filter (where answered_at is not null and ended_at is not null) as handled
                  from rpt_source_call
                 where direction = 'INBOUND'
                   and arrived_at >= :from and arrived_at < :to
                 group by 1, 2""")
                .param("zone", zone.getId())
                .param("from", java.sql.Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("to", java.sql.Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> {
                    series.add(rs.getDate("day").toLocalDate(), rs.getInt("slot"), rs.getLong("calls"),
                            rs.getDouble("seconds"), rs.getLong("handled"));
                    return null;
                }).list();
        return series;
    }
}
