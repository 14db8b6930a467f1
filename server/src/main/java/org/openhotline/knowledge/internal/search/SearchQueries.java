package org.openhotline.knowledge.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene query for a search box text, read into {@link QueryText}: one clause per meaningful word (a word
 * named in the synonym list is one clause whose alternatives are its synonyms), matching when enough of them occur
 * in the article (title, keywords and body indexed together as {@code text}), or when enough of the text's character
 * bigrams occur in the title or keywords; the bigram clause is what finds an article whose words smartcn cut
 * differently. Words also found in the title or keywords re-rank the first hits a little ({@link #headBoost}).
 * One flat query rather than one per synonym variant: every variant repeated the words it shared with the others, and
 * each repetition walked the same postings again. One field per word rather than a DisjunctionMax over title,
 * keywords and body: the max-of-three scorer was the hottest frame of a search, and the body postings were walked
 * for every word anyway.
 */
final class SearchQueries {

    static final float TITLE_BOOST = 4f;
    static final float KEYWORD_BOOST = 3f;
    /**
     * A word also in the title or keywords ({@code head}) scores a little more: without it an article whose title
     * names the matter (居住证, 养老保险) fell out of the first five; at 3 it drowned the body's evidence. Evaluation set,
     * search recall@1/@5: boost 3 → 0.895/0.953, 0.7 → 0.907/0.965, 0.4 → 0.913/0.965, none → 0.919/0.953.
     */
    static final float HEAD_BOOST = 0.4f;

    private SearchQueries() {}

    /**
     * Strict: half the words or 60 % of the bigrams must match. Relaxed (used when strict finds nothing, typically
     * a long spoken question): one word or 30 % of the bigrams, body bigrams included.
     */
    static Query text(QueryText t, boolean relaxed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (!t.slots().isEmpty()) {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (List<List<String>> slot : t.slots()) {
                words.add(slot(slot), Occur.SHOULD);
            }
            int n = t.slots().size();
            words.setMinimumNumberShouldMatch(relaxed || n <= 2 ? 1 : (n + 1) / 2);
            b.add(words.build(), Occur.SHOULD);
        }
        if (!t.grams().isEmpty()) {
            BooleanQuery.Builder bigrams = new BooleanQuery.Builder();
            for (String g : t.grams()) {
                List<Query> fields = new ArrayList<>(List.of(
                        new BoostQuery(new TermQuery(new Term("title_bi", g)), TITLE_BOOST / 2),
                        new BoostQuery(new TermQuery(new Term("keywords_bi", g)), KEYWORD_BOOST / 2)));
                if (relaxed) {
                    // Body bigrams have the longest postings: only the relaxed query walks them.
                    fields.add(new BoostQuery(new TermQuery(new Term("body_bi", g)), 0.5f));
                }
                bigrams.add(new DisjunctionMaxQuery(fields, 0.2f), Occur.SHOULD);
            }
            int m = t.grams().size();
            bigrams.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(m * (relaxed ? 0.3 : 0.6))));
            b.add(bigrams.build(), Occur.SHOULD);
        }
        BooleanQuery match = b.build();
        return match.clauses().isEmpty() ? null : match;
    }

    /**
     * Re-ranks the first hits ({@link KnowledgeIndex#RERANK_WINDOW}): a word also in the title or keywords
     * ({@code head}) adds a little. Part of the query it cost as much as the whole word clause (every matching article
     * was looked up in the head postings); on the first twenty hits it costs next to nothing.
     */
    static Query headBoost(QueryText t) {
        Set<String> words = t.slotWords();
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder boosts = new BooleanQuery.Builder();
        for (String w : words) {
            boosts.add(new BoostQuery(new TermQuery(new Term("head", w)), HEAD_BOOST), Occur.SHOULD);
        }
        return boosts.build();
    }

    /** A word, or a synonym group: the best of its alternatives, each of which needs all its words. */
    private static Query slot(List<List<String>> alternatives) {
        List<Query> alts = new ArrayList<>();
        for (List<String> words : alternatives) {
            if (words.size() == 1) {
                alts.add(word(words.getFirst()));
            } else {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                words.forEach(w -> all.add(word(w), Occur.MUST));
                alts.add(all.build());
            }
        }
        return alts.size() == 1 ? alts.getFirst() : new DisjunctionMaxQuery(alts, 0.1f);
    }

    private static Query word(String w) {
        return new TermQuery(new Term("text", w));
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
