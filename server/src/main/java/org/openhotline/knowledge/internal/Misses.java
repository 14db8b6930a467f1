package org.openhotline.knowledge.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Searches that found nothing (查无信息), counted per query text, for the editors to answer with an article. */
@Component
public class Misses {

    private final JdbcClient jdbc;
    private final Clock clock;

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
        jdbc.sql("""
                insert into kb_miss (query, first_at, last_at, last_by) values (:q, :now, :now, :by)
                on conflict (query) do update set times = kb_miss.times + 1, last_at = :now, last_by = :by,
                       handled = false""")
                .param("q", q).param("now", now).param("by", by).update();
    }

    public PageResult<Miss> list(boolean handled, int page, int size) {
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
