package org.openhotline.audit.internal.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an audit record to the chain inside the caller's transaction: lock the one-row head, take the next id,
 * hash the record with the head's hash, insert it and move the head. The lock serialises audited actions from
 * the append to their commit; the cost is measured in docs/admin-guide.md ("审计日志完整性").
 */
@Component
public class AuditChain {

    private final JdbcClient jdbc;
    private final ChainKey key;

    AuditChain(JdbcClient jdbc, ChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** A record to append; {@code detailsJson} any JSON text (PostgreSQL's jsonb text form is what is hashed). */
    public record Entry(Instant at, String actor, String sourceIp, String action, String target, String result,
                        String detailsJson) {}

    /** Joins the action's transaction; without one (an event published outside any) it opens its own, so that the head stays locked from read to write. */
    @Transactional
    public void append(Entry e) {
        // Two round trips: lock the head with the next id and the jsonb text; insert and move the head together.
        record Prepared(String previous, long id, String details) {}
        Prepared p = jdbc.sql("""
                select last_hash, nextval('audit_event_id_seq'), cast(? as jsonb)::text
                  from audit_chain_head where id = 1 for update""").param(e.detailsJson())
                .query((rs, n) -> new Prepared(rs.getString(1), rs.getLong(2), rs.getString(3))).single();
        Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHash.of(key.bytes(), p.previous(), new ChainHash.Fields(p.id(), micros(at), e.actor(),
                e.sourceIp(), e.action(), e.target(), e.result(), p.details()));
        jdbc.sql("""
                with appended as (
                    insert into audit_event (id, at, actor, source_ip, action, target, result, details, chain_hash)
                    values (:id, :at, :actor, :ip, :action, :target, :result, cast(:details as jsonb), :hash))
                update audit_chain_head set last_id = :id, last_hash = :hash where id = 1""")
                .param("id", p.id()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", e.actor())
                .param("ip", e.sourceIp()).param("action", e.action()).param("target", e.target())
                .param("result", e.result()).param("details", p.details()).param("hash", hash)
                .update();
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    static long micros(Timestamp ts) {
        return micros(ts.toInstant());
    }
}
