package org.openhotline.workorder.internal.timelimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.TimerFired;
import org.openhotline.calendar.TimersFired;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the calendar's timers into lights: an assignment's sign or handling light, or the order's own stage light
 * (dispatch, callback). Listens synchronously, inside the transaction that marks the timers fired, so the lights,
 * their timeline entries and events commit together with the timers. Set-based SQL per batch (a light only ever
 * gets worse, and never for a finished assignment or a moved deadline), without the version check: a light is
 * not a user's step and must never make a user's step fail.
 */
@Component
class LightWatch {

    private static final List<String> ACTIVE = List.of("PENDING_SIGN", "HANDLING", "RETURN_REQUESTED");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LightWatch(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Change(long orderId, Long assignmentId, String stage, String light, String note) {}

    @EventListener
    void on(TimersFired batch) {
        if (batch.timers().isEmpty()) {
            return;
        }
        Instant firedAt = batch.timers().getFirst().firedAt();
        List<Change> changes = new ArrayList<>();
        changes.addAll(assignments(worst(batch, "wo.sign"), "sign_light", List.of("PENDING_SIGN"), "SIGN", "签收"));
        changes.addAll(assignments(worst(batch, "wo.handle"), "handle_light", ACTIVE, "HANDLE", "办理"));
        changes.addAll(stages(worst(batch, "wo.stage")));
        changes.addAll(supervisions(worst(batch, "wo.supervise")));
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("select wo_refresh_lights(cast(:ids as bigint[]))")
                .param("ids", changes.stream().map(Change::orderId).distinct().toArray(Long[]::new)).query(rs -> {});
        jdbc.sql("""
                insert into wo_timeline (work_order_id, at, actor, actor_name, action, note, details)
                select t.id, :at, 'system', '系统', t.action, t.note, jsonb_build_object('stage', t.stage)
                  from unnest(cast(:ids as bigint[]), cast(:actions as text[]), cast(:notes as text[]),
                              cast(:stages as text[])) as t(id, action, note, stage)""")
                .param("at", WorkOrders.ts(firedAt))
                .param("ids", changes.stream().map(Change::orderId).toArray(Long[]::new))
                .param("actions", changes.stream().map(c -> c.stage().equals("SUPERVISE") ? "supervision-due"
                        : c.light().equals("RED") ? "light-red" : "light-yellow").toArray(String[]::new))
                .param("notes", changes.stream().map(Change::note).toArray(String[]::new))
                .param("stages", changes.stream().map(Change::stage).toArray(String[]::new))
                .update();
        for (Change c : changes) {
            events.publishEvent(new WorkOrderLightChanged(c.orderId(), c.assignmentId(), c.stage(), c.light(), firedAt));
        }
    }

    /** The worst light per subject of one type in the batch (after downtime yellow and red come together). */
    private static Map<Long, TimerFired> worst(TimersFired batch, String type) {
        Map<Long, TimerFired> bySubject = new LinkedHashMap<>();
        for (TimerFired t : batch.timers()) {
            if (t.subjectType().equals(type)) {
                bySubject.merge(t.subjectId(), t, (a, b) -> b.light().equals("RED") ? b : a);
            }
        }
        return bySubject;
    }

    private List<Change> assignments(Map<Long, TimerFired> timers, String column, List<String> states, String stage,
                                     String what) {
        if (timers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("update wo_assignment a set " + column + " = t.light"
                        + " from unnest(cast(:ids as bigint[]), cast(:lights as text[])) as t(id, light)"
                        + " where a.id = t.id and a.state in (:states) and wo_light_rank(a." + column + ") < wo_light_rank(t.light)"
                        + " returning a.work_order_id, a.id, a.unit_name, t.light")
                .param("ids", timers.keySet().toArray(Long[]::new))
                .param("lights", timers.values().stream().map(TimerFired::light).toArray(String[]::new))
                .param("states", states)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), stage, rs.getString(4),
                        rs.getString(3) + what + (rs.getString(4).equals("RED") ? "已超时（红灯）" : "即将到期（黄灯）")))
                .list();
    }

    private List<Change> stages(Map<Long, TimerFired> timers) {
        if (timers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update work_order w set stage_light = t.light
                  from unnest(cast(:ids as bigint[]), cast(:lights as text[]), cast(:deadlines as timestamptz[]))
                       as t(id, light, deadline)
                 where w.id = t.id and w.state in ('PENDING_DISPATCH', 'PENDING_CALLBACK') and w.stage_due_at = t.deadline
                   and wo_light_rank(w.stage_light) < wo_light_rank(t.light)
                returning w.id, w.state, t.light""")
                .param("ids", timers.keySet().toArray(Long[]::new))
                .param("lights", timers.values().stream().map(TimerFired::light).toArray(String[]::new))
                .param("deadlines", timers.values().stream().map(t -> t.deadlineAt().toString()).toArray(String[]::new))
                .query((rs, n) -> {
                    boolean dispatch = rs.getString(2).equals("PENDING_DISPATCH");
                    String light = rs.getString(3);
                    return new Change(rs.getLong(1), null, dispatch ? "DISPATCH" : "CALLBACK", light,
                            (dispatch ? "派单" : "回访") + (light.equals("RED") ? "已超时（红灯）" : "即将到期（黄灯）"));
                }).list();
    }

    /** A supervision deadline passed on an open order: the timeline says so (the light is the units'). */
    private List<Change> supervisions(Map<Long, TimerFired> timers) {
        List<Change> changes = new ArrayList<>();
        for (TimerFired t : timers.values()) {
            if (!t.light().equals("RED")) {
                continue;
            }
            boolean open = jdbc.sql("""
                    select exists(select 1 from work_order where id = ? and supervised and supervise_due_at = ?
                       and state in ('PENDING_REVIEW', 'PENDING_DISPATCH', 'HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK'))""")
                    .params(t.subjectId(), WorkOrders.ts(t.deadlineAt())).query(Boolean.class).single();
            if (open) {
                changes.add(new Change(t.subjectId(), null, "SUPERVISE", "RED", "督办期限已到，工单仍未办结"));
            }
        }
        return changes;
    }
}
