package org.openhotline.quality.internal.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link Inspection}s; a write checks the version it read (two people at once → 409). */
@Component
class InspectionStore {

    static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};
    static final TypeReference<List<Comment>> COMMENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InspectionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Inspection load(long id) {
        return jdbc.sql("select * from qc_inspection where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> DomainException.notFound("质检任务不存在"));
    }

    void update(Inspection i) {
        int n = jdbc.sql("""
                update qc_inspection set state = :state, answers = cast(:answers as jsonb), comments = cast(:comments as jsonb),
                       summary = :summary, score = :score, fatal = :fatal, first_score = :firstScore, submitted_at = :submittedAt,
                       appeal_due_at = :appealDueAt, appeal_reason = :appealReason, appealed_at = :appealedAt,
                       reviewer_id = :reviewerId, review_reason = :reviewReason, reviewed_at = :reviewedAt, complaint = :complaint,
                       version = version + 1
                 where id = :id and version = :version""")
                .param("state", i.state.name()).param("answers", json.writeValueAsString(i.answers))
                .param("comments", json.writeValueAsString(i.comments)).param("summary", i.summary)
                .param("score", i.score).param("fatal", i.fatal).param("firstScore", i.firstScore)
                .param("submittedAt", ts(i.submittedAt)).param("appealDueAt", ts(i.appealDueAt))
                .param("appealReason", i.appealReason).param("appealedAt", ts(i.appealedAt))
                .param("reviewerId", i.reviewerId).param("reviewReason", i.reviewReason).param("reviewedAt", ts(i.reviewedAt))
                .param("complaint", i.complaint)
                .param("id", i.id).param("version", i.version).update();
        if (n == 0) {
            throw DomainException.conflict("该质检任务已被他人修改，请刷新后重试");
        }
    }

    void step(long inspectionId, Instant at, String actor, String action, String detail) {
        jdbc.sql("insert into qc_step (inspection_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(inspectionId, ts(at), actor, action, detail).update();
    }

    private Inspection row(ResultSet rs, int n) throws SQLException {
        Inspection i = new Inspection(rs.getLong("id"), (Long) rs.getObject("plan_id"), (Long) rs.getObject("calibration_id"),
                rs.getLong("template_version_id"), rs.getString("call_id"), (Long) rs.getObject("order_id"),
                rs.getLong("agent_id"), rs.getLong("inspector_id"), rs.getInt("version"),
                Inspection.State.valueOf(rs.getString("state")));
        i.answers = json.readValue(rs.getString("answers"), ANSWERS);
        i.comments = json.readValue(rs.getString("comments"), COMMENTS);
        i.summary = rs.getString("summary");
        i.score = rs.getBigDecimal("score");
        i.fatal = rs.getBoolean("fatal");
        i.firstScore = rs.getBigDecimal("first_score");
        i.submittedAt = instant(rs, "submitted_at");
        i.appealDueAt = instant(rs, "appeal_due_at");
        i.appealReason = rs.getString("appeal_reason");
        i.appealedAt = instant(rs, "appealed_at");
        i.reviewerId = (Long) rs.getObject("reviewer_id");
        i.reviewReason = rs.getString("review_reason");
        i.reviewedAt = instant(rs, "reviewed_at");
        i.complaint = rs.getString("complaint");
        return i;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
