package org.openhotline.reporting.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiRollupFill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every fact from the owners' read-only {@code rpt_source_*} views (ADR 004), in one transaction that
 * locks the fact tables first: listeners delivering events meanwhile wait and then apply them to the rebuilt facts,
 * which changes nothing they already contain.
 */
@Service
public class FactRebuild {

    /** Each fact table and the statement that fills it from the owners' views. */
    private static final Map<String, String> FILLS = new LinkedHashMap<>();

    static {
        FILLS.put("rpt_call_fact", """
                insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, group_id, offered_at, agent_id,
                                           answered_at, ended_at, abandon_point, satisfaction)
                select call_id, direction, arrived_at, queued_at, group_id, offered_at, agent_id, answered_at, ended_at,
                       abandon_point, satisfaction from rpt_source_call""");
        FILLS.put("rpt_agent_state_fact", """
                insert into rpt_agent_state_fact (account_id, started_at, state, ended_at, next_state)
                select account_id, started_at, state,
                       lead(started_at) over (partition by account_id order by started_at),
                       lead(state) over (partition by account_id order by started_at)
                  from (select distinct on (account_id, started_at) account_id, started_at, state
                          from rpt_source_agent_state order by account_id, started_at) s""");
        FILLS.put("rpt_order_fact", """
                insert into rpt_order_fact (order_id, number, channel, appeal_type, urgency, category_id, region_id,
                       region_path, created_at, direct_reply_at, first_dispatched_at, closed_at, reopen_count, urge_count,
                       difficult_at, supervised_at)
                select order_id, number, channel, appeal_type, urgency, category_id, region_id, region_path, created_at,
                       direct_reply_at, first_dispatched_at, closed_at, reopen_count, urge_count, difficult_at, supervised_at
                  from rpt_source_order""");
        FILLS.put("rpt_assignment_fact", """
                insert into rpt_assignment_fact (assignment_id, order_id, unit_id, unit_path, role, assigned_at,
                       sign_due_at, handle_due_at, signed_at, replied_at)
                select assignment_id, order_id, unit_id, unit_path, role, assigned_at, sign_due_at, handle_due_at,
                       signed_at, replied_at from rpt_source_assignment""");
        FILLS.put("rpt_assignment_decision", """
                insert into rpt_assignment_decision (assignment_id, kind, at, reason)
                select assignment_id, kind, at, reason from rpt_source_assignment_decision on conflict do nothing""");
        FILLS.put("rpt_callback_fact", """
                insert into rpt_callback_fact (order_id, at, resolved, satisfaction)
                select order_id, at, resolved, satisfaction from rpt_source_callback on conflict do nothing""");
        FILLS.put("rpt_light_fact", """
                insert into rpt_light_fact (order_id, stage, light, at)
                select order_id, stage, light, at from rpt_source_light on conflict do nothing""");
        FILLS.put("rpt_voicemail_fact", """
                insert into rpt_voicemail_fact (voicemail_id, call_id, group_id, left_at, seconds, task_id, handled_at)
                select voicemail_id, call_id, group_id, left_at, seconds, task_id, handled_at from rpt_source_voicemail""");
        FILLS.put("rpt_qc_fact", """
                insert into rpt_qc_fact (inspection_id, call_id, order_id, agent_id, score, fatal, scored_at, lost_items)
                select inspection_id, call_id, order_id, agent_id, score, fatal, scored_at, lost_items from rpt_source_qc""");
        FILLS.put("rpt_adherence_fact", """
                insert into rpt_adherence_fact (account_id, day, day_start, scheduled_s, adhering_s, signed_in_s, closed_at)
                select account_id, day, day_start, scheduled_s, adhering_s, signed_in_s, closed_at from rpt_source_adherence""");
        FILLS.put("rpt_exclusion", """
                insert into rpt_exclusion (appeal_id, order_id, unit_id, kpi_code, reason, decided_by, at, kind, regrade)
                select appeal_id, order_id, unit_id, kpi_code, reason, decided_by, at, kind, regrade from rpt_source_exclusion""");
        FILLS.put("rpt_chat_fact", """
                insert into rpt_chat_fact (chat_id, source, group_id, agent_id, offered_at, answered_at, abandoned_at,
                                           ended_at, ended_by, messages, order_id, rating)
                select chat_id, source, group_id, agent_id, offered_at, answered_at, abandoned_at, ended_at, ended_by,
                       messages, order_id, rating from rpt_source_chat""");
    }

    /**
     * A call's QC results mark it {@code inspected} as QcFacts does — with a row of its own when the call has no
     * facts (yet), the one QcFacts writes when the inspection's event comes before the call's.
     */
    private static final String INSPECTED = """
            insert into rpt_call_fact (call_id, inspected)
            select distinct call_id, true from rpt_qc_fact where call_id is not null
            on conflict (call_id) do update set inspected = true""";

    private final JdbcClient jdbc;
    private final KpiRollupFill rollups;

    FactRebuild(JdbcClient jdbc, KpiRollupFill rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** Rows per fact table after the rebuild. */
    @Transactional
    public Map<String, Integer> rebuild() {
        jdbc.sql("lock table " + String.join(", ", FILLS.keySet()) + " in exclusive mode").update();
        Map<String, Integer> rows = new LinkedHashMap<>();
        FILLS.forEach((table, fill) -> {
            jdbc.sql("delete from " + table).update();
            rows.put(table, jdbc.sql(fill).update());
        });
        // the KPI columns kept on the rows from other facts, by the listeners' own statements
        jdbc.sql(INSPECTED).update();
        OrderKpiColumns.refreshAll(jdbc);
        // and the daily rollups of the KPIs from the rebuilt facts
        rollups.refillAll();
        return rows;
    }
}
