package org.openhotline.knowledge.internal.usage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Personal knowledge (个人知识库): the articles a staff member keeps, each with an optional private note. */
@Component
public class Favourites {

    private final JdbcClient jdbc;
    private final Clock clock;

    Favourites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Favourite(long articleId, String title, String state, String note, OffsetDateTime updatedAt) {}

    public void keep(long accountId, long articleId, String note) {
        var now = OffsetDateTime.now(clock);
        String n = note == null ? "" : note.strip();
        jdbc.sql("""
                insert into kb_favourite (account_id, article_id, note, created_at, updated_at)
                values (:account, :article, :note, :now, :now)
                on conflict (account_id, article_id) do update set note = :note, updated_at = :now""")
                .param("account", accountId).param("article", articleId)
                .param("note", n.length() > 2000 ? n.substring(0, 2000) : n).param("now", now).update();
    }

    public void drop(long accountId, long articleId) {
        jdbc.sql("delete from kb_favourite where account_id = ? and article_id = ?").params(accountId, articleId)
                .update();
    }

    public Optional<Favourite> of(long accountId, long articleId) {
        return list(accountId, articleId).stream().findFirst();
    }

    public List<Favourite> list(long accountId) {
        return list(accountId, null);
    }

    private List<Favourite> list(long accountId, Long articleId) {
        return jdbc.sql("""
                select f.article_id, a.title, a.state, f.note, f.updated_at
                  from kb_favourite f join kb_article a on a.id = f.article_id
                 where f.account_id = :account and (cast(:article as bigint) is null or f.article_id = :article)
                 order by f.updated_at desc""")
                .param("account", accountId).param("article", articleId)
                .query((rs, n) -> new Favourite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }
}
