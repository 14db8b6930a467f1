package org.openhotline.knowledge.internal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Views and citations per article and day, summed over a window for the hot ranking (热度排行): heat = views +
 * 3 × citations, because an article quoted in a reply to a citizen counts for more than one read.
 */
@Component
public class Usage {

    static final int CITATION_WEIGHT = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    Usage(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Period {
        DAY(1), WEEK(7), MONTH(30);

        final int days;

        Period(int days) {
            this.days = days;
        }
    }

    public void viewed(long articleId) {
        count(articleId, 1, 0);
    }

    public void cited(long articleId) {
        count(articleId, 0, 1);
    }

    private void count(long articleId, int views, int citations) {
        jdbc.sql("""
                insert into kb_usage (article_id, day, views, citations) values (:id, :day, :v, :c)
                on conflict (article_id, day) do update set views = kb_usage.views + :v,
                       citations = kb_usage.citations + :c""")
                .param("id", articleId).param("day", LocalDate.now(clock)).param("v", views).param("c", citations)
                .update();
        jdbc.sql("update kb_article set views = views + ?, citations = citations + ? where id = ?")
                .params(views, citations, articleId).update();
    }

    public record Hot(long articleId, String title, long categoryId, long views, long citations, long heat) {}

    /** The hottest published articles of the last day, week or month among the given categories. */
    public List<Hot> hot(Period period, java.util.Collection<Long> categoryIds, int limit) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id, a.title, a.category_id, sum(u.views) as v, sum(u.citations) as c
                  from kb_usage u join kb_article a on a.id = u.article_id
                 where u.day > :since and a.state = 'PUBLISHED' and a.category_id in (:cats)
                 group by a.id, a.title, a.category_id
                 order by sum(u.views) + :w * sum(u.citations) desc, a.id limit :limit""")
                .param("since", LocalDate.now(clock).minusDays(period.days)).param("cats", categoryIds)
                .param("w", CITATION_WEIGHT).param("limit", limit)
                .query((rs, n) -> new Hot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(4) + CITATION_WEIGHT * rs.getLong(5))).list();
    }
}
