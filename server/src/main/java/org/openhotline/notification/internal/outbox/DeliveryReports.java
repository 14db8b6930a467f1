package org.openhotline.notification.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the gateway's delivery reports per submitted part; a message is DELIVERED when every part is, and
 * UNDELIVERED when a part came back with any other status (the report's code stays on the part).
 */
@Component
public class DeliveryReports {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String msgId, String stat) {
        Instant now = clock.instant();
        Long outbox = jdbc.sql("""
                insert into ntf_outbox_part (msg_id, stat, reported_at) values (?, ?, ?)
                on conflict (msg_id) do update set stat = excluded.stat, reported_at = excluded.reported_at
                returning outbox_id""").params(msgId, stat, Timestamp.from(now)).query(Long.class).optional().orElse(null);
        if (outbox != null) {
            settle(jdbc, java.util.List.of(outbox), now);
        }
    }

    static void settle(JdbcClient jdbc, Collection<Long> outboxIds, Instant now) {
        jdbc.sql("""
                update ntf_outbox o
                   set state = case when exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id
                                                  and p.stat <> 'DELIVRD') then 'UNDELIVERED' else 'DELIVERED' end,
                       reported_at = ?
                 where o.id in (:ids) and o.state = 'SENT'
                   and not exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id and p.stat is null)
                   and exists (select 1 from ntf_outbox_part p where p.outbox_id = o.id)""".replace("?", ":now"))
                .param("now", Timestamp.from(now)).param("ids", outboxIds).update();
    }
}
