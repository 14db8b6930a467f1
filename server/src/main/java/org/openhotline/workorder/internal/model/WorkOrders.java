package org.openhotline.workorder.internal.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.AssignmentRole;
import org.openhotline.workorder.internal.values.AssignmentState;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.OrderState;
import org.openhotline.workorder.internal.values.Platform;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and stores the {@link WorkOrder} aggregate. {@link #save} writes the order first with a version check
 * (so a concurrent step fails before writing anything else), then assignments, requests, the timeline, timers
 * and the light, and publishes the step's events — all inside the caller's transaction.
 */
@Repository
public class WorkOrders {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;

    WorkOrders(JdbcClient jdbc, BusinessCalendar calendar, ApplicationEventPublisher publisher, JsonMapper json) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.publisher = publisher;
        this.json = json;
    }

    public WorkOrder load(long id) {
        WorkOrder o = jdbc.sql("""
                select w.*, c.path as category_tree from work_order w left join wo_category c on c.id = w.category_id
                 where w.id = ?""").param(id).query(WorkOrders::mapOrder).optional()
                .orElseThrow(() -> DomainException.notFound("工单不存在"));
        Map<Long, Assignment> byId = new HashMap<>();
        jdbc.sql("select * from wo_assignment where work_order_id = ? order by id").param(id).query(rs -> {
            Assignment a = mapAssignment(rs);
            byId.put(a.id, a);
            o.assignments.add(a);
        });
        jdbc.sql("select * from wo_request where work_order_id = ? order by id").param(id).query(rs -> {
            int rawAmount = rs.getInt("amount");
            Integer amount = rs.wasNull() ? null : rawAmount;
            String unit = rs.getString("unit");
            UnitRequest r = new UnitRequest(rs.getLong("id"), byId.get(rs.getLong("assignment_id")),
                    UnitRequest.Kind.valueOf(rs.getString("kind")), rs.getString("reason"), amount,
                    unit == null ? null : LimitUnit.valueOf(unit), rs.getString("state"), rs.getString("requested_by"),
                    instant(rs, "requested_at"));
            o.requests.add(r);
        });
        return o;
    }

    Long idOfNumber(String number) {
        return jdbc.sql("select id from work_order where number = ?").param(number).query(Long.class).optional().orElse(null);
    }

    /** Inserts a new order (number and id assigned here, the creation time as stored) and writes its first steps. */
    public void insert(WorkOrder o) {
        long[] ids = jdbc.sql("select nextval('work_order_id_seq'), nextval('wo_number_seq')")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        o.id = ids[0];
        long seq = ids[1];
        o.number = DateTimeFormatter.ofPattern("yyyyMMdd").format(o.createdAt.atZone(calendar.zone())) + String.format("%06d", seq);
        // The order row and its first timeline entries in one statement (issue 14: a round trip fewer per intake).
        o.createdAt = jdbc.sql("""
                with o as (
                insert into work_order (id, number, channel, appeal_type, urgency, category_id, region_id, region_path,
                       address, title, content, caller_name, caller_phone, caller_phone_index, anonymous, confidential,
                       call_id, state, stage_started_at, stage_due_at, due_at, owner_path, created_by, created_at, updated_at,
                       search_text, grams, version)
                values (:id, :number, :channel, :type, :urgency, :category, :region, :regionPath, :address, :title,
                        :content, :callerName, :callerPhone, :callerPhoneIndex, :anonymous, :confidential, :callId, :state, :stageStart,
                        :stageDue, :due, :owner,
                        :createdBy, :now, :now, :searchText, cast(:grams as text[]), 0)
                returning created_at),
                steps as (""" + INSERT_STEPS + """
                )
                select created_at from o""")
                .param("id", o.id).param("number", o.number).param("channel", o.channel.name())
                .param("type", o.appealType.name()).param("urgency", o.urgency.name()).param("category", o.categoryId)
                .param("region", o.regionId).param("regionPath", o.regionPath).param("address", PersonalData.seal(o.address))
                .param("title", o.title).param("content", o.content).param("callerName", PersonalData.seal(o.callerName))
                .param("callerPhone", PersonalData.seal(o.callerPhone))
                .param("callerPhoneIndex", PersonalData.phoneIndex(o.callerPhone))
                .param("anonymous", o.anonymous).param("confidential", o.confidential)
                .param("callId", o.callId).param("state", o.state.name()).param("owner", o.ownerPath)
                .param("stageStart", ts(o.stageStartedAt)).param("stageDue", ts(o.stageDueAt))
                .param("due", ts(o.dueAt())).param("createdBy", o.createdBy).param("now", ts(o.createdAt))
                .param("searchText", searchText(o)).param("grams", grams(o)).param("steps", steps(o))
                .query((rs, n) -> instant(rs, "created_at")).single(); // as stored: microseconds
        o.steps.clear();
        writeRest(o, 0, true);
    }

    public void save(WorkOrder o, Instant now) {
        int rows = jdbc.sql("""
                update work_order set state = :state, stage_light = :stageLight, stage_started_at = :stageStart,
                       stage_due_at = :stageDue, due_at = :due, content = :content, direct_reply = :directReply,
                       forwarded_to = :forwardedTo, closed_at = :closedAt, difficult = :difficult,
                       dissatisfied_count = :dissatisfied, urge_count = :urges, callback_attempts = :attempts,
                       supervised = :supervised,
                       supervise_due_at = :superviseDue, merged_into = :mergedInto, search_text = :searchText,
                       grams = cast(:grams as text[]), updated_at = :now, version = version + 1
                 where id = :id and version = :version""")
                .param("state", o.state.name()).param("stageLight", o.stageLight)
                .param("stageStart", ts(o.stageStartedAt)).param("stageDue", ts(o.stageDueAt))
                .param("due", ts(o.dueAt())).param("content", o.content).param("directReply", o.directReply)
                .param("forwardedTo", o.forwardedTo == null ? null : o.forwardedTo.name())
                .param("closedAt", ts(o.closedAt)).param("difficult", o.difficult)
                .param("dissatisfied", o.dissatisfiedCount).param("urges", o.urgeCount).param("attempts", o.callbackAttempts)
                .param("supervised", o.supervised).param("superviseDue", ts(o.superviseDueAt))
                .param("mergedInto", o.mergedInto).param("searchText", searchText(o)).param("grams", grams(o))
                .param("now", ts(now)).param("id", o.id).param("version", o.version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("工单 " + o.number + " 刚被他人处理过，请刷新后重试").with("code", "concurrent-update");
        }
        writeRest(o, o.version + 1, false);
    }

    /** Everything but the order row; subjects created in this step get their timers without a lookup first. */
    private void writeRest(WorkOrder o, int newVersion, boolean newOrder) {
        java.util.Set<Object> fresh = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (newOrder) {
            fresh.add(o);
        }
        for (Assignment a : o.assignments) {
            if (a.id == null) {
                insertAssignment(o, a);
                fresh.add(a);
                publisher.publishEvent(new org.openhotline.workorder.WorkOrderEvents.AssignmentCreated(o.id, a.id,
                        a.unitId, a.unitPath, a.role.name(), a.signDueAt, a.handleDueAt, a.assignedAt));
            } else {
                updateAssignment(a);
            }
        }
        for (UnitRequest r : o.requests) {
            if (r.id == null) {
                r.id = jdbc.sql("""
                        insert into wo_request (work_order_id, assignment_id, kind, reason, amount, unit, state,
                                                requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                        .params(o.id, r.assignment.id, r.kind.name(), r.reason, r.amount,
                                r.unit == null ? null : r.unit.name(), r.state, r.requestedBy, ts(r.requestedAt))
                        .query(Long.class).single();
            } else if (r.dirty) {
                jdbc.sql("update wo_request set state = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?")
                        .params(r.state, r.decidedBy, ts(r.decidedAt), r.decisionNote, r.id).update();
                r.dirty = false;
            }
        }
        for (WorkOrder.CallbackResult c : o.newCallbacks) {
            jdbc.sql("""
                    insert into wo_callback (work_order_id, resolved, satisfaction, note, by_user, by_name, at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(o.id, c.resolved(), c.satisfaction().name(), c.note(), c.by(), c.byName(), ts(c.at())).update();
        }
        o.newCallbacks.clear();
        if (!o.steps.isEmpty()) {
            jdbc.sql(INSERT_STEPS).param("id", o.id).param("steps", steps(o)).update();
        }
        for (WorkOrder.TimerCommand t : o.timers) {
            long subject = t.subject() instanceof Assignment a ? a.id : o.id;
            if (t.deadline() == null) {
                calendar.cancel(t.type(), subject);
            } else if (fresh.contains(t.subject())) {
                calendar.scheduleNew(t.type(), subject, t.deadline());
            } else {
                calendar.schedule(t.type(), subject, t.deadline());
            }
        }
        if (!newOrder) {
            jdbc.sql("select wo_refresh_light(?)").param(o.id).query(rs -> {});
        }
        o.events.forEach(publisher::publishEvent);
        o.steps.clear();
        o.events.clear();
        o.timers.clear();
        o.version = newVersion;
    }

    /** The step's timeline entries (JSON from {@link #steps}) in one statement, however many the step recorded. */
    private static final String INSERT_STEPS = """
            insert into wo_timeline (work_order_id, at, actor, actor_name, action, note, details)
            select :id, cast(s.step ->> 'at' as timestamptz), s.step ->> 'actor', s.step ->> 'actor_name',
                   s.step ->> 'action', s.step ->> 'note', s.step -> 'details'
              from jsonb_array_elements(cast(:steps as jsonb)) with ordinality as s(step, n)
             order by s.n""";

    private String steps(WorkOrder o) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WorkOrder.Step s : o.steps) {
            Map<String, Object> row = new HashMap<>();
            row.put("at", s.at().toString());
            row.put("actor", s.actor().username());
            row.put("actor_name", s.actor().name());
            row.put("action", s.action());
            row.put("note", s.note());
            row.put("details", s.details());
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    private void insertAssignment(WorkOrder o, Assignment a) {
        a.id = jdbc.sql("""
                insert into wo_assignment (work_order_id, unit_id, unit_path, unit_name, role, parent_id, state,
                       instruction, assigned_by, assigned_at, sign_due_at, handle_start_at, handle_due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(o.id, a.unitId, a.unitPath, a.unitName, a.role.name(), a.parentId, a.state.name(),
                        a.instruction, a.assignedBy, ts(a.assignedAt), ts(a.signDueAt), ts(a.handleStartAt),
                        ts(a.handleDueAt))
                .query(Long.class).single();
    }

    private void updateAssignment(Assignment a) {
        jdbc.sql("""
                update wo_assignment set state = ?, state_before = ?, sign_due_at = ?, handle_start_at = ?,
                       handle_due_at = ?, signed_at = ?, signed_by = ?, replied_at = ?, replied_by = ?, reply = ?,
                       cited_articles = cast(? as bigint[]), handle_light = ?, extensions = ?
                 where id = ?""")
                .params(a.state.name(), a.stateBefore == null ? null : a.stateBefore.name(), ts(a.signDueAt),
                        ts(a.handleStartAt), ts(a.handleDueAt), ts(a.signedAt), a.signedBy, ts(a.repliedAt),
                        a.repliedBy, a.reply, a.citedArticles.toArray(Long[]::new), a.handleLight, a.extensions, a.id)
                .update();
    }

    private static String searchText(WorkOrder o) {
        return TextGrams.searchText(o.number, o.title, o.content);
    }

    private static String[] grams(WorkOrder o) {
        return TextGrams.ofOrder(o.number, o.title, o.content, o.address, o.callerName);
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static WorkOrder mapOrder(ResultSet rs, int row) throws SQLException {
        WorkOrder o = new WorkOrder();
        o.id = rs.getLong("id");
        o.number = rs.getString("number");
        o.channel = Channel.valueOf(rs.getString("channel"));
        o.appealType = AppealType.valueOf(rs.getString("appeal_type"));
        o.urgency = Urgency.valueOf(rs.getString("urgency"));
        long category = rs.getLong("category_id");
        o.categoryId = rs.wasNull() ? null : category;
        String tree = rs.getString("category_tree");
        if (tree != null) {
            List<Long> path = new ArrayList<>(Arrays.stream(tree.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
            java.util.Collections.reverse(path);
            o.categoryPath = path;
        }
        long region = rs.getLong("region_id");
        o.regionId = rs.wasNull() ? null : region;
        o.regionPath = rs.getString("region_path");
        o.address = PersonalData.open(rs.getString("address"));
        o.title = rs.getString("title");
        o.content = rs.getString("content");
        o.callerName = PersonalData.open(rs.getString("caller_name"));
        o.callerPhone = PersonalData.open(rs.getString("caller_phone"));
        o.anonymous = rs.getBoolean("anonymous");
        o.confidential = rs.getBoolean("confidential");
        o.callId = rs.getString("call_id");
        o.state = OrderState.valueOf(rs.getString("state"));
        o.stageLight = rs.getString("stage_light");
        o.stageStartedAt = instant(rs, "stage_started_at");
        o.stageDueAt = instant(rs, "stage_due_at");
        o.ownerPath = rs.getString("owner_path");
        o.createdBy = rs.getString("created_by");
        o.createdAt = instant(rs, "created_at");
        o.directReply = rs.getString("direct_reply");
        String forwarded = rs.getString("forwarded_to");
        o.forwardedTo = forwarded == null ? null : Platform.valueOf(forwarded);
        o.closedAt = instant(rs, "closed_at");
        o.difficult = rs.getBoolean("difficult");
        o.dissatisfiedCount = rs.getInt("dissatisfied_count");
        o.urgeCount = rs.getInt("urge_count");
        o.callbackAttempts = rs.getInt("callback_attempts");
        o.supervised = rs.getBoolean("supervised");
        o.superviseDueAt = instant(rs, "supervise_due_at");
        long merged = rs.getLong("merged_into");
        o.mergedInto = rs.wasNull() ? null : merged;
        o.version = rs.getInt("version");
        return o;
    }

    private static Assignment mapAssignment(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        Assignment a = new Assignment(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"),
                rs.getString("unit_name"), AssignmentRole.valueOf(rs.getString("role")), parentId,
                AssignmentState.valueOf(rs.getString("state")), rs.getString("instruction"),
                rs.getString("assigned_by"), instant(rs, "assigned_at"));
        String before = rs.getString("state_before");
        a.stateBefore = before == null ? null : AssignmentState.valueOf(before);
        a.signDueAt = instant(rs, "sign_due_at");
        a.handleStartAt = instant(rs, "handle_start_at");
        a.handleDueAt = instant(rs, "handle_due_at");
        a.signedAt = instant(rs, "signed_at");
        a.signedBy = rs.getString("signed_by");
        a.repliedAt = instant(rs, "replied_at");
        a.repliedBy = rs.getString("replied_by");
        a.reply = rs.getString("reply");
        java.sql.Array cited = rs.getArray("cited_articles");
        a.citedArticles = cited == null ? List.of() : Arrays.stream((Long[]) cited.getArray()).toList();
        a.signLight = rs.getString("sign_light");
        a.handleLight = rs.getString("handle_light");
        a.extensions = rs.getInt("extensions");
        return a;
    }
}
