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
 * "a government service". To that embedding is added half the embedding of the title and keywords alone (and the sum
 * normalised): a spoken question names its matter the way a title does, and the short text's vector sits nearer it
 * than one diluted by the opening of the body. Chosen on the development sets only (round s12,
 * bench/smart/assistant/README.md): meaning alone, spoken-dev recall@1 0.873 → 0.911 with the original set 0.959 →
 * 0.953, and 17 more of the 251 development questions clear the confidence an outside question rarely reaches.
 * A vector is valid for the texts it was computed from ({@code text_hash} of {@link #recipe}, which includes the
 * model's name); anything else is stale and the {@link VectorBackfill} computes it again.
 */
@Component
public class ArticleVectors {

    /** Characters of the body embedded after title and keywords. */
    static final int BODY_HEAD = 160;

    /** Weight of the title-and-keywords embedding in an article's vector (0.35–0.7 did about as well on dev). */
    static final float HEAD_WEIGHT = 0.5f;

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

    /** The short text of an article: its title and keywords, what a question names. */
    public static String head(String title, String keywords) {
        return title + "。" + (keywords == null ? "" : keywords);
    }

    /** Everything a stored vector is computed from; its hash names the vector. */
    public static String recipe(String title, String keywords, String bodyText) {
        return text(title, keywords, bodyText) + "\n+" + HEAD_WEIGHT + "×\n" + head(title, keywords);
    }

    static String recipe(Article a) {
        return recipe(a.title(), a.keywords(), a.bodyText());
    }

    /** An article's vector: its text's embedding plus {@link #HEAD_WEIGHT} × its head's, normalised. */
    public float[] embed(String title, String keywords, String bodyText) {
        float[] v = embeddings.embed(text(title, keywords, bodyText));
        float[] h = embeddings.embed(head(title, keywords));
        float[] sum = new float[v.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            sum[i] = v[i] + HEAD_WEIGHT * h[i];
            norm += sum[i] * sum[i];
        }
        if (norm == 0) {
            return sum; // nothing embedded (empty text): near nothing
        }
        float n = (float) Math.sqrt(norm);
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        return sum;
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
        articles.forEach(a -> expected.put(a.id(), TextEmbeddings.hash(recipe(a))));
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
            float[] v = embed(a.title(), a.keywords(), a.bodyText());
            jdbc.sql("""
                    insert into kb_article_vector (article_id, model, text_hash, vector, computed_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (article_id) do update set model = excluded.model, text_hash = excluded.text_hash,
                        vector = excluded.vector, computed_at = excluded.computed_at""")
                    .params(a.id(), TextEmbeddings.MODEL, TextEmbeddings.hash(recipe(a)), TextEmbeddings.toBytes(v), now)
                    .update();
            out.put(a.id(), v);
        }
        return out;
    }

    /** The embedding of a question as the search and the assistant use it. */
    public float[] question(String q) {
        return embeddings.embed(q);
    }
}
