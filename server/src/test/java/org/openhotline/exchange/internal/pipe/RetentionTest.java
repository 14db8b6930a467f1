package org.openhotline.exchange.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retention deletes only what is done and old; pending and dead messages stay whatever their age. */
@HotlineTest
class RetentionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @Test
    void doneMessagesOlderThanTheRetentionGoAndEverythingElseStays() {
        String code = "TRT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        jdbc.sql("insert into ex_counterpart (code, name, kind, secret, enabled) values (?, '保留期测试', 'CITY', 'k', false)")
                .param(code).update();
        Instant old = Instant.now().minus(Duration.ofDays(120));
        Instant recent = Instant.now().minus(Duration.ofDays(2));
        out(code, "old-sent", "SENT", old);
        out(code, "old-pending", "PENDING", old);
        out(code, "old-dead", "DEAD", old);
        out(code, "recent-sent", "SENT", recent);
        in(code, "old-applied", "APPLIED", old);
        in(code, "old-received", "RECEIVED", old);
        in(code, "recent-applied", "APPLIED", recent);

        retention.run();

        assertThat(jdbc.sql("select message_id from ex_outbox where counterpart = ? order by message_id").param(code)
                .query(String.class).list()).containsExactly("old-dead", "old-pending", "recent-sent");
        assertThat(jdbc.sql("select message_id from ex_inbox where counterpart = ? order by message_id").param(code)
                .query(String.class).list()).containsExactly("old-received", "recent-applied");
        jdbc.sql("delete from ex_outbox where counterpart = ?").param(code).update();
        jdbc.sql("delete from ex_inbox where counterpart = ?").param(code).update();
        jdbc.sql("delete from ex_counterpart where code = ?").param(code).update();
    }

    private void out(String code, String id, String state, Instant at) {
        jdbc.sql("""
                insert into ex_outbox (counterpart, message_id, order_key, seq, type, schema_version, payload, state, created_at)
                values (?, ?, ?, 1, 'order.step', 1, '{}', ?, ?)""")
                .params(code, id, code + ":" + id, state, at.atOffset(ZoneOffset.UTC)).update();
    }

    private void in(String code, String id, String state, Instant at) {
        jdbc.sql("""
                insert into ex_inbox (counterpart, message_id, order_key, seq, type, schema_version, payload, occurred_at,
                                      received_at, state)
                values (?, ?, ?, 1, 'order.step', 1, '{}', ?, ?, ?)""")
                .params(code, id, code + ":" + id, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), state).update();
    }
}
