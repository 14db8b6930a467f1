package org.openhotline.workorder.internal.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.AssignmentRole;
import org.openhotline.workorder.internal.values.AssignmentState;
import org.openhotline.workorder.internal.values.OrderState;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.internal.model.TextGrams;

/**
 * The lists behind the workbenches: a unit's tasks by box (待签收/办理中/已办结/我关注的), the requests waiting for
 * the hotline, the supervisor's counts, a caller's history and possible duplicates at intake.
 */
@Repository
public class Workbenches {

    public record UnitTask(long assignmentId, long workOrderId, String number, String title, String appealTypeLabel,
                    String urgency, String urgencyLabel, String role, String roleLabel, String unitName, String state,
                    String stateLabel, String orderState, Instant assignedAt, Instant signDueAt, Instant handleDueAt,
                    String light, int urgeCount, boolean supervised, int version) {}

    public record PendingRequest(long id, long workOrderId, String number, String title, long assignmentId, String unitName,
                          String kind, String reason, Integer amount, String unitLabel, String requestedBy,
                          Instant requestedAt, Instant handleDueAt, int version) {}

    public record Board(long red, long yellow, long urged, long difficult, long supervised, long pendingDispatch,
                 long pendingCallback) {}

    private static final Map<String, String> BOXES = Map.of(
            "TO_SIGN", "a.state = 'PENDING_SIGN'",
            "HANDLING", "a.state in ('HANDLING', 'RETURN_REQUESTED')",
            "DONE", "a.state in ('REPLIED', 'TRANSFERRED', 'RETURNED', 'CLOSED')",
            "FOLLOWED", "exists (select 1 from wo_follow f where f.work_order_id = w.id and f.account_id = :me)");

    private final JdbcClient jdbc;

