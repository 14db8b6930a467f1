package org.openhotline.audit.internal.chain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain, archive first and then the live table, in id order and in pages, recomputing each
 * record's HMAC from the previous one. An edited record fails its own hash; a removed or inserted record fails the
 * hash of the record after it; records removed from the end leave the chain short of its head.
 */
@Component
public class ChainVerification {

    static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final ChainKey key;

    ChainVerification(JdbcClient jdbc, ChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** The first record that does not fit the chain, and why ({@code altered}, {@code missing-hash}, {@code tail-missing}). */
    public record Broken(long id, String reason) {}

    public record Result(boolean intact, Broken firstBroken, long checked, long archived, long notCovered) {}

    private record Row(ChainHash.Fields fields, String hash, boolean archived) {}

    public Result verify() {
        record Head(long lastId, String lastHash) {}
        Head head = jdbc.sql("select last_id, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        byte[] k = key.bytes();
        String previous = "genesis";
        long after = -1;
        long checked = 0;
        long archived = 0;
        long notCovered = 0;
        boolean chainStarted = false;
        while (true) {
            List<Row> page = jdbc.sql("""
                    select id, at, actor, source_ip, action, target, result, details::text, chain_hash, archived
                      from (select id, at, actor, source_ip, action, target, result, details, chain_hash, true as archived
                              from audit_event_archive where id > :after and id <= :last
                            union all
                            select id, at, actor, source_ip, action, target, result, details, chain_hash, false
                              from audit_event where id > :after and id <= :last) r
                     order by id limit :page""")
                    .param("after", after).param("last", head.lastId()).param("page", PAGE)
                    .query((rs, n) -> new Row(new ChainHash.Fields(rs.getLong(1), AuditChain.micros(rs.getTimestamp(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8)), rs.getString(9), rs.getBoolean(10)))
                    .list();
            for (Row row : page) {
                after = row.fields().id();
                if (row.hash() == null) {
                    if (chainStarted) {
                        return new Result(false, new Broken(row.fields().id(), "missing-hash"), checked, archived, notCovered);
                    }
                    notCovered++; // written before the chain existed
                    continue;
                }
                chainStarted = true;
                String expected = ChainHash.of(k, previous, row.fields());
                if (!expected.equals(row.hash())) {
                    return new Result(false, new Broken(row.fields().id(), "altered"), checked, archived, notCovered);
                }
                previous = expected;
                checked++;
                archived += row.archived() ? 1 : 0;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!previous.equals(head.lastHash())) {
            return new Result(false, new Broken(head.lastId(), "tail-missing"), checked, archived, notCovered);
        }
        return new Result(true, null, checked, archived, notCovered);
    }
}
