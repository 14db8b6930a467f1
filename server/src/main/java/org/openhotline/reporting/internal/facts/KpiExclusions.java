package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.workorder.WorkOrderEvents.AppealDecided;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An upheld appeal (工单申诉) takes its order out of the KPI it names for the appealing unit: one row in
 * {@code rpt_exclusion}, keyed by the appeal, so a redelivered event changes nothing; one that regraded a dissatisfied
 * callback (改判) keeps it in the KPI with the decided grade instead. A rejected appeal changes no figure.
 * The order's and its assignments' {@code excluded_kpis} follow ({@link OrderKpiColumns}, under the order's lock).
 */
@Component
class KpiExclusions {

    private final JdbcClient jdbc;

    KpiExclusions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AppealDecided e) {
        if (!e.upheld()) {
            return;
        }
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_exclusion (appeal_id, order_id, unit_id, kpi_code, reason, decided_by, at, kind, regrade)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (appeal_id) do nothing""")
                .params(e.appealId(), e.workOrderId(), e.unitId(), e.kpiCode(), e.reason(), e.decidedBy(),
                        Timestamp.from(e.at()), e.kind(), e.regrade())
                .update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }
}
