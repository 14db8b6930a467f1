package org.openhotline.knowledge.internal.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Searches that found nothing (查无信息), counted per query text, for the editors to answer with an article. A miss
 * is counted in memory and written with the others every few seconds (and before the list is read): recording it
 * in the search itself cost a database round trip, and concurrent searches for the same text queued on its row.
 */
@Component
public class Misses implements DisposableBean {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    /** Not yet written: how many times since the last flush, and the latest. */
    private record Pending(int times, OffsetDateTime firstAt, OffsetDateTime lastAt, String lastBy) {}

    Misses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Miss(long id, String query, int times, OffsetDateTime firstAt, OffsetDateTime lastAt,
                       String lastBy, boolean handled, String handledBy, Long articleId, String note) {}

    public void record(String query, String by) {
        String q = ChineseText.normalize(query);
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        var now = OffsetDateTime.now(clock);
        pending.merge(q, new Pending(1, now, now, by),
                (a, b) -> new Pending(a.times() + 1, a.firstAt(), b.lastAt(), b.lastBy()));
    }

    /** Writes the misses counted since the last flush. */
    @org.openhotline.shared.cluster.EveryNode // this node's own memory
    @Scheduled(fixedDelayString = "${hotline.knowledge.miss-flush:PT5S}")
    public synchronized void flush() {
        for (String q : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(q);
            if (p == null) {
                continue;
            }
            jdbc.sql("""
                    insert into kb_miss (query, times, first_at, last_at, last_by) values (:q, :times, :first, :last, :by)
                    on conflict (query) do update set times = kb_miss.times + :times, last_at = :last, last_by = :by,
                           handled = false""")
                    .param("q", q).param("times", p.times()).param("first", p.firstAt()).param("last", p.lastAt())
                    .param("by", p.lastBy()).update();
        }
    }

    @Override
    public void destroy() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The database may already be gone at shutdown: a few uncounted misses are not worth failing for.
        }
    }

    public PageResult<Miss> list(boolean handled, int page, int size) {
        flush();
        long total = jdbc.sql("select count(*) from kb_miss where handled = ?").param(handled).query(Long.class).single();
        List<Miss> items = jdbc.sql("""
                select id, query, times, first_at, last_at, last_by, handled, handled_by, article_id, note
                  from kb_miss where handled = :handled order by times desc, last_at desc limit :size offset :offset""")
                .param("handled", handled).param("size", size).param("offset", PageResult.offset(page, size))
                .query((rs, n) -> new Miss(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getBoolean(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10))).list();
        return new PageResult<>(items, total, page, size);
    }

    /** Marks the query answered, by an article written for it or with a note (e.g. “不属于热线受理范围”). */
    public void handle(long id, Long articleId, String note, String by) {
        if (jdbc.sql("update kb_miss set handled = true, handled_by = ?, article_id = ?, note = ? where id = ?")
                .params(by, articleId, note, id).update() == 0) {
            throw DomainException.notFound("查无信息记录不存在");
        }
    }
}
