package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.quality.InspectionResults.InspectionScored;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_qc_fact} from quality's {@link InspectionScored}: one row per inspection, the latest score by the
 * event's own time (a second inspection's score replaces the first; a late duplicate of the first does not). A call's
 * inspection also marks its call fact {@code inspected} (质检率): a column only this listener writes, so the call's own
 * events, before or after, leave it alone.
 */
@Component
class QcFacts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    QcFacts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(InspectionScored e) {
        jdbc.sql("""
                insert into rpt_qc_fact (inspection_id, call_id, order_id, agent_id, score, fatal, scored_at, lost_items)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (inspection_id) do update set score = excluded.score, fatal = excluded.fatal,
                                                         scored_at = excluded.scored_at, lost_items = excluded.lost_items
                 where rpt_qc_fact.scored_at <= excluded.scored_at""")
                .params(e.inspectionId(), e.callId(), e.orderId(), e.agentId(), e.score(), e.fatal(), Timestamp.from(e.at()),
                        e.lostItems().toArray(String[]::new))
                .update();
        if (e.callId() != null) {
            jdbc.sql("""
                    insert into rpt_call_fact (call_id, inspected) values (?, true)
                    on conflict (call_id) do update set inspected = true""").param(e.callId()).update();
        }
        events.publishEvent(new FactsChanged(e.callId() == null ? "ORDER" : "CALL"));
    }
}
