package org.openhotline.workorder.internal.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.PipeRequests;
import org.openhotline.workorder.internal.model.Assignment;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.UnitRequest;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PipeRequests} on the work-order aggregate: a decision is the same step our dispatcher's would be. */
@Component
class PipeUnitRequests implements PipeRequests {

    private final WorkOrders orders;
    private final OrderDeadlines deadlines;
    private final OrderAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    PipeUnitRequests(WorkOrders orders, OrderDeadlines deadlines, OrderAccess access, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Pending> pending(long orderId, long assignmentId) {
        return jdbc.sql("""
                select r.id, r.assignment_id, r.kind, r.reason, r.amount, r.unit, r.requested_by, r.requested_at,
                       a.unit_name
                  from wo_request r join wo_assignment a on a.id = r.assignment_id
                 where r.work_order_id = ? and r.assignment_id = ? and r.state = 'PENDING'
                 order by r.id desc limit 1""").params(orderId, assignmentId)
                .query((rs, n) -> {
                    int amount = rs.getInt("amount");
                    String unit = rs.getString("unit");
                    return new Pending(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("kind"),
                            rs.getString("reason"), rs.wasNull() ? null : amount, unit,
                            unit == null ? null : LimitUnit.valueOf(unit).label(), rs.getString("unit_name"),
                            rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant());
                }).optional();
    }

    @Override
    @Transactional
    public boolean decide(long orderId, long requestId, boolean approve, String note, String by) {
        WorkOrder o = orders.load(orderId);
        UnitRequest r = o.request(requestId);
        Instant now = clock.instant();
        Actor actor = new Actor("exchange", by);
        String state = jdbc.sql("select state from wo_request where id = ?").param(requestId).query(String.class).single();
        if (!state.equals("PENDING")) {
            o.annotate(actor, now, "exchange-request-decided", by + (approve ? "同意" : "驳回") + "该申请（本平台已先行处理："
                    + (state.equals("APPROVED") ? "已同意" : "已驳回") + "）" + (note == null || note.isBlank() ? "" : "：" + note),
                    java.util.Map.of("requestId", requestId), null);
            orders.save(o, now);
            return false;
        }
        String decidedNote = by + "审核" + (note == null || note.isBlank() ? "" : "：" + note);
        if (r.kind() == UnitRequest.Kind.RETURN) {
            o.decideReturn(r, approve, decidedNote, actor, now, deadlines);
        } else {
            o.decideExtension(r, approve, decidedNote, actor, now, deadlines);
        }
        orders.save(o, now);
        if (approve && r.kind() == UnitRequest.Kind.EXTENSION) {
            long assignmentId = jdbc.sql("select assignment_id from wo_request where id = ?").param(requestId)
                    .query(Long.class).single();
            Assignment a = o.assignment(assignmentId);
            // The platform granted the time: its own due time moves with ours, or the cap would undo the extension.
            jdbc.sql("update wo_external_deadline set handle_due_at = greatest(handle_due_at, ?) where work_order_id = ?")
                    .params(WorkOrders.ts(a.handleDueAt()), orderId).update();
        }
        return true;
    }

    @Override
    public boolean visible(long orderId, StaffPrincipal who) {
        try {
            access.requireVisible(orders.load(orderId), who);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }
}
