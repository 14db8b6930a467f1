package org.openhotline.exchange.internal.pipe;

import org.openhotline.exchange.ExchangeQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ExchangeQueue} over the outbox (waiting to be sent) and the inbox (dead messages that need a person). */
@Component
class ExchangeQueueReader implements ExchangeQueue {

    private final JdbcClient jdbc;

    ExchangeQueueReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql("""
                select (select count(*) from ex_outbox where state = 'PENDING') as pending,
                       (select min(created_at) from ex_outbox where state = 'PENDING') as oldest,
                       (select count(*) from ex_outbox where state = 'DEAD')
                     + (select count(*) from ex_inbox where state = 'DEAD') as dead""")
                .query((rs, n) -> new Backlog(rs.getLong("pending"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), rs.getLong("dead")))
                .single();
    }
}
