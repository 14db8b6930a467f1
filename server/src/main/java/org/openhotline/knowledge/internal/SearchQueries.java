package org.openhotline.knowledge.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene query for a search box text. Each variant of the text (as typed, or with synonyms swapped in)
 * matches when enough of its words occur — in the title (boost 4), the keywords (3) or the body — or enough of its
 * character bigrams occur in the title or keywords; the bigram clause is what finds an article whose words smartcn
 * cut differently. Words found in more than a fifth of the articles are left out: they cost time, not relevance.
 */
final class SearchQueries {

    static final float TITLE_BOOST = 4f;
    static final float KEYWORD_BOOST = 3f;

    private SearchQueries() {}

    /**
     * Strict: half the words or 60 % of the bigrams must match. Relaxed (used when strict finds nothing, typically
     * a long spoken question): one word or 30 % of the bigrams.
     */
    static Query text(List<ChineseText.Terms> variants, boolean relaxed, Set<String> commonWords,
                      Set<String> commonGrams) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (ChineseText.Terms t : variants) {
            Query q = variant(t, relaxed, commonWords, commonGrams);
            if (q != null) {
                any.add(q, Occur.SHOULD);
            }
        }
        return any.build();
    }

    /** The terms worth searching for: without the very common ones, unless nothing else is left. */
    static List<String> rare(List<String> terms, Set<String> common) {
        List<String> rare = terms.stream().filter(x -> !common.contains(x)).toList();
        return rare.isEmpty() ? terms : rare;
    }

    private static Query variant(ChineseText.Terms t, boolean relaxed, Set<String> commonWords, Set<String> commonGrams) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> ws = rare(t.words(), commonWords);
        if (!ws.isEmpty()) {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (String w : ws) {
                words.add(new DisjunctionMaxQuery(List.of(
                        new BoostQuery(new TermQuery(new Term("title", w)), TITLE_BOOST),
                        new BoostQuery(new TermQuery(new Term("keywords", w)), KEYWORD_BOOST),
                        new TermQuery(new Term("body", w))), 0.2f), Occur.SHOULD);
            }
            int n = ws.size();
            words.setMinimumNumberShouldMatch(relaxed || n <= 2 ? 1 : (n + 1) / 2);
            b.add(words.build(), Occur.SHOULD);
        }
        List<String> grams = rare(bigrams(t), commonGrams);
        if (!grams.isEmpty()) {
            BooleanQuery.Builder bigrams = new BooleanQuery.Builder();
            for (String g : grams) {
                List<Query> fields = new java.util.ArrayList<>(List.of(
                        new BoostQuery(new TermQuery(new Term("title_bi", g)), TITLE_BOOST / 2),
                        new BoostQuery(new TermQuery(new Term("keywords_bi", g)), KEYWORD_BOOST / 2)));
                if (relaxed) {
                    // Body bigrams have the longest postings: only the relaxed query walks them.
                    fields.add(new BoostQuery(new TermQuery(new Term("body_bi", g)), 0.5f));
                }
                bigrams.add(new DisjunctionMaxQuery(fields, 0.2f), Occur.SHOULD);
            }
            bigrams.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(grams.size() * (relaxed ? 0.3 : 0.6))));
            b.add(bigrams.build(), Occur.SHOULD);
        }
        BooleanQuery built = b.build();
        return built.clauses().isEmpty() ? null : built;
    }

    static List<String> bigrams(ChineseText.Terms t) {
        return ChineseText.tokens(ChineseText.BIGRAMS, t.bigramText()).stream().distinct().toList();
    }

    static Query inSet(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** Effective on {@code day} and not yet expired. */
    static Query validOn(long day) {
        return new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery("from", Long.MIN_VALUE, day), Occur.FILTER)
                .add(LongPoint.newRangeQuery("to", day, Long.MAX_VALUE), Occur.FILTER)
                .build();
    }
}
