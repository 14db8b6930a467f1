package org.openhotline.quality.internal.inspections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.callcenter.CallsForInspection;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.quality.MachineFlags;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.Masking;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.OrdersForInspection;
import org.openhotline.workorder.OrdersOfCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists and the detail of inspections as each role sees them: the inspector's tasks, the agent's own results
 * (我的质检), a team leader's agents' results, the appeals waiting for a second inspection; calibration tasks are
 * blind — only their inspector and the QC lead see them.
 */
@Component
class InspectionViews {

    record Row(long id, String state, String callId, Long orderId, long agentId, String agentName, String agentNo,
               long inspectorId, String inspectorName, String stratum, Instant dueAt, BigDecimal score, boolean fatal,
               Instant submittedAt, Instant appealDueAt, Instant appealedAt, Long planId, Long calibrationId,
               String templateName, int version) {}

    record Step(Instant at, String actor, String action, String detail) {}

    record Detail(Row inspection, Templates.TemplateVersion template, Map<String, Answer> answers, List<Comment> comments,
                  String summary, BigDecimal firstScore, String appealReason, String reviewReason, Long reviewerId,
                  List<Step> steps, CallsForInspection.AnsweredCall call, OrdersOfCalls.CallOrder order,
                  List<MachineFlags.Flag> flags, boolean mayScore, boolean mayAppeal, boolean mayReview, String complaint) {}

    private static final String SELECT = """
            select i.id, i.state, i.call_id, i.order_id, i.agent_id, i.inspector_id, i.stratum, i.due_at, i.score, i.fatal,
                   i.submitted_at, i.appeal_due_at, i.appealed_at, i.plan_id, i.calibration_id, t.name as template_name, i.version
              from qc_inspection i join qc_template_version v on v.id = i.template_version_id join qc_template t on t.id = v.template_id
            """;
    private static final String RESULTS = "('SUBMITTED', 'CONFIRMED', 'APPEALED', 'REVIEWED')";

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Templates templates;
    private final InspectionStore store;
    private final CallsForInspection calls;
    private final OrdersOfCalls orders;
    private final OrdersForInspection recordedOrders;
    private final ObjectProvider<MachineFlags> flags;
    private final java.time.Clock clock;

    InspectionViews(JdbcClient jdbc, StaffDirectory staff, Templates templates, InspectionStore store,
                    CallsForInspection calls, OrdersOfCalls orders, ObjectProvider<MachineFlags> flags, java.time.Clock clock,
                    OrdersForInspection recordedOrders) {
        this.recordedOrders = recordedOrders;
        this.clock = clock;
        this.jdbc = jdbc;
        this.staff = staff;
        this.templates = templates;
        this.store = store;
        this.calls = calls;
        this.orders = orders;
        this.flags = flags;
    }

