package org.openhotline.workorder.internal.appeals;

import java.time.Instant;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.model.Assignment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the judgment a unit appeals was made — the appeal window counts from it — and whether there is one at all:
 * a unit appeals what counts against it, not what might.
 */
@Component
class AppealJudgments {

    private final JdbcClient jdbc;

    AppealJudgments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Instant judgedAt(long workOrderId, Assignment a, AppealKind kind, Instant now) {
        return switch (kind) {
            case DISSATISFIED_CALLBACK -> jdbc.sql("""
                            select max(at) from wo_callback where work_order_id = ? and satisfaction = 'DISSATISFIED'""")
                    .param(workOrderId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
                    .orElseThrow(() -> DomainException.conflict("该工单没有“不满意”的回访结果，无需申诉"));
            case MISDIRECTED -> {
                Instant due = a.handleDueAt();
                Instant done = a.repliedAt() != null ? a.repliedAt() : now;
                if (due == null || !done.isAfter(due)) {
                    throw DomainException.conflict("该任务没有超过办理期限，无需申诉");
                }
                yield due;
            }
            case LATE_SIGN -> {
                if (a.signedAt() == null || a.signDueAt() == null || !a.signedAt().isAfter(a.signDueAt())) {
                    throw DomainException.conflict("该任务没有超时签收，无需申诉");
                }
                yield a.signedAt();
            }
        };
    }
}