    Workbenches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of a box. {@code q} narrows it to an order number or a piece of title, content or address (the address by its keyed
     * grams, it is sealed; not the caller, whom a unit may not see): a unit's boxes are small, so a substring scan within its scope is enough.
     */
    public PageResult<UnitTask> unitTasks(String box, String q, StaffPrincipal who, int page, int size) {
        String filter = BOXES.getOrDefault(box, BOXES.get("TO_SIGN"));
        String where = " from wo_assignment a join work_order w on w.id = a.work_order_id where a.unit_path like :scope || '%' and "
                + filter;
        Map<String, Object> p = new HashMap<>(Map.of("scope", who.orgPath(), "me", who.accountId()));
        if (q != null && !q.isBlank()) {
            // the address is sealed: its keyed grams stand in for a substring test (ADR 041)
            String[] place = PersonalData.keyedGrams(TextGrams.of(q.strip()));
            where += " and (w.number = :q or w.title like :like or w.content like :like"
                    + (place.length > 0 ? " or w.grams @> cast(:place as text[])" : "") + ")";
            p.put("place", place);
            p.put("q", q.strip());
            p.put("like", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        p.put("limit", PageResult.clampSize(size));
        p.put("offset", PageResult.offset(page, PageResult.clampSize(size)));
        String order = box != null && box.equals("DONE") ? "a.replied_at desc nulls last, a.id desc"
                : "case a.state when 'PENDING_SIGN' then a.sign_due_at else a.handle_due_at end asc, a.id";
        List<UnitTask> items = jdbc.sql("select a.*, w.number, w.title, w.appeal_type, w.urgency, w.state as order_state, "
                        + "w.urge_count, w.supervised, w.version" + where + " order by " + order + " limit :limit offset :offset")
                .params(p).query((rs, n) -> {
                    AssignmentState s = AssignmentState.valueOf(rs.getString("state"));
                    AssignmentRole role = AssignmentRole.valueOf(rs.getString("role"));
                    Urgency u = Urgency.valueOf(rs.getString("urgency"));
                    String sign = s == AssignmentState.PENDING_SIGN ? rs.getString("sign_light") : "GREEN";
                    String handle = s.isActive() ? rs.getString("handle_light") : "GREEN";
                    String light = sign.equals("RED") || handle.equals("RED") ? "RED"
                            : sign.equals("YELLOW") || handle.equals("YELLOW") ? "YELLOW" : "GREEN";
                    return new UnitTask(rs.getLong("id"), rs.getLong("work_order_id"), rs.getString("number"),
                            rs.getString("title"), AppealType.valueOf(rs.getString("appeal_type")).label(), u.name(),
                            u.label(), role.name(), role.label(), rs.getString("unit_name"), s.name(), s.label(),
                            OrderState.valueOf(rs.getString("order_state")).label(), WorkOrders.instant(rs, "assigned_at"),
                            WorkOrders.instant(rs, "sign_due_at"), WorkOrders.instant(rs, "handle_due_at"), light,
                            rs.getInt("urge_count"), rs.getBoolean("supervised"), rs.getInt("version"));
                }).list();
        return new PageResult<>(items, total, Math.max(page, 1), PageResult.clampSize(size));
    }

    public List<PendingRequest> pendingRequests(String kind, StaffPrincipal who) {
        return jdbc.sql("""
                select r.*, w.number, w.title, w.version, a.unit_name, a.handle_due_at from wo_request r
                  join work_order w on w.id = r.work_order_id join wo_assignment a on a.id = r.assignment_id
                 where r.state = 'PENDING' and r.kind = :kind and w.owner_path like :scope || '%'
                 order by r.requested_at limit 200""")
                .param("kind", kind).param("scope", who.orgPath())
                .query((rs, n) -> {
                    int amount = rs.getInt("amount");
                    Integer amountOrNull = rs.wasNull() ? null : amount;
                    String unit = rs.getString("unit");
                    return new PendingRequest(rs.getLong("id"), rs.getLong("work_order_id"), rs.getString("number"),
                            rs.getString("title"), rs.getLong("assignment_id"), rs.getString("unit_name"),
                            rs.getString("kind"), rs.getString("reason"), amountOrNull,
                            unit == null ? null : org.openhotline.calendar.LimitUnit.valueOf(unit).label(),
                            rs.getString("requested_by"), WorkOrders.instant(rs, "requested_at"),
                            WorkOrders.instant(rs, "handle_due_at"), rs.getInt("version"));
                }).list();
    }

    public Board board(StaffPrincipal who) {
        return jdbc.sql("""
                select count(*) filter (where light = 'RED') as red, count(*) filter (where light = 'YELLOW') as yellow,
                       count(*) filter (where urge_count > 0) as urged, count(*) filter (where difficult) as difficult,
                       count(*) filter (where supervised) as supervised,
                       count(*) filter (where state = 'PENDING_DISPATCH') as pending_dispatch,
                       count(*) filter (where state = 'PENDING_CALLBACK') as pending_callback
                  from work_order
                 where owner_path like :scope || '%'
                   and state in ('PENDING_REVIEW', 'PENDING_DISPATCH', 'HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK')""")
                .param("scope", who.orgPath())
                .query((rs, n) -> new Board(rs.getLong("red"), rs.getLong("yellow"), rs.getLong("urged"),
                        rs.getLong("difficult"), rs.getLong("supervised"), rs.getLong("pending_dispatch"),
                        rs.getLong("pending_callback"))).single();
    }

    public List<OrderRow> callerHistory(String phone, StaffPrincipal who) {
        return jdbc.sql("select " + OrderRow.COLUMNS + " from work_order w " + OrderRow.MAIN_JOIN + " " + """
                 where w.caller_phone_index = :phone and w.owner_path like :scope || '%'
                 order by w.created_at desc limit 20""")
                .param("phone", PersonalData.phoneIndex(phone)).param("scope", who.orgPath()).param("me", who.accountId())
                .query((rs, n) -> OrderRow.map(rs, who)).list();
    }

    /** These orders as list rows, those outside the viewer's scope left out, in the order of {@code ids}. */
    public List<OrderRow> rows(java.util.Collection<Long> ids, StaffPrincipal who) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = jdbc.sql("select " + OrderRow.COLUMNS + " from work_order w " + OrderRow.MAIN_JOIN + " " + """
                 where w.id in (:ids) and w.owner_path like :scope || '%'""")
                .param("ids", ids).param("scope", who.orgPath()).param("me", who.accountId())
                .query((rs, n) -> OrderRow.map(rs, who)).list();
        Map<Long, OrderRow> byId = new HashMap<>();
        found.forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
