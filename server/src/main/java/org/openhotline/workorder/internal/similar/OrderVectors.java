package org.openhotline.workorder.internal.similar;

import java.util.HashMap;
import java.util.Map;
import org.openhotline.shared.TextEmbeddings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedding of each order's appeal (title and content), computed the first time the order is compared and kept
 * in {@code wo_order_vector}: an order is compared again and again while it is open, an embedding costs milliseconds.
 * The dispatch model reads the same vectors for its meaning neighbours (closed orders nearest an appeal).
 */
@Component
public class OrderVectors {

    /** Enough of an appeal to say what it is about; the model reads 512 tokens at most. */
    static final int MAX_CHARS = 300;

    private final JdbcClient jdbc;
    private final TextEmbeddings embeddings;

    OrderVectors(JdbcClient jdbc, TextEmbeddings embeddings) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
    }

    public static String appeal(String title, String content) {
        String t = (title == null ? "" : title) + "。" + (content == null ? "" : content);
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    float[] embed(String text) {
        return embeddings.embed(text);
    }

    /** The vectors of these orders' appeals ({@code texts}: id → appeal text), computing the missing ones. */
    public Map<Long, float[]> of(Map<Long, String> texts) {
        Map<Long, float[]> out = new HashMap<>();
        if (texts.isEmpty()) {
            return out;
        }
        jdbc.sql("select work_order_id, text_hash, vector from wo_order_vector where work_order_id in (:ids)")
                .param("ids", texts.keySet())
                .query(rs -> {
                    long id = rs.getLong(1);
                    if (rs.getString(2).equals(TextEmbeddings.hash(texts.get(id)))) {
                        out.put(id, TextEmbeddings.fromBytes(rs.getBytes(3)));
                    }
                });
        texts.forEach((id, text) -> {
            if (!out.containsKey(id)) {
                float[] v = embeddings.embed(text);
                jdbc.sql("""
                        insert into wo_order_vector (work_order_id, text_hash, vector) values (?, ?, ?)
                        on conflict (work_order_id) do update set text_hash = excluded.text_hash,
                            vector = excluded.vector""")
                        .params(id, TextEmbeddings.hash(text), TextEmbeddings.toBytes(v)).update();
                out.put(id, v);
            }
        });
        return out;
    }
}
