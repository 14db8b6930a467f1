package org.openhotline.exchange.internal.pipe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openhotline.shared.crypto.SealedJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes outgoing messages. Called inside the transaction of the step that causes the message (ADR 015): the row
 * exists exactly when the step committed. The sequence row of (counterpart, order) is locked by the increment, so
 * two steps of one order get their numbers in commit order.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Queues a message and returns its id: {@code <self>><orderKey>#<seq>}, unique per sender and the same however
     * often the batch carrying it is sent again.
     */
    public String write(String self, String counterpart, String orderKey, String type, Object payload, Instant at) {
        long seq = jdbc.sql("""
                insert into ex_sequence (counterpart, order_key, last_seq) values (?, ?, 1)
                on conflict (counterpart, order_key) do update set last_seq = ex_sequence.last_seq + 1
                returning last_seq""").params(counterpart, orderKey).query(Long.class).single();
        String messageId = self + ">" + orderKey + "#" + seq;
        jdbc.sql("""
                insert into ex_outbox (counterpart, message_id, order_key, seq, type, schema_version, payload, created_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(counterpart, messageId, orderKey, seq, type, MessageSchema.VERSION,
                        SealedJson.seal(json, payload), at.atOffset(ZoneOffset.UTC)) // caller's data sealed at rest (ADR 041)
                .update();
        return messageId;
    }

    /** A queued message as the sender reads it. */
    public record Row(long id, String messageId, String orderKey, long seq, String type, int schemaVersion,
                      String payload, Instant createdAt, int attempts) {}

    /**
     * The next messages to send to {@code counterpart}, in the order they were queued (per order that is sequence order), leaving out every order that has a dead
     * letter (its later messages wait until the operator retries or discards it, so the order stays in sequence).
     */
    public List<Row> next(String counterpart, int limit) {
        return jdbc.sql("""
                select o.id, o.message_id, o.order_key, o.seq, o.type, o.schema_version, o.payload::text as payload,
                       o.created_at, o.attempts
                  from ex_outbox o
                 where o.counterpart = :c and o.state = 'PENDING'
                   and not exists (select 1 from ex_outbox d where d.counterpart = :c and d.order_key = o.order_key
                                      and d.state = 'DEAD' and d.seq < o.seq)
                 order by o.id limit :limit""")
                .param("c", counterpart).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("order_key"),
                        rs.getLong("seq"), rs.getString("type"), rs.getInt("schema_version"), SealedJson.open(json, rs.getString("payload")),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")))
                .list();
    }

    public void sent(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("update ex_outbox set state = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null where id in (:ids)")
                    .param("at", at.atOffset(ZoneOffset.UTC)).param("ids", ids).update();
        }
    }

    public void failed(List<Long> ids, String error) {
        if (!ids.isEmpty()) {
            jdbc.sql("update ex_outbox set attempts = attempts + 1, last_error = :e where id in (:ids)")
                    .param("e", truncate(error)).param("ids", ids).update();
        }
    }

    /** The counterpart refused the message itself (schema): it becomes a dead letter with the reason. */
    public void dead(String counterpart, String messageId, String reason) {
        jdbc.sql("update ex_outbox set state = 'DEAD', attempts = attempts + 1, last_error = ? where counterpart = ? and message_id = ?")
                .params(truncate(reason), counterpart, messageId).update();
    }

    static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
