package org.openhotline.knowledge.internal.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code kb_article} and its versions. Writes are optimistic on {@code version}. */
@Repository
public class Articles {

    static final String COLUMNS = """
            id, category_id, title, body_html, body_text, keywords, regions, source_policy, effective_from, expires_on,
            state, revision, author, submitted_by, reviewed_by, reviewed_at, review_comment, published_at, views,
            citations, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from kb_article where id = ?").param(id).query(Articles::map).optional();
    }

    public Article get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("知识不存在"));
    }

    public List<Article> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from kb_article where id in (:ids)").param("ids", ids)
                .query(Articles::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from kb_article").query(Long.class).single();
    }

    /** Every article in id order (index rebuild), a page of 1000 at a time so the table never sits in memory. */
    public void forEach(Consumer<Article> each) {
        forEachPage(page -> page.forEach(each));
    }

    /** Every article in id order, a page of 1000 at a time (a page's vectors are then read in one query). */
    public void forEachPage(Consumer<List<Article>> each) {
        long after = 0;
        while (true) {
            List<Article> page = jdbc.sql("select " + COLUMNS + " from kb_article where id > ? order by id limit 1000")
                    .param(after).query(Articles::map).list();
            if (!page.isEmpty()) {
                each.accept(page);
            }
            if (page.size() < 1000) {
                return;
            }
            after = page.getLast().id();
        }
    }

    /** A list screen: by categories (those the caller reads), optional state and title text. */
    public PageResult<Article> list(Collection<Long> categoryIds, Article.State state, String text, int page, int size) {
        if (categoryIds.isEmpty()) {
            return new PageResult<>(List.of(), 0, page, size);
        }
        String where = """
                 where category_id in (:cats) and (cast(:state as varchar) is null or state = cast(:state as varchar))
                   and (:text = '' or title ilike '%' || :text || '%')""";
        String q = text == null ? "" : text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String st = state == null ? null : state.name();
        long total = jdbc.sql("select count(*) from kb_article " + where).param("cats", categoryIds)
                .param("state", st).param("text", q).query(Long.class).single();
        var items = jdbc.sql("select " + COLUMNS + " from kb_article " + where
                        + " order by updated_at desc, id desc limit :size offset :offset")
                .param("cats", categoryIds).param("state", st).param("text", q)
                .param("size", size).param("offset", PageResult.offset(page, size)).query(Articles::map).list();
        return new PageResult<>(items, total, page, size);
    }

    public long insert(Article a, OffsetDateTime now) {
        return jdbc.sql("""
                insert into kb_article (category_id, title, body_html, body_text, keywords, regions, source_policy,
                                        effective_from, expires_on, state, revision, author, created_at, updated_at)
                values (:cat, :title, :html, :text, :keywords, :regions, :policy, :from, :to, :state, 1, :author,
                        :now, :now)
                returning id""")
                .param("cat", a.categoryId()).param("title", a.title()).param("html", a.bodyHtml())
                .param("text", a.bodyText()).param("keywords", a.keywords()).param("regions", a.regions())
                .param("policy", a.sourcePolicy()).param("from", a.effectiveFrom()).param("to", a.expiresOn())
                .param("state", a.state().name()).param("author", a.author()).param("now", now)
                .query(Long.class).single();
    }

    /** New content: the next revision number (after any revision ever proposed for it). */
    public void updateContent(Article a, OffsetDateTime now) {
        check(jdbc.sql("""
                update kb_article set category_id = :cat, title = :title, body_html = :html, body_text = :text,
                       keywords = :keywords, regions = :regions, source_policy = :policy, effective_from = :from,
                       expires_on = :to, version = version + 1, updated_at = :now,
                       revision = (select coalesce(max(v.revision), kb_article.revision) + 1 from kb_article_version v
                                    where v.article_id = kb_article.id),
                       expiry_reminded = null
                 where id = :id and version = :version""")
                .param("cat", a.categoryId()).param("title", a.title()).param("html", a.bodyHtml())
                .param("text", a.bodyText()).param("keywords", a.keywords()).param("regions", a.regions())
                .param("policy", a.sourcePolicy()).param("from", a.effectiveFrom()).param("to", a.expiresOn())
                .param("now", now).param("id", a.id()).param("version", a.version()).update());
    }

    /** An approved revision replaces the live content; the article stays published, the reviewer recorded. */
    public void applyRevision(Article a, Revision r, String reviewer, String comment, OffsetDateTime now) {
        check(jdbc.sql("""
                update kb_article set category_id = :cat, title = :title, body_html = :html, body_text = :text,
                       keywords = :keywords, regions = :regions, source_policy = :policy, effective_from = :from,
                       expires_on = :to, revision = :revision, submitted_by = :submitted, reviewed_by = :reviewer,
                       reviewed_at = :now, review_comment = :comment, version = version + 1, updated_at = :now,
                       expiry_reminded = null
                 where id = :id and version = :version and state = 'PUBLISHED'""")
                .param("cat", r.categoryId()).param("title", r.title()).param("html", r.bodyHtml())
                .param("text", r.bodyText()).param("keywords", r.keywords()).param("regions", r.regions())
                .param("policy", r.sourcePolicy()).param("from", r.effectiveFrom()).param("to", r.expiresOn())
                .param("revision", r.revision()).param("submitted", r.submittedBy()).param("reviewer", reviewer)
                .param("comment", comment).param("now", now).param("id", a.id()).param("version", a.version())
                .update());
    }

    public void updateState(Article a, OffsetDateTime now) {
        check(jdbc.sql("""
                update kb_article set state = :state, submitted_by = :submitted, reviewed_by = :reviewer,
                       reviewed_at = :reviewedAt, review_comment = :comment, published_at = :published,
                       version = version + 1, updated_at = :now
                 where id = :id and version = :version""")
                .param("state", a.state().name()).param("submitted", a.submittedBy()).param("reviewer", a.reviewedBy())
                .param("reviewedAt", a.reviewedAt()).param("comment", a.reviewComment())
                .param("published", a.publishedAt()).param("now", now).param("id", a.id())
                .param("version", a.version()).update());
    }

    public void saveVersion(long id, String editedBy, OffsetDateTime at, String note) {
        jdbc.sql("""
                insert into kb_article_version (article_id, revision, title, body_html, body_text, keywords, edited_by,
                                                edited_at, note)
                select id, revision, title, body_html, body_text, keywords, :by, :at, :note from kb_article where id = :id""")
                .param("by", editedBy).param("at", at).param("note", note).param("id", id).update();
    }

    public record Version(int revision, String title, String bodyHtml, String bodyText, String keywords,
                          String editedBy, OffsetDateTime editedAt, String note) {}

    public List<Version> versions(long id) {
        return jdbc.sql("""
                select revision, title, body_html, body_text, keywords, edited_by, edited_at, note
                  from kb_article_version where article_id = ? order by revision desc""")
                .param(id).query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8))).list();
    }

    private static void check(int rows) {
        if (rows == 0) {
            throw DomainException.conflict("该知识已被他人修改，请刷新后重试");
        }
    }

    static Article map(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getLong("id"), rs.getLong("category_id"), rs.getString("title"),
                rs.getString("body_html"), rs.getString("body_text"), rs.getString("keywords"), rs.getString("regions"),
                rs.getString("source_policy"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), Article.State.valueOf(rs.getString("state")),
                rs.getInt("revision"), rs.getString("author"), rs.getString("submitted_by"),
                rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("review_comment"), rs.getObject("published_at", OffsetDateTime.class),
                rs.getLong("views"), rs.getLong("citations"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
