package org.openhotline.knowledge.internal.errors;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code kb_error_report}; decisions are optimistic on version. */
@Repository
class ErrorReports {

    private static final String SELECT = """
            select r.id, r.article_id, a.title as article_title, r.kind, r.note, r.reporter_id, r.reporter_name,
                   r.reported_at, r.status, r.decided_by, r.decided_at, r.reject_reason, r.fixed_at, r.version
              from kb_error_report r join kb_article a on a.id = r.article_id""";

    private final JdbcClient jdbc;

    ErrorReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long articleId, ErrorReport.Kind kind, String note, long reporterId, String reporterName,
                OffsetDateTime at) {
        return jdbc.sql("""
                insert into kb_error_report (article_id, kind, note, reporter_id, reporter_name, reported_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(articleId, kind.name(), note, reporterId, reporterName, at).query(Long.class).single();
    }

    Optional<ErrorReport> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(ErrorReport.class).optional();
    }

    ErrorReport get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("纠错不存在"));
    }

    List<ErrorReport> ofReporter(long reporterId) {
        return jdbc.sql(SELECT + " where r.reporter_id = ? order by r.reported_at desc, r.id desc limit 200")
                .param(reporterId).query(ErrorReport.class).list();
    }

    /** Reports of a status in the given columns, oldest first (the editors' queue). */
    List<ErrorReport> inColumns(Collection<Long> categoryIds, ErrorReport.Status status) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.status = :status and a.category_id in (:cats) order by r.reported_at, r.id limit 200")
                .param("status", status.name()).param("cats", categoryIds).query(ErrorReport.class).list();
    }

    void decide(ErrorReport r) {
        int rows = jdbc.sql("""
                update kb_error_report set status = ?, decided_by = ?, decided_at = ?, reject_reason = ?,
                       version = version + 1
                 where id = ? and version = ?""")
                .params(r.status().name(), r.decidedBy(), r.decidedAt(), r.rejectReason(), r.id(), r.version())
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该纠错已被他人处理，请刷新后重试");
        }
    }

    /** Marks the article's accepted reports fixed; answers them as they were (to publish their change). */
    List<ErrorReport> fixed(long articleId, OffsetDateTime at) {
        List<ErrorReport> accepted = jdbc.sql(SELECT + " where r.article_id = ? and r.status = 'ACCEPTED'")
                .param(articleId).query(ErrorReport.class).list();
        jdbc.sql("update kb_error_report set status = 'FIXED', fixed_at = ?, version = version + 1 where article_id = ? and status = 'ACCEPTED'")
                .params(at, articleId).update();
        return accepted;
    }

    record Timeliness(long reports, long fixed, long fixedInTime, long overdue, Double rate) {}

    /** 知识库更新及时率 over reports made in [from, to): fixed within the limit ÷ (fixed, or open past the limit). */
    Timeliness timeliness(OffsetDateTime from, OffsetDateTime to, OffsetDateTime now, long limitSeconds) {
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where fixed_at is not null),
                       count(*) filter (where fixed_at <= reported_at + make_interval(secs => :limit)),
                       count(*) filter (where fixed_at is null and reported_at + make_interval(secs => :limit) < :now)
                  from kb_error_report
                 where reported_at >= :from and reported_at < :to and status <> 'REJECTED'""")
                .param("from", from).param("to", to).param("now", now).param("limit", limitSeconds)
                .query((rs, n) -> {
                    long counted = rs.getLong(2) + rs.getLong(4);
                    return new Timeliness(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            counted == 0 ? null : Math.round(rs.getLong(3) * 10000.0 / counted) / 100.0);
                }).single();
    }
}
