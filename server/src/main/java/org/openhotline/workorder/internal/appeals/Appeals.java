package org.openhotline.workorder.internal.appeals;

import static org.openhotline.workorder.internal.model.WorkOrders.instant;
import static org.openhotline.workorder.internal.model.WorkOrders.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code wo_appeal}: one live appeal per order, unit and kind; decisions guarded by the appeal's version. */
@Repository
class Appeals {

    private final JdbcClient jdbc;

    Appeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Appeal a) {
        try {
            a.id = jdbc.sql("""
                    insert into wo_appeal (work_order_id, assignment_id, unit_id, unit_path, unit_name, kind, kpi_code,
                           reason, attachment_ids, judged_at, window_ends_at, state, submitted_by, submitted_name,
                           submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as bigint[]), ?, ?, ?, ?, ?, ?) returning id""")
                    .params(a.workOrderId, a.assignmentId, a.unitId, a.unitPath, a.unitName, a.kind.name(),
                            a.kind.kpiCode(), a.reason, a.attachmentIds.toArray(Long[]::new), ts(a.judgedAt),
                            ts(a.windowEndsAt), a.state.name(), a.submittedBy, a.submittedName, ts(a.submittedAt))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("本单位已就该工单的" + a.kind.label() + "提出过申诉（待审核或已成立）");
        }
    }

    Appeal load(long id) {
        return jdbc.sql("select * from wo_appeal where id = ?").param(id).query(Appeals::map).optional()
                .orElseThrow(() -> DomainException.notFound("申诉不存在"));
    }

    void update(Appeal a, int expectedVersion) {
        int rows = jdbc.sql("""
                update wo_appeal set state = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?, decided_by = ?,
                       decided_at = ?, decision_note = ?, regrade = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(a.state.name(), a.reviewedBy, ts(a.reviewedAt), a.reviewNote, a.decidedBy, ts(a.decidedAt),
                        a.decisionNote, a.regrade == null ? null : a.regrade.name(), a.id, expectedVersion)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该申诉已被他人处理，请刷新后重试").with("code", "stale-version");
        }
        a.version = expectedVersion + 1;
    }

    /**
     * A queue: {@code unitScope} the unit's own appeals (我的申诉), {@code orderScope} appeals on orders the hotline
     * user sees (申诉审核, 主管决定); {@code states} narrows by state, null for all.
     */
    PageResult<Map<String, Object>> page(String unitScope, String orderScope, List<String> states, Long workOrderId,
                                         int page, int size) {
        StringBuilder where = new StringBuilder(" from wo_appeal p join work_order w on w.id = p.work_order_id where true");
        Map<String, Object> params = new HashMap<>();
        if (unitScope != null) {
            where.append(" and p.unit_path like :unit || '%'");
            params.put("unit", unitScope);
        }
        if (orderScope != null) {
            where.append(" and w.owner_path like :owner || '%'");
            params.put("owner", orderScope);
        }
        if (states != null) {
            where.append(" and p.state in (:states)");
            params.put("states", states);
        }
        if (workOrderId != null) {
            where.append(" and p.work_order_id = :order");
            params.put("order", workOrderId);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", PageResult.offset(page, size));
        List<Map<String, Object>> rows = jdbc.sql("""
                select p.id, p.work_order_id as "workOrderId", w.number, w.title, p.assignment_id as "assignmentId",
                       p.unit_id as "unitId", p.unit_name as "unitName", p.kind, p.kpi_code as "kpiCode", p.reason,
                       p.attachment_ids as "attachmentIds", p.judged_at as "judgedAt",
                       p.window_ends_at as "windowEndsAt", p.state, p.submitted_name as "submittedName",
                       p.submitted_at as "submittedAt", p.review_note as "reviewNote", p.reviewed_at as "reviewedAt",
                       p.decision_note as "decisionNote", p.decided_at as "decidedAt", p.regrade, p.version""" + where
                        + " order by p.submitted_at desc, p.id desc limit :limit offset :offset")
                .params(params).query().listOfRows();
        rows.forEach(r -> {
            AppealKind kind = AppealKind.valueOf((String) r.get("kind"));
            r.put("kindLabel", kind.label());
            r.put("stateLabel", Appeal.State.valueOf((String) r.get("state")).label);
            r.put("regradeLabel", r.get("regrade") == null ? null : Satisfaction.valueOf((String) r.get("regrade")).label());
            Object ids = r.get("attachmentIds");
            try {
                r.put("attachmentIds", ids instanceof java.sql.Array arr ? Arrays.asList((Object[]) arr.getArray()) : List.of());
            } catch (SQLException e) {
                r.put("attachmentIds", List.of());
            }
        });
        return new PageResult<>(rows, total, page, size);
    }

    private static Appeal map(ResultSet rs, int n) throws SQLException {
        Appeal a = new Appeal();
        a.id = rs.getLong("id");
        a.workOrderId = rs.getLong("work_order_id");
        a.assignmentId = rs.getLong("assignment_id");
        a.unitId = rs.getLong("unit_id");
        a.unitPath = rs.getString("unit_path");
        a.unitName = rs.getString("unit_name");
        a.kind = AppealKind.valueOf(rs.getString("kind"));
        a.reason = rs.getString("reason");
        a.attachmentIds = Arrays.stream((Long[]) rs.getArray("attachment_ids").getArray()).toList();
        a.judgedAt = instant(rs, "judged_at");
        a.windowEndsAt = instant(rs, "window_ends_at");
        a.state = Appeal.State.valueOf(rs.getString("state"));
        a.submittedBy = rs.getString("submitted_by");
        a.submittedName = rs.getString("submitted_name");
        a.submittedAt = instant(rs, "submitted_at");
        a.reviewedBy = rs.getString("reviewed_by");
        a.reviewedAt = instant(rs, "reviewed_at");
        a.reviewNote = rs.getString("review_note");
        a.decidedBy = rs.getString("decided_by");
        a.decidedAt = instant(rs, "decided_at");
        a.decisionNote = rs.getString("decision_note");
        String regrade = rs.getString("regrade");
        a.regrade = regrade == null ? null : Satisfaction.valueOf(regrade);
        a.version = rs.getInt("version");
        return a;
    }
}
