package org.openhotline.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nearest vectors are asked of the whole graph first and filtered afterwards ({@code KnowledgeIndex.nearest});
 * what comes back must still be the nearest articles within the filter, none outside it: checked against every
 * stored vector by brute force, for a filter that passes all (the common case) and for a category far from the
 * question, whose articles are not among the nearest of the whole base (the filtered search then runs).
 */
@HotlineTest
class NearestWithinFilterTest {

    static final String QUESTION = "家里那张旧沙发太大了楼道放不下，想扔掉找谁来拉";

    @Autowired
    KnowledgeIndex index;

    @Autowired
    ArticleVectors vectors;

    @Autowired
    VectorBackfill backfill;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void vectors() {
        backfill.runNow();
    }

    @Test
    void aFilterThatPassesAllKeepsTheNearestArticles() {
        float[] q = vectors.question(QUESTION);
        List<Long> everyCategory = jdbc.sql("select id from kb_category").query(Long.class).list();
        var found = ids(index.hybrid(null, null, null, filter(everyCategory), q, 0, 10, 10, -1));
        var expected = bruteForce(q, everyCategory);
        assertThat(found).hasSize(10);
        assertThat(found.getFirst()).isEqualTo(expected.getFirst());
        assertThat(expected.subList(0, 15)).containsAll(found.subList(0, 5));
    }

    @Test
    void aNarrowFilterFarFromTheQuestionStillGivesItsNearestArticlesAndNoOther() {
        float[] q = vectors.question(QUESTION);
        long nearestCategory = jdbc.sql("select category_id from kb_article where id = ?")
                .param(bruteForce(q, jdbc.sql("select id from kb_category").query(Long.class).list()).getFirst())
                .query(Long.class).single();
        // The category with the fewest published articles (at least 3) other than the question's own.
        long far = jdbc.sql("""
                select category_id from kb_article where state = 'PUBLISHED' and category_id <> ?
                group by category_id having count(*) >= 3 order by count(*), category_id limit 1""")
                .param(nearestCategory).query(Long.class).single();
        var expected = bruteForce(q, List.of(far));
        var found = ids(index.hybrid(null, null, null, filter(List.of(far)), q, 0, 10, 10, -1));
        assertThat(found).isNotEmpty().isEqualTo(expected.subList(0, Math.min(10, expected.size())));
    }

    private Query filter(List<Long> categories) {
        return new BooleanQuery.Builder()
                .add(SearchQueries.inSet("cat", categories.stream().map(String::valueOf).toList()), Occur.FILTER)
                .add(new TermQuery(new Term("state", "PUBLISHED")), Occur.FILTER)
                .add(SearchQueries.validOn(LocalDate.now(clock).toEpochDay()), Occur.FILTER)
                .build();
    }

    private static List<Long> ids(KnowledgeIndex.Ranking ranking) {
        return ranking.hits().stream().map(h -> h.hit().id()).toList();
    }

    /** Every published, in-force article of these categories by its stored vector's cosine to the question. */
    private List<Long> bruteForce(float[] q, List<Long> categories) {
        List<Map.Entry<Long, Double>> all = new ArrayList<>();
        jdbc.sql("""
                select a.id, v.vector from kb_article a join kb_article_vector v on v.article_id = a.id
                 where a.state = 'PUBLISHED' and a.category_id in (:cats)
                   and (a.effective_from is null or a.effective_from <= :today)
                   and (a.expires_on is null or a.expires_on >= :today)""")
                .param("cats", categories).param("today", LocalDate.now(clock))
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        TextEmbeddings.cosine(q, TextEmbeddings.fromBytes(rs.getBytes(2)))))
                .list().forEach(all::add);
        all.sort(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()));
        return all.stream().map(Map.Entry::getKey).toList();
    }
}
