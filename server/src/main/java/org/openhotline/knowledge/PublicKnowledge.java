package org.openhotline.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Published articles of the public columns (公开栏目) for the citizens' portal: internal and private columns and
 * unpublished or expired articles are never returned. Search matches the words of the query in title, keywords and
 * text (every word must occur), newest first; the staff's Lucene search ranks with staff-only columns in the index.
 */
@Service
public class PublicKnowledge {

    public record PublicArticle(long id, String category, String title, String bodyHtml, String summary,
                                Instant publishedAt) {}

    private static final String PUBLIC_LIVE = """
             from kb_article a join kb_category c on c.id = a.category_id
            where c.visibility = 'PUBLIC' and a.state = 'PUBLISHED'
              and (a.expires_on is null or a.expires_on >= current_date)
              and (a.effective_from is null or a.effective_from <= current_date)""";

    private final JdbcClient jdbc;

    PublicKnowledge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PublicArticle> search(String query, int limit) {
        List<String> words = query == null ? List.of()
                : List.of(query.strip().split("\\s+")).stream().filter(w -> !w.isBlank()).limit(5).toList();
        StringBuilder sql = new StringBuilder("select a.id, c.name as category, a.title, '' as body_html, a.body_text,"
                + " a.published_at" + PUBLIC_LIVE);
        var params = new java.util.ArrayList<Object>();
        for (String w : words) {
            sql.append(" and (a.title || ' ' || a.keywords || ' ' || a.body_text) ilike ? escape '\\'");
            params.add("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by a.published_at desc nulls last, a.id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    public Optional<PublicArticle> article(long id) {
        return jdbc.sql("select a.id, c.name as category, a.title, a.body_html, a.body_text, a.published_at" + PUBLIC_LIVE
                        + " and a.id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    private static PublicArticle map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String text = rs.getString("body_text");
        var published = rs.getTimestamp("published_at");
        return new PublicArticle(rs.getLong("id"), rs.getString("category"), rs.getString("title"),
                rs.getString("body_html"), text.length() > 120 ? text.substring(0, 120) + "…" : text,
                published == null ? null : published.toInstant());
    }
}
