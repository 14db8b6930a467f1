package org.openhotline.notification.internal.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openhotline.notification.SmsQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link SmsQueue} over {@code ntf_outbox}; alarms go through the {@code OPS_ALARM} template. */
@Component
class SmsQueueReader implements SmsQueue {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    SmsQueueReader(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public Backlog backlog(Instant now) {
        return jdbc.sql("""
                select count(*) filter (where state = 'PENDING') as pending,
                       min(created_at) filter (where state = 'PENDING') as oldest,
                       count(*) filter (where state in ('FAILED', 'UNDELIVERED') and created_at > ?) as failed
                  from ntf_outbox where state in ('PENDING', 'FAILED', 'UNDELIVERED')""")
                .param(Timestamp.from(now.minus(Duration.ofDays(1))))
                .query((rs, n) -> new Backlog(rs.getLong("pending"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), rs.getLong("failed")))
                .single();
    }

    @Override
    public boolean sendAlarm(String key, String phone, String text) {
        return outbox.enqueue(key, Purpose.ALARM, phone, "OPS_ALARM", Map.of("text", text), null);
    }
}
