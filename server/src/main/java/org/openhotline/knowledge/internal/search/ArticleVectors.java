package org.openhotline.knowledge.internal.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.shared.TextEmbeddings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored embedding of each article ({@code kb_article_vector}). What is embedded is what a citizen's question is
 * closest to: the title, the keywords and the opening of the body (where the articles say what the matter is and
 * who handles it), not the whole text, whose lists of materials and phone numbers would pull every vector towards
 * "a government service". A vector is valid for the text it was computed from ({@code text_hash}, which includes the
 * model's name); anything else is stale and the {@link VectorBackfill} computes it again.
 */
@Component
public class ArticleVectors {

    /** Characters of the body embedded after title and keywords. */
    static final int BODY_HEAD = 160;

    private final JdbcClient jdbc;
    private final TextEmbeddings embeddings;
    private final Clock clock;

    ArticleVectors(JdbcClient jdbc, TextEmbeddings embeddings, Clock clock) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    /** The text of an article that is embedded. */
    static String text(Article a) {
        return text(a.title(), a.keywords(), a.bodyText());
    }

    public static String text(String title, String keywords, String bodyText) {
        String body = bodyText == null ? "" : bodyText.replaceAll("\\s+", " ").strip();
        return title + "。" + (keywords == null ? "" : keywords) + "。"
                + body.substring(0, Math.min(body.length(), BODY_HEAD));
    }

    /** The current vectors of these articles; an article whose text changed since it was embedded has none. */
    public Map<Long, float[]> current(Collection<Article> articles) {
        if (articles.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> expected = new HashMap<>();
        articles.forEach(a -> expected.put(a.id(), TextEmbeddings.hash(text(a))));
        Map<Long, float[]> out = new HashMap<>();
        jdbc.sql("select article_id, text_hash, vector from kb_article_vector where article_id in (:ids)")
                .param("ids", expected.keySet())
                .query(rs -> {
                    long id = rs.getLong(1);
                    if (rs.getString(2).equals(expected.get(id))) {
                        out.put(id, TextEmbeddings.fromBytes(rs.getBytes(3)));
                    }
                });
        return out;
    }

    /** Embeds the articles (tens of milliseconds each) and stores their vectors. */
    public Map<Long, float[]> compute(List<Article> articles) {
        Map<Long, float[]> out = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Article a : articles) {
            String text = text(a);
            float[] v = embeddings.embed(text);
            jdbc.sql("""
                    insert into kb_article_vector (article_id, model, text_hash, vector, computed_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (article_id) do update set model = excluded.model, text_hash = excluded.text_hash,
                        vector = excluded.vector, computed_at = excluded.computed_at""")
                    .params(a.id(), TextEmbeddings.MODEL, TextEmbeddings.hash(text), TextEmbeddings.toBytes(v), now).update();
            out.put(a.id(), v);
        }
        return out;
    }

    /** The embedding of a question as the search and the assistant use it. */
    public float[] question(String q) {
        return embeddings.embed(q);
    }
}
