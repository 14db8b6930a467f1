package org.openhotline.reporting.internal.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import org.openhotline.quality.InspectionResults.InspectionScored;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 有理由投诉 found by quality inspection become the operator assessment's complaint entries (source QC), one per
 * inspection, in the month of the finding: a second inspection's finding replaces the first, a withdrawn one removes
 * it. Later findings win by the event's own time, so a late duplicate changes nothing (ADR 004).
 */
@Component
class QcComplaints {

    private final JdbcClient jdbc;
    private final Clock clock;

    QcComplaints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InspectionScored e) {
        if (e.complaint() == null) {
            jdbc.sql("delete from rpt_agent_adjustment where inspection_id = ? and source = 'QC' and created_at <= ?")
                    .params(e.inspectionId(), Timestamp.from(e.at())).update();
            return;
        }
        String month = YearMonth.from(e.at().atZone(clock.getZone())).toString();
        String note = "质检发现（质检记录 " + e.inspectionId() + (e.callId() != null ? "，通话 " + e.callId() : "")
                + (e.orderId() != null ? "，工单 " + e.orderId() : "") + "）";
        jdbc.sql("""
                insert into rpt_agent_adjustment (agent_id, month, kind, note, source, created_by, created_at, inspection_id)
                values (?, ?, ?, ?, 'QC', 'quality', ?, ?)
                on conflict (inspection_id) where inspection_id is not null do update
                   set kind = excluded.kind, month = excluded.month, note = excluded.note, created_at = excluded.created_at
                 where rpt_agent_adjustment.created_at <= excluded.created_at""")
                .params(e.agentId(), month, e.complaint(), note, Timestamp.from(e.at()), e.inspectionId()).update();
    }
}
