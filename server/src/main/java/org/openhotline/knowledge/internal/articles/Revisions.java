package org.openhotline.knowledge.internal.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code kb_article_revision} (one open revision per published article). Writes are optimistic on version. */
@Repository
public class Revisions {

    private static final String COLUMNS = """
            article_id, revision, category_id, title, body_html, body_text, keywords, regions, source_policy,
            effective_from, expires_on, state, edited_by, edited_at, submitted_by, reviewed_by, reviewed_at,
            review_comment, version""";

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Revision> find(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from kb_article_revision where article_id = ?").param(articleId)
                .query(Revisions::map).optional();
    }

    public Revision get(long articleId) {
        return find(articleId).orElseThrow(() -> DomainException.notFound("该知识没有修订稿"));
    }

    /** Pending revisions in the given columns, oldest first (审核队列). */
    public List<Revision> pending(Collection<Long> categoryIds) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from kb_article_revision"
                        + " where state = 'PENDING' and category_id in (:cats) order by edited_at, article_id limit 200")
                .param("cats", categoryIds).query(Revisions::map).list();
    }

    public void insert(Revision r) {
        jdbc.sql("""
                insert into kb_article_revision (article_id, revision, category_id, title, body_html, body_text,
                       keywords, regions, source_policy, effective_from, expires_on, state, edited_by, edited_at)
                values (:id, :revision, :cat, :title, :html, :text, :keywords, :regions, :policy, :from, :to, 'DRAFT',
                        :by, :at)""")
                .param("id", r.articleId()).param("revision", r.revision()).param("cat", r.categoryId())
                .param("title", r.title()).param("html", r.bodyHtml()).param("text", r.bodyText())
                .param("keywords", r.keywords()).param("regions", r.regions()).param("policy", r.sourcePolicy())
                .param("from", r.effectiveFrom()).param("to", r.expiresOn()).param("by", r.editedBy())
                .param("at", r.editedAt()).update();
    }

    public void updateContent(Revision r) {
        check(jdbc.sql("""
                update kb_article_revision set category_id = :cat, title = :title, body_html = :html, body_text = :text,
                       keywords = :keywords, regions = :regions, source_policy = :policy, effective_from = :from,
                       expires_on = :to, edited_by = :by, edited_at = :at, version = version + 1
                 where article_id = :id and version = :version""")
                .param("cat", r.categoryId()).param("title", r.title()).param("html", r.bodyHtml())
                .param("text", r.bodyText()).param("keywords", r.keywords()).param("regions", r.regions())
                .param("policy", r.sourcePolicy()).param("from", r.effectiveFrom()).param("to", r.expiresOn())
                .param("by", r.editedBy()).param("at", r.editedAt()).param("id", r.articleId())
                .param("version", r.version()).update());
    }

    public void updateState(Revision r) {
        check(jdbc.sql("""
                update kb_article_revision set state = :state, submitted_by = :submitted, reviewed_by = :reviewer,
                       reviewed_at = :reviewedAt, review_comment = :comment, version = version + 1
                 where article_id = :id and version = :version""")
                .param("state", r.state().name()).param("submitted", r.submittedBy()).param("reviewer", r.reviewedBy())
                .param("reviewedAt", r.reviewedAt()).param("comment", r.reviewComment())
                .param("id", r.articleId()).param("version", r.version()).update());
    }

    public void delete(long articleId) {
        jdbc.sql("delete from kb_article_revision where article_id = ?").param(articleId).update();
    }

    /** The revision's text as a version of the article (the diff against the live revision reads it). */
    public void saveVersion(Revision r, String note) {
        jdbc.sql("""
                insert into kb_article_version (article_id, revision, title, body_html, body_text, keywords, edited_by,
                                                edited_at, note)
                values (:id, :revision, :title, :html, :text, :keywords, :by, :at, :note)
                on conflict (article_id, revision) do update set title = excluded.title, body_html = excluded.body_html,
                       body_text = excluded.body_text, keywords = excluded.keywords, edited_by = excluded.edited_by,
                       edited_at = excluded.edited_at, note = excluded.note""")
                .param("id", r.articleId()).param("revision", r.revision()).param("title", r.title())
                .param("html", r.bodyHtml()).param("text", r.bodyText()).param("keywords", r.keywords())
                .param("by", r.editedBy()).param("at", r.editedAt()).param("note", note).update();
    }

    public void deleteVersion(long articleId, int revision) {
        jdbc.sql("delete from kb_article_version where article_id = ? and revision = ?").params(articleId, revision)
                .update();
    }

    private static void check(int rows) {
        if (rows == 0) {
            throw DomainException.conflict("该修订稿已被他人修改，请刷新后重试");
        }
    }

    static Revision map(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getLong("article_id"), rs.getInt("revision"), rs.getLong("category_id"),
                rs.getString("title"), rs.getString("body_html"), rs.getString("body_text"), rs.getString("keywords"),
                rs.getString("regions"), rs.getString("source_policy"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), Revision.State.valueOf(rs.getString("state")),
                rs.getString("edited_by"), rs.getObject("edited_at", OffsetDateTime.class), rs.getString("submitted_by"),
                rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("review_comment"), rs.getInt("version"));
    }
}
