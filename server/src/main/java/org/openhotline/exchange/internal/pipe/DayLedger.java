package org.openhotline.exchange.internal.pipe;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One day of traffic with one counterpart, as this side recorded it: the messages sent to it and received from it
 * whose step happened that day. Both directions are counted by the step's time ({@code ex_outbox.created_at} is the
 * step's time and travels as {@code occurredAt} into the other side's {@code ex_inbox.occurred_at}), and the day's
 * bounds are taken in the zone of the side that asks, so both ledgers count the same messages.
 */
@Component
public class DayLedger {

    /** One direction: how many, by type and by state, and the message ids. */
    public record Side(int count, Map<String, Integer> byType, Map<String, Integer> byState, List<String> messageIds) {}

    public record Ledger(String counterpart, LocalDate day, Side sent, Side received) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DayLedger(JdbcClient jdbc, org.openhotline.calendar.BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
    }

    public Ledger of(String counterpart, LocalDate day) {
        return of(counterpart, day, zone);
    }

    /** The day as {@code zone} bounds it (the reconciling side's zone, which may not be ours). */
    public Ledger of(String counterpart, LocalDate day, ZoneId zone) {
        var from = day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return new Ledger(counterpart, day,
                side("select message_id, type, state from ex_outbox where counterpart = ? and created_at >= ? and created_at < ? order by id",
                        counterpart, from, to),
                side("select message_id, type, state from ex_inbox where counterpart = ? and occurred_at >= ? and occurred_at < ? order by id",
                        counterpart, from, to));
    }

    public ZoneId zone() {
        return zone;
    }

    private Side side(String sql, Object... params) {
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byState = new TreeMap<>();
        List<String> ids = new java.util.ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            ids.add(rs.getString(1));
            byType.merge(rs.getString(2), 1, Integer::sum);
            byState.merge(rs.getString(3), 1, Integer::sum);
        });
        return new Side(ids.size(), byType, byState, ids);
    }
}
