package org.openhotline.audit.internal.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    public void append(Entry e) {
        String previous = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
                .query(String.class).single();
        record Prepared(long id, String details) {}
        Prepared p = jdbc.sql("select nextval('audit_event_id_seq'), cast(? as jsonb)::text").param(e.detailsJson())
                .query((rs, n) -> new Prepared(rs.getLong(1), rs.getString(2))).single();
        Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHash.of(key.bytes(), previous, new ChainHash.Fields(p.id(), micros(at), e.actor(),
                e.sourceIp(), e.action(), e.target(), e.result(), p.details()));
        jdbc.sql("""
                insert into audit_event (id, at, actor, source_ip, action, target, result, details, chain_hash)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(p.id(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), e.actor(), e.sourceIp(), e.action(),
                        e.target(), e.result(), p.details(), hash)
                .update();
        jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where id = 1").params(p.id(), hash).update();
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    static long micros(Timestamp ts) {
        return micros(ts.toInstant());
    }
}
