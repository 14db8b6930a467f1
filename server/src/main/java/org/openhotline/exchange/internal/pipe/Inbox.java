package org.openhotline.exchange.internal.pipe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.crypto.SealedJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores received messages before the sender gets its acknowledgement: the whole batch in one transaction, a
 * message already stored (same sender, same {@code messageId}) answered DUPLICATE and left as it was.
 */
@Component
public class Inbox {

    public record Receipt(String messageId, String status) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    Inbox(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** One round trip for the whole batch (up to 1,000 messages), not one per message. */
    @Transactional
    public List<Receipt> store(String from, List<Message> messages, Instant now) {
        List<Object[]> rows = messages.stream().map(m -> new Object[] {from, m.messageId(), m.orderKey(), m.seq(),
                m.type(), m.schemaVersion(), SealedJson.seal(json, m.payload()), m.occurredAt().atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC)}).toList();
        int[] stored = batch.batchUpdate("""
                insert into ex_inbox (counterpart, message_id, order_key, seq, type, schema_version, payload,
                                      occurred_at, received_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (counterpart, message_id) do nothing""", rows);
        List<Receipt> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(new Receipt(messages.get(i).messageId(), stored[i] == 1 ? "ACCEPTED" : "DUPLICATE"));
        }
        return out;
    }

    /** A stored message waiting to be applied; {@code blocked}: an earlier message of its order is a dead letter. */
    public record Row(long id, String counterpart, String messageId, String orderKey, long seq, String type,
                      String payload, Instant occurredAt, int attempts, Instant nextAttemptAt, boolean blocked) {}

    public List<Row> waiting(int limit) {
        return jdbc.sql("""
                select i.id, i.counterpart, i.message_id, i.order_key, i.seq, i.type, i.payload::text as payload,
                       i.occurred_at, i.attempts, i.next_attempt_at,
                       exists (select 1 from ex_inbox d where d.counterpart = i.counterpart and d.order_key = i.order_key
                                  and d.state = 'DEAD' and d.id < i.id) as blocked
                  from ex_inbox i where i.state = 'RECEIVED' order by i.id limit ?""").param(limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("counterpart"), rs.getString("message_id"),
                        rs.getString("order_key"), rs.getLong("seq"), rs.getString("type"), SealedJson.open(json, rs.getString("payload")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at") == null ? null : rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getBoolean("blocked")))
                .list();
    }

    public void applied(long id, Instant at) {
        jdbc.sql("update ex_inbox set state = 'APPLIED', applied_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(at.atOffset(ZoneOffset.UTC), id).update();
    }

    public void failed(long id, String error, Instant retryAt, boolean dead) {
        jdbc.sql("update ex_inbox set state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(dead ? "DEAD" : "RECEIVED", Outbox.truncate(error), retryAt.atOffset(ZoneOffset.UTC), id).update();
    }
}
