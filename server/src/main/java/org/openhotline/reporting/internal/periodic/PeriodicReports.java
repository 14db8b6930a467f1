package org.openhotline.reporting.internal.periodic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The kept periodic reports ({@code rpt_periodic_report}): one per kind and period. The row guards its state: a
 * report is generated once per period unless regenerated, its commentary is edited only as a draft and with the
 * version the editor saw, and publishing freezes the document.
 */
@Component
class PeriodicReports {

    record Report(long id, PeriodKind kind, String kindLabel, String title, LocalDate from, LocalDate to,
                  LocalDate dueOn, String state, int progress, String commentary, String error,
                  OffsetDateTime generatedAt, OffsetDateTime publishedAt, String publishedBy, int version) {}

    private static final String COLUMNS = """
            id, kind, period_from, period_to, due_on, state, progress, commentary, error, generated_at, published_at,
            published_by, version""";

    private static final RowMapper<Report> ROW = (rs, n) -> {
        PeriodKind kind = PeriodKind.valueOf(rs.getString("kind"));
        LocalDate from = rs.getObject("period_from", LocalDate.class);
        return new Report(rs.getLong("id"), kind, kind.label(), kind.title(from), from,
                rs.getObject("period_to", LocalDate.class), rs.getObject("due_on", LocalDate.class), rs.getString("state"),
                rs.getInt("progress"), rs.getString("commentary"), rs.getString("error"),
                rs.getObject("generated_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
                rs.getString("published_by"), rs.getInt("version"));
    };

    private final JdbcClient jdbc;
    private final Clock clock;

    PeriodicReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Report> list(boolean drafts) {
        return jdbc.sql("select " + COLUMNS + " from rpt_periodic_report where ? or state = 'PUBLISHED'"
                        + " order by period_from desc, id desc limit 300")
                .param(drafts).query(ROW).list();
    }

    Optional<Report> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rpt_periodic_report where id = ?").param(id).query(ROW).optional();
    }

    Report required(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("分析报告不存在：" + id));
    }

    Optional<Report> find(PeriodKind kind, LocalDate from) {
        return jdbc.sql("select " + COLUMNS + " from rpt_periodic_report where kind = ? and period_from = ?")
                .params(kind.name(), from).query(ROW).optional();
    }

    /** The new report's id, or empty when the period already has one (generated once, whoever asks first). */
    Optional<Long> claim(PeriodKind kind, LocalDate from, LocalDate dueOn) {
        return jdbc.sql("""
                insert into rpt_periodic_report (kind, period_from, period_to, due_on, state, created_at)
                values (?, ?, ?, ?, 'GENERATING', ?) on conflict (kind, period_from) do nothing returning id""")
                .params(kind.name(), from, kind.end(from), dueOn, OffsetDateTime.now(clock)).query(Long.class).optional();
    }

    /** Back to generating (a regeneration returns a published report to draft); 409 while one is running. */
    void restart(long id) {
        int n = jdbc.sql("""
                update rpt_periodic_report set state = 'GENERATING', progress = 0, error = null, document = null,
                       published_at = null, published_by = null, version = version + 1
                 where id = ? and state <> 'GENERATING'""").param(id).update();
        if (n == 0) {
            required(id);
            throw DomainException.conflict("报告正在生成中，请稍候");
        }
    }

    void progress(long id, int percent) {
        jdbc.sql("update rpt_periodic_report set progress = ? where id = ? and state = 'GENERATING'").params(percent, id).update();
    }

    void generated(long id, String contentJson) {
        jdbc.sql("""
                update rpt_periodic_report set state = 'DRAFT', progress = 100, content = ?, generated_at = ?,
                       version = version + 1 where id = ?""")
                .params(contentJson, OffsetDateTime.now(clock), id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("update rpt_periodic_report set state = 'FAILED', error = ?, version = version + 1 where id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, id).update();
    }

    String content(long id) {
        return jdbc.sql("select content from rpt_periodic_report where id = ?").param(id).query(String.class).optional()
                .orElse(null);
    }

    Optional<byte[]> document(long id) {
        return jdbc.sql("select document from rpt_periodic_report where id = ? and document is not null").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void comment(long id, int version, String commentary) {
        int n = jdbc.sql("""
                update rpt_periodic_report set commentary = ?, version = version + 1
                 where id = ? and version = ? and state = 'DRAFT'""").params(commentary, id, version).update();
        if (n == 0) {
            refuse(required(id), version, "修改分析意见");
        }
    }

    void publish(long id, int version, String by, byte[] document) {
        int n = jdbc.sql("""
                update rpt_periodic_report set state = 'PUBLISHED', document = ?, published_at = ?, published_by = ?,
                       version = version + 1 where id = ? and version = ? and state = 'DRAFT'""")
                .params(document, OffsetDateTime.now(clock), by, id, version).update();
        if (n == 0) {
            refuse(required(id), version, "发布");
        }
    }

    /** 409 unless {@code r} is a draft at {@code version}. */
    static void editable(Report r, int version, String action) {
        if (!"DRAFT".equals(r.state()) || r.version() != version) {
            refuse(r, version, action);
        }
    }

    private static void refuse(Report r, int version, String action) {
        if (r.version() != version) {
            throw DomainException.conflict("报告已被他人修改，请刷新后再" + action);
        }
        throw DomainException.conflict(switch (r.state()) {
            case "PUBLISHED" -> "报告已发布，不能再" + action;
            case "GENERATING" -> "报告正在生成中，请稍候再" + action;
            default -> "报告生成失败，请重新生成后再" + action;
        });
    }
}
