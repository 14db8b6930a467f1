package org.openhotline.workorder.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.organization.Organization;
import org.openhotline.shared.Masking;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.categories.Categories;
import org.openhotline.workorder.internal.values.AssignmentState;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order detail screen: fields, assignments with deadlines and lights, requests, callbacks and timeline. */
@Repository
public class OrderDetails {

    record AssignmentView(long id, long unitId, String unitName, String role, String roleLabel, Long parentId,
                          String state, String stateLabel, String instruction, Instant assignedAt, Instant signDueAt,
                          Instant handleDueAt, Instant signedAt, Instant repliedAt, String reply, List<Long> citedArticleIds,
                          String signLight, String handleLight, String light, int extensions, boolean mine) {}

    record RequestView(long id, long assignmentId, String unitName, String kind, String reason, Integer amount,
                       String unit, String state, String requestedBy, Instant requestedAt, String decidedBy,
                       Instant decidedAt, String decisionNote) {}

    record TimelineEntry(long id, Instant at, String actor, String actorName, String action, String note, JsonNode details) {}

    record AttachmentView(long id, String name, String contentType, long size, String uploadedBy, Instant uploadedAt) {}

    record CallbackView(Instant at, String byUser, String byName, boolean resolved, String satisfaction, String satisfactionLabel, String note) {}

    public record Detail(long id, String number, String state, String stateLabel, String light, String channel,
                  String channelLabel, String appealType, String appealTypeLabel, String urgency, String urgencyLabel,
                  Long categoryId, String categoryName, Long regionId, String regionName, String address, String title,
                  String content, String callerName, String callerPhone, boolean anonymous, boolean confidential,
                  String callId, String createdBy, Instant createdAt, Instant stageDueAt, String directReply,
                  String forwardedTo, Instant closedAt, boolean difficult, int dissatisfiedCount, int urgeCount,
                  boolean supervised, Instant superviseDueAt, int callbackAttempts, String mergedIntoNumber, boolean followed, boolean mayUnmask, boolean mayUnitUnmask, boolean mayUnitCall,
                  int version, List<AssignmentView> assignments, List<RequestView> requests,
                  List<CallbackView> callbacks, List<AttachmentView> attachments, List<TimelineEntry> timeline) {}

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Organization organization;
    private final JsonMapper json;

    OrderDetails(JdbcClient jdbc, Categories categories, Organization organization, JsonMapper json) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.organization = organization;
        this.json = json;
    }

    /** {@code unitsMayUnmask}: the admin's setting letting a handling unit look at the full number (audited). */
    public Detail of(WorkOrder o, StaffPrincipal viewer, boolean unitsMayUnmask) {
        return of(o, viewer, unitsMayUnmask, false);
    }

    /** {@code unitsMayCall}: the admin chose click-to-call (平台代拨) for units instead of showing them the number. */
    public Detail of(WorkOrder o, StaffPrincipal viewer, boolean unitsMayUnmask, boolean unitsMayCall) {
        boolean mayUnmask = viewer.can("phone:unmask");
        boolean mayUnitCall = unitsMayCall && !mayUnmask && o.state.isOpen() && viewer.can("workorder:handle")
                && o.callerPhone != null && o.assignments.stream().anyMatch(a -> a.isActive() && viewer.sees(a.unitPath));
        boolean mayUnitUnmask = unitsMayUnmask && !mayUnmask && !o.confidential && viewer.can("workorder:handle")
                && o.assignments.stream().anyMatch(a -> viewer.sees(a.unitPath));
        String name = o.callerName;
        String phone = Masking.phone(o.callerPhone);
        if (o.confidential && !mayUnmask) {
            name = name == null ? null : "（保密）";
            phone = null;
        }
        List<AssignmentView> assignments = o.assignments().stream().map(a -> new AssignmentView(a.id, a.unitId(),
                a.unitName, a.role.name(), a.role.label(), a.parentId, a.state.name(), a.state.label(), a.instruction,
                a.assignedAt, a.signDueAt, a.handleDueAt, a.signedAt, a.repliedAt, a.reply, a.citedArticles,
                a.signLight, a.handleLight, currentLight(a), a.extensions, viewer.sees(a.unitPath()))).toList();
        List<RequestView> requests = o.requests.stream().map(r -> new RequestView(r.id, r.assignment.id,
                r.assignment.unitName, r.kind().name(), r.reason, r.amount, r.unit == null ? null : r.unit.label(), r.state,
                r.requestedBy, r.requestedAt, r.decidedBy, r.decidedAt, r.decisionNote)).toList();
        List<CallbackView> callbacks = jdbc.sql("select * from wo_callback where work_order_id = ? order by id")
                .param(o.id()).query((rs, n) -> {
                    Satisfaction s = Satisfaction.valueOf(rs.getString("satisfaction"));
                    String byName = rs.getString("by_name");
                    return new CallbackView(WorkOrders.instant(rs, "at"), rs.getString("by_user"),
                            byName == null ? rs.getString("by_user") : byName,
                            rs.getBoolean("resolved"), s.name(), s.label(), rs.getString("note"));
                }).list();
        List<TimelineEntry> timeline = jdbc.sql("select * from wo_timeline where work_order_id = ? order by id")
                .param(o.id()).query((rs, n) -> new TimelineEntry(rs.getLong("id"), WorkOrders.instant(rs, "at"),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"), rs.getString("note"),
                        json.readTree(rs.getString("details")))).list();
        List<AttachmentView> attachments = jdbc.sql("""
                select id, name, content_type, size, uploaded_by, uploaded_at from wo_attachment
                 where work_order_id = ? order by id""").param(o.id())
                .query((rs, n) -> new AttachmentView(rs.getLong("id"), rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("uploaded_by"), WorkOrders.instant(rs, "uploaded_at"))).list();
        boolean followed = jdbc.sql("select exists(select 1 from wo_follow where account_id = ? and work_order_id = ?)")
                .params(viewer.accountId(), o.id()).query(Boolean.class).single();
        String mergedInto = o.mergedInto == null ? null
                : jdbc.sql("select number from work_order where id = ?").param(o.mergedInto).query(String.class).single();
        String light = jdbc.sql("select light from work_order where id = ?").param(o.id()).query(String.class).single();
        String regionName = o.regionId == null ? null : organization.node(o.regionId).map(n -> n.name()).orElse(null);
        return new Detail(o.id(), o.number(), o.state().name(), o.state().label(), light, o.channel.name(), o.channel.label(),
                o.appealType.name(), o.appealType.label(), o.urgency.name(), o.urgency.label(), o.categoryId,
                categories.pathNames(o.categoryId), o.regionId, regionName, o.address, o.title, o.content, name, phone,
                o.anonymous, o.confidential, o.callId, o.createdBy, o.createdAt, o.stageDueAt, o.directReply,
                o.forwardedTo == null ? null : o.forwardedTo.label(), o.closedAt, o.difficult, o.dissatisfiedCount,
                o.urgeCount, o.supervised, o.superviseDueAt, o.callbackAttempts, mergedInto, followed, mayUnmask, mayUnitUnmask, mayUnitCall, o.version(), assignments,
                requests, callbacks, attachments, timeline);
    }

    static String currentLight(Assignment a) {
        if (!a.isActive()) {
            return "GREEN";
        }
        String sign = a.state == AssignmentState.PENDING_SIGN ? a.signLight : "GREEN";
        return rank(sign) >= rank(a.handleLight) ? sign : a.handleLight;
    }

    private static int rank(String light) {
        return Map.of("RED", 2, "YELLOW", 1).getOrDefault(light, 0);
    }
}
