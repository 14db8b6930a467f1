package org.openhotline.workorder.internal;

import java.util.List;
import org.openhotline.calendar.TimerFired;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the calendar's timers into lights: an assignment's sign or handling light, or the order's own stage light
 * (dispatch, callback). Listens synchronously, inside the transaction that marks the timer fired, so the light,
 * its timeline entry and the event commit together with the timer. Plain SQL without the version check: a light
 * is not a user's step and must never make a user's step fail.
 */
@Component
class LightWatch {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LightWatch(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(TimerFired t) {
        switch (t.subjectType()) {
            case "wo.sign" -> assignment(t, "sign_light", List.of("PENDING_SIGN"), "签收");
            case "wo.handle" -> assignment(t, "handle_light", List.of("PENDING_SIGN", "HANDLING", "RETURN_REQUESTED"), "办理");
            case "wo.stage" -> stage(t);
            case "wo.supervise" -> supervisionDue(t);
            default -> { }
        }
    }

    private void assignment(TimerFired t, String column, List<String> activeStates, String what) {
        var changed = jdbc.sql("update wo_assignment set " + column + " = :light where id = :id and state in (:active)"
                        + " and wo_light_rank(" + column + ") < wo_light_rank(:light) returning work_order_id, unit_name")
                .param("light", t.light()).param("id", t.subjectId()).param("active", activeStates)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).optional();
        changed.ifPresent(row -> changed(row.getKey(), t.subjectId(), what.equals("签收") ? "SIGN" : "HANDLE", t,
                row.getValue() + what + (t.light().equals("RED") ? "已超时（红灯）" : "即将到期（黄灯）")));
    }

    private void stage(TimerFired t) {
        var changed = jdbc.sql("""
                update work_order set stage_light = :light
                 where id = :id and state in ('PENDING_DISPATCH', 'PENDING_CALLBACK') and stage_due_at = :deadline
                   and wo_light_rank(stage_light) < wo_light_rank(:light)
                returning state""")
                .param("light", t.light()).param("id", t.subjectId()).param("deadline", WorkOrders.ts(t.deadlineAt()))
                .query(String.class).optional();
        changed.ifPresent(state -> {
            String what = state.equals("PENDING_DISPATCH") ? "派单" : "回访";
            changed(t.subjectId(), null, state.equals("PENDING_DISPATCH") ? "DISPATCH" : "CALLBACK", t,
                    what + (t.light().equals("RED") ? "已超时（红灯）" : "即将到期（黄灯）"));
        });
    }

    /** A supervision deadline passed on an open order: the timeline says so (the light is the units'). */
    private void supervisionDue(TimerFired t) {
        if (!t.light().equals("RED")) {
            return;
        }
        boolean open = jdbc.sql("""
                select exists(select 1 from work_order where id = ? and supervised and supervise_due_at = ?
                   and state in ('PENDING_REVIEW', 'PENDING_DISPATCH', 'HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK'))""")
                .params(t.subjectId(), WorkOrders.ts(t.deadlineAt())).query(Boolean.class).single();
        if (open) {
            jdbc.sql("""
                    insert into wo_timeline (work_order_id, at, actor, actor_name, action, note, details)
                    values (?, ?, 'system', '系统', 'supervision-due', '督办期限已到，工单仍未办结', '{}'::jsonb)""")
                    .params(t.subjectId(), WorkOrders.ts(t.firedAt())).update();
            events.publishEvent(new WorkOrderLightChanged(t.subjectId(), null, "SUPERVISE", "RED", t.firedAt()));
        }
    }

    private void changed(long orderId, Long assignmentId, String stage, TimerFired t, String note) {
        jdbc.sql("select wo_refresh_light(?)").param(orderId).query(rs -> {});
        jdbc.sql("""
                insert into wo_timeline (work_order_id, at, actor, actor_name, action, note, details)
                values (?, ?, 'system', '系统', ?, ?, cast(? as jsonb))""")
                .params(orderId, WorkOrders.ts(t.firedAt()), t.light().equals("RED") ? "light-red" : "light-yellow", note,
                        "{\"stage\":\"" + stage + "\",\"deadline\":\"" + t.deadlineAt() + "\"}")
                .update();
        events.publishEvent(new WorkOrderLightChanged(orderId, assignmentId, stage, t.light(), t.firedAt()));
    }
}
