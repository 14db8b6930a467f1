package org.openhotline.knowledge.internal.search;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.openhotline.knowledge.internal.articles.Article;

/**
 * An article as a Lucene document, and a stored document read back as a hit: the one place that knows the fields.
 * Filters: {@code id}, {@code cat}, {@code state}, {@code region} (ALL when the article names none), the validity
 * {@code from}/{@code to} as day numbers. Searched text, analysed by {@link ChineseText#INDEX}: {@code text} (title,
 * keywords and body), {@code head} (title and keywords, for the re-ranking boost) and the bigram fields
 * {@code title_bi}, {@code keywords_bi}, {@code body_bi}; the embedding in {@code vec}. Stored for the result list: title, keywords, body, regions,
 * expiry and {@code updated}, which also sorts the newest-first list. {@link SearchQueries} queries these fields.
 * Kept apart from {@link KnowledgeIndex}, which decides when documents are written and keeps the searcher fresh, so a
 * change of fields is made (and {@link #FORMAT_VERSION} bumped) here alone.
 */
final class ArticleDocuments {

    /**
     * Bumped whenever the fields change, so an index written by an older version is rebuilt at start. 2: the words of
     * title, keywords and body in one field {@code text} (one postings list per word instead of three), title and
     * keywords in {@code head}. 3: the article's sentence embedding in {@code vec} (see {@link ArticleVectors}).
     */
    static final String FORMAT_VERSION = "3";

    /** The vector field: normalised embeddings, so the dot product is the cosine. */
    static final String VECTOR = "vec";

    private ArticleDocuments() {
    }

    /** The term that names an article's document, to replace or delete it. */
    static Term id(long articleId) {
        return new Term("id", Long.toString(articleId));
    }

    /** Most recently changed first (the "latest" list). */
    static Sort newestFirst() {
        return new Sort(new SortField("updated", SortField.Type.LONG, true));
    }

    /** {@code vector} may be null: the article is then found by its words only until its vector is computed. */
    static Document of(Article a, float[] vector) {
        Document d = new Document();
        if (vector != null) {
            d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        d.add(new StringField("id", Long.toString(a.id()), Field.Store.YES));
        d.add(new StringField("cat", Long.toString(a.categoryId()), Field.Store.YES));
        d.add(new StringField("state", a.state().name(), Field.Store.YES));
        List<String> regions = a.regions() == null || a.regions().isBlank() ? List.of()
                : List.of(a.regions().split(","));
        if (regions.isEmpty()) {
            d.add(new StringField("region", "ALL", Field.Store.NO));
        }
        regions.forEach(r -> d.add(new StringField("region", r.strip(), Field.Store.NO)));
        d.add(new StoredField("regions", a.regions() == null ? "" : a.regions()));
        d.add(new LongPoint("from", a.effectiveFrom() == null ? Long.MIN_VALUE : a.effectiveFrom().toEpochDay()));
        d.add(new LongPoint("to", a.expiresOn() == null ? Long.MAX_VALUE : a.expiresOn().toEpochDay()));
        d.add(new StoredField("expires", a.expiresOn() == null ? "" : a.expiresOn().toString()));
        d.add(new StoredField("title", a.title()));
        d.add(new StoredField("keywords", a.keywords()));
        d.add(new StoredField("body", a.bodyText()));
        // Title, keywords and body as one field: a word is one postings list to walk rather than three under a
        // DisjunctionMax; title and keywords together once more as head, for a small boost (see SearchQueries).
        d.add(new TextField("text", a.title() + "\n" + a.keywords() + "\n" + a.bodyText(), Field.Store.NO));
        d.add(new TextField("head", a.title() + "\n" + a.keywords(), Field.Store.NO));
        d.add(new TextField("title_bi", a.title(), Field.Store.NO));
        d.add(new TextField("keywords_bi", a.keywords(), Field.Store.NO));
        d.add(new TextField("body_bi", a.bodyText(), Field.Store.NO));
        long updated = a.updatedAt() == null ? 0 : a.updatedAt().toInstant().toEpochMilli();
        d.add(new NumericDocValuesField("updated", updated));
        d.add(new StoredField("updated", updated));
        return d;
    }

    /** The stored fields of a found document, as the result list shows them. */
    static KnowledgeIndex.Hit hit(Document d, float score) {
        return new KnowledgeIndex.Hit(Long.parseLong(d.get("id")), score, Long.parseLong(d.get("cat")),
                d.get("state"), d.get("title"), d.get("keywords"), d.get("body"), d.get("regions"),
                d.get("expires"), d.getField("updated").numericValue().longValue());
    }
}