    List<Row> list(String scope, String state, StaffPrincipal me) {
        String where;
        Object param;
        switch (scope) {
            case "tasks" -> {
                need(me, "qc:inspect");
                where = "i.inspector_id = :p";
                param = me.accountId();
            }
            case "mine" -> {
                need(me, "call:agent");
                where = "i.agent_id = :p and i.calibration_id is null and i.state in " + RESULTS;
                param = me.accountId();
            }
            case "team" -> {
                need(me, "call:monitor");
                List<Long> agents = staff.agentIdsUnder(me.orgPath());
                where = "i.agent_id = any(:p) and i.calibration_id is null and i.state in " + RESULTS;
                param = agents.toArray(Long[]::new);
            }
            case "appeals" -> {
                if (!me.can("qc:lead") && !me.can("qc:inspect")) {
                    throw DomainException.forbidden("没有二次质检的权限");
                }
                where = "i.state = 'APPEALED' and i.inspector_id <> :p";
                param = me.accountId();
            }
            default -> throw DomainException.badRequest("scope 应为 tasks、mine、team 或 appeals");
        }
        if (state != null && !state.isBlank()) {
            try {
                Inspection.State.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("未知的状态：" + state);
            }
        }
        List<Row> rows = jdbc.sql(SELECT + " where " + where + " " + """
                 and (cast(:state as varchar) is null or i.state = cast(:state as varchar))
                 order by coalesce(i.appealed_at, i.submitted_at, i.due_at) desc nulls last, i.id desc limit 500""")
                .param("p", param).param("state", state == null || state.isBlank() ? null : state)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), rs.getLong(5),
                        null, null, rs.getLong(6), null, rs.getString(7), InspectionStore.instant(rs, "due_at"), rs.getBigDecimal(9),
                        rs.getBoolean(10), InspectionStore.instant(rs, "submitted_at"), InspectionStore.instant(rs, "appeal_due_at"),
                        InspectionStore.instant(rs, "appealed_at"), (Long) rs.getObject(14), (Long) rs.getObject(15),
                        rs.getString(16), rs.getInt(17)))
                .list();
        return named(rows);
    }

    Detail detail(long id, StaffPrincipal me) {
        Inspection i = store.load(id);
        boolean inspector = i.inspectorId == me.accountId();
        boolean lead = me.can("qc:lead");
        boolean submitted = i.state != Inspection.State.ASSIGNED && i.state != Inspection.State.DRAFT;
        boolean reviewer = (i.state == Inspection.State.APPEALED && me.can("qc:inspect") && !inspector)
                || (i.reviewerId != null && i.reviewerId == me.accountId());
        boolean agent = i.agentId == me.accountId() && submitted && !i.calibration();
        boolean teamLeader = me.can("call:monitor") && submitted && !i.calibration()
                && staff.agentIdsUnder(me.orgPath()).contains(i.agentId);
        if (!(inspector || lead || reviewer || agent || teamLeader)) {
            throw DomainException.forbidden("无权查看该质检记录");
        }
        Row row = named(jdbc.sql(SELECT + " where i.id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), rs.getLong(5),
                        null, null, rs.getLong(6), null, rs.getString(7), InspectionStore.instant(rs, "due_at"), rs.getBigDecimal(9),
                        rs.getBoolean(10), InspectionStore.instant(rs, "submitted_at"), InspectionStore.instant(rs, "appeal_due_at"),
                        InspectionStore.instant(rs, "appealed_at"), (Long) rs.getObject(14), (Long) rs.getObject(15),
                        rs.getString(16), rs.getInt(17))).list()).getFirst();
        List<Step> steps = jdbc.sql("select at, actor, action, detail from qc_step where inspection_id = ? order by at, id")
                .param(id).query((rs, n) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        var call = i.callId == null ? null : calls.byId(i.callId).map(c -> me.can("phone:unmask") ? c
                : new CallsForInspection.AnsweredCall(c.callId(), c.agentId(), c.agentNo(), Masking.phone(c.caller()), c.arrivedAt(),
                c.answeredAt(), c.endedAt(), c.satisfaction(), c.transferred(), c.hasRecording(), c.firstAnsweredByAgent())).orElse(null);
        // a call inspection shows the order recorded from the call; a work-order inspection the order itself
        var order = i.callId != null ? orders.ofCalls(List.of(i.callId)).stream().findFirst().orElse(null)
                : i.orderId == null ? null : recordedOrders.byId(i.orderId).orElse(null);
        var machine = i.callId == null || !(inspector || lead || reviewer) ? List.<MachineFlags.Flag>of()
                : flags.getIfAvailable(() -> MachineFlags.NONE).ofCall(i.callId);
        boolean mayAppeal = agent && i.state == Inspection.State.SUBMITTED && i.appealDueAt != null
                && !clock.instant().isAfter(i.appealDueAt);
        return new Detail(row, templates.version(i.templateVersionId), i.answers, i.comments, i.summary, i.firstScore,
                i.appealReason, i.reviewReason, i.reviewerId, steps, call, order, machine,
                inspector && !submitted, mayAppeal, i.state == Inspection.State.APPEALED && !inspector && (lead || me.can("qc:inspect")),
                i.complaint);
    }

    private List<Row> named(List<Row> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.agentId());
            ids.add(r.inspectorId());
        });
        Map<Long, StaffDirectory.Staff> people = staff.byIds(ids).stream()
                .collect(Collectors.toMap(StaffDirectory.Staff::accountId, Function.identity()));
        return rows.stream().map(r -> {
            var a = people.get(r.agentId());
            var q = people.get(r.inspectorId());
            return new Row(r.id(), r.state(), r.callId(), r.orderId(), r.agentId(), a == null ? null : a.displayName(),
                    a == null ? null : a.agentNo(), r.inspectorId(), q == null ? null : q.displayName(), r.stratum(), r.dueAt(),
                    r.score(), r.fatal(), r.submittedAt(), r.appealDueAt(), r.appealedAt(), r.planId(), r.calibrationId(),
                    r.templateName(), r.version());
        }).toList();
    }

    private static void need(StaffPrincipal me, String permission) {
        if (!me.can(permission)) {
            throw DomainException.forbidden("没有查看该列表的权限");
        }
    }
}
