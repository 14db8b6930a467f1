package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import java.time.Instant;
import org.openhotline.workorder.WorkOrderEvents.AssignmentCreated;
import org.openhotline.workorder.WorkOrderEvents.AssignmentReopened;
import org.openhotline.workorder.WorkOrderEvents.AssignmentReplied;
import org.openhotline.workorder.WorkOrderEvents.AssignmentSigned;
import org.openhotline.workorder.WorkOrderEvents.CallbackRecorded;
import org.openhotline.workorder.WorkOrderEvents.ExtensionDecided;
import org.openhotline.workorder.WorkOrderEvents.ReturnDecided;
import org.openhotline.workorder.WorkOrderEvents.ReturnRequested;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderClosed;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderCreated;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderDispatched;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderMarkedDifficult;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderRepliedDirectly;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderReopened;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderSupervised;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderUrged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the order, assignment and callback facts from the work-order events. Like {@link CallFacts}, every write is
 * an upsert that gives the same row whatever the order and number of deliveries.
 */
@Component
class OrderFacts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderFacts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private void changed() {
        events.publishEvent(new FactsChanged("ORDER"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /**
     * A new order's fact is written with its recomputed columns in the same statement (facts of its assignments or
     * callbacks may have been written first: listeners run in any order); the creation changes no assignment fact,
     * so unlike the other listeners it recomputes nothing else — two statements per new order fewer (issue 14).
     */
    @ApplicationModuleListener
    void on(WorkOrderCreated e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_order_fact (order_id, number, channel, appeal_type, urgency, category_id, region_id,
                                            region_path, created_at, %1$s)
                values (:id, :number, :channel, :appealType, :urgency, :categoryId, :regionId, :regionPath, :at, %2$s)
                on conflict (order_id) do update set number = excluded.number, channel = excluded.channel,
                    appeal_type = excluded.appeal_type, urgency = excluded.urgency, category_id = excluded.category_id,
                    region_id = excluded.region_id, region_path = excluded.region_path, created_at = excluded.created_at,
                    main_reply_at = excluded.main_reply_at, first_signed_at = excluded.first_signed_at,
                    first_callback_at = excluded.first_callback_at, excluded_kpis = excluded.excluded_kpis"""
                        .formatted(OrderKpiColumns.ORDER_COLUMNS, OrderKpiColumns.orderValues(":id")))
                .param("id", e.workOrderId()).param("number", e.number()).param("channel", e.channel())
                .param("appealType", e.appealType()).param("urgency", e.urgency())
                .param("categoryId", e.categoryId(), java.sql.Types.BIGINT)
                .param("regionId", e.regionId(), java.sql.Types.BIGINT)
                .param("regionPath", e.regionPath(), java.sql.Types.VARCHAR).param("at", ts(e.at()))
                .update();
        changed();
    }

    @ApplicationModuleListener
    void on(WorkOrderRepliedDirectly e) {
        orderTime(e.workOrderId(), "direct_reply_at", "least", e.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderDispatched e) {
        orderTime(e.workOrderId(), "first_dispatched_at", "least", e.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderClosed e) {
        orderTime(e.workOrderId(), "closed_at", "greatest", e.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderMarkedDifficult e) {
        orderTime(e.workOrderId(), "difficult_at", "least", e.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderSupervised e) {
        orderTime(e.workOrderId(), "supervised_at", "least", e.at());
    }

    /** Lights of a stage or an assignment; the supervision's due notice is no light and is left out. */
    @ApplicationModuleListener
    void on(WorkOrderLightChanged e) {
        if (!"SUPERVISE".equals(e.stage())) {
            jdbc.sql("insert into rpt_light_fact (order_id, stage, light, at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(e.workOrderId(), e.stage(), e.light(), ts(e.at())).update();
            changed();
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderReopened e) {
        orderCount(e.workOrderId(), "reopen_count", e.dissatisfiedCount());
    }

    @ApplicationModuleListener
    void on(WorkOrderUrged e) {
        orderCount(e.workOrderId(), "urge_count", e.urgeCount());
    }

    /** {@code column} and {@code pick} are constants of this class, never input. */
    private void orderTime(long orderId, String column, String pick, Instant at) {
        OrderKpiColumns.lock(jdbc, orderId);
        jdbc.sql("insert into rpt_order_fact (order_id, %1$s) values (?, ?) on conflict (order_id) do update set %1$s = %2$s(rpt_order_fact.%1$s, excluded.%1$s)"
                .formatted(column, pick)).params(orderId, ts(at)).update();
        OrderKpiColumns.refresh(jdbc, orderId);
    }

    private void orderCount(long orderId, String column, int count) {
        OrderKpiColumns.lock(jdbc, orderId);
        jdbc.sql("insert into rpt_order_fact (order_id, %1$s) values (?, ?) on conflict (order_id) do update set %1$s = greatest(rpt_order_fact.%1$s, excluded.%1$s)"
                .formatted(column)).params(orderId, count).update();
        OrderKpiColumns.refresh(jdbc, orderId);
    }

    @ApplicationModuleListener
    void on(AssignmentCreated e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_assignment_fact (assignment_id, order_id, unit_id, unit_path, role, assigned_at,
                                                 sign_due_at, handle_due_at, due_set_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (assignment_id) do update set order_id = excluded.order_id, unit_id = excluded.unit_id,
                    unit_path = excluded.unit_path, role = excluded.role, assigned_at = excluded.assigned_at,
                    sign_due_at = excluded.sign_due_at,
                    handle_due_at = case when rpt_assignment_fact.due_set_at > excluded.due_set_at
                                         then rpt_assignment_fact.handle_due_at else excluded.handle_due_at end,
                    due_set_at = greatest(rpt_assignment_fact.due_set_at, excluded.due_set_at)""")
                .params(e.assignmentId(), e.workOrderId(), e.unitId(), e.unitPath(), e.role(), ts(e.at()),
                        ts(e.signDueAt()), ts(e.handleDueAt()), ts(e.at()))
                .update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    @ApplicationModuleListener
    void on(AssignmentSigned e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_assignment_fact (assignment_id, order_id, signed_at) values (?, ?, ?)
                on conflict (assignment_id) do update set signed_at = least(rpt_assignment_fact.signed_at, excluded.signed_at)""")
                .params(e.assignmentId(), e.workOrderId(), ts(e.at())).update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    /** The latest reply stands, unless the assignment was reopened after it. */
    @ApplicationModuleListener
    void on(AssignmentReplied e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_assignment_fact (assignment_id, order_id, replied_at) values (?, ?, ?)
                on conflict (assignment_id) do update set replied_at = case
                    when rpt_assignment_fact.reopened_at >= excluded.replied_at then rpt_assignment_fact.replied_at
                    else greatest(rpt_assignment_fact.replied_at, excluded.replied_at) end""")
                .params(e.assignmentId(), e.workOrderId(), ts(e.at())).update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    @ApplicationModuleListener
    void on(AssignmentReopened e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        newDue(e.assignmentId(), e.workOrderId(), e.handleDueAt(), e.at());
        jdbc.sql("""
                update rpt_assignment_fact set reopened_at = greatest(reopened_at, ?),
                       replied_at = case when replied_at <= ? then null else replied_at end
                 where assignment_id = ?""")
                .params(ts(e.at()), ts(e.at()), e.assignmentId()).update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    @ApplicationModuleListener
    void on(ExtensionDecided e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        if (e.approved()) {
            newDue(e.assignmentId(), e.workOrderId(), e.newDueAt(), e.at());
            decision(e.assignmentId(), "EXTENSION_APPROVED", e.at());
        }
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    /** When the unit asked to return: 及时退单率 compares it with the sign-for deadline. */
    @ApplicationModuleListener
    void on(ReturnRequested e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        decision(e.assignmentId(), "RETURN_REQUESTED", e.at());
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    @ApplicationModuleListener
    void on(ReturnDecided e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        if (e.approved()) {
            jdbc.sql("""
                    insert into rpt_assignment_decision (assignment_id, kind, at, reason) values (?, 'RETURN_APPROVED', ?, ?)
                    on conflict (assignment_id, kind, at) do update
                        set reason = coalesce(excluded.reason, rpt_assignment_decision.reason)""")
                    .params(e.assignmentId(), ts(e.at()), e.reason()).update();
        }
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }

    private void newDue(long assignmentId, long orderId, Instant due, Instant at) {
        jdbc.sql("""
                insert into rpt_assignment_fact (assignment_id, order_id, handle_due_at, due_set_at) values (?, ?, ?, ?)
                on conflict (assignment_id) do update set
                    handle_due_at = case when rpt_assignment_fact.due_set_at > excluded.due_set_at
                                         then rpt_assignment_fact.handle_due_at else excluded.handle_due_at end,
                    due_set_at = greatest(rpt_assignment_fact.due_set_at, excluded.due_set_at)""")
                .params(assignmentId, orderId, ts(due), ts(at)).update();
    }

    private void decision(long assignmentId, String kind, Instant at) {
        jdbc.sql("insert into rpt_assignment_decision (assignment_id, kind, at) values (?, ?, ?) on conflict do nothing")
                .params(assignmentId, kind, ts(at)).update();
    }

    @ApplicationModuleListener
    void on(CallbackRecorded e) {
        OrderKpiColumns.lock(jdbc, e.workOrderId());
        jdbc.sql("""
                insert into rpt_callback_fact (order_id, at, resolved, satisfaction) values (?, ?, ?, ?)
                on conflict (order_id, at) do nothing""")
                .params(e.workOrderId(), ts(e.at()), e.resolved(), e.satisfaction()).update();
        OrderKpiColumns.refresh(jdbc, e.workOrderId());
    }
}
