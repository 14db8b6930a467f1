package org.openhotline.workorder.internal.model;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openhotline.organization.OrgNode;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderCreated;
import org.openhotline.workorder.internal.categories.Categories;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.Platform;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates orders from any channel and finishes intake in one of the five ways (004): direct reply, send for
 * review, dispatch, collaboration (dispatch with assisting units), forward to another platform. With an
 * {@code Idempotency-Key} a retried request answers the first order; a concurrent duplicate loses on the
 * key's primary key and then reads the winner.
 */
@Service
public class Intake {

    public enum FinishMode { PENDING, REVIEW, DIRECT_REPLY, DISPATCH, COLLABORATION, FORWARD }

    /** {@code basis}: what a dispatch at intake followed (a 派单目录 rule or a suggestion); null = the agent's own choice. */
    public record Finish(FinishMode mode, String reply, Long mainUnitId, List<Long> assistingUnitIds, String instruction,
                  Platform platform, String note, org.openhotline.workorder.internal.dispatch.DispatchBasis.Basis basis) {}

    public record NewOrder(Channel channel, AppealType appealType, Urgency urgency, Long categoryId, Long regionId,
                    String address, String title, String content, String callerName, String callerPhone,
                    boolean anonymous, boolean confidential, String callId, Finish finish) {}

    public record Created(long id, String number, String state, int version, boolean replayed) {}

    private final WorkOrders orders;
    private final OrderAccess access;
    private final OrderDeadlines deadlines;
    private final Categories categories;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrderGates gates;
    private final org.openhotline.workorder.internal.dispatch.DispatchBasis dispatchBasis;

    Intake(WorkOrders orders, OrderAccess access, OrderDeadlines deadlines, Categories categories, JdbcClient jdbc,
           ApplicationEventPublisher events, Clock clock, OrderGates gates,
           org.openhotline.workorder.internal.dispatch.DispatchBasis dispatchBasis) {
        this.gates = gates;
        this.dispatchBasis = dispatchBasis;
        this.orders = orders;
        this.access = access;
        this.deadlines = deadlines;
        this.categories = categories;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Created create(NewOrder n, String idempotencyKey, StaffPrincipal who) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : who.username() + ":" + idempotencyKey.trim();
        if (key != null) {
            Created earlier = replay(key);
            if (earlier != null) {
                return earlier;
            }
        }
        Instant now = clock.instant();
        Actor by = Actor.of(who);
        WorkOrder o = new WorkOrder();
        o.channel = n.channel();
        o.appealType = n.appealType();
        o.urgency = n.urgency() == null ? Urgency.NORMAL : n.urgency();
        if (n.categoryId() != null) {
            o.categoryId = n.categoryId();
            o.categoryPath = categories.pathOf(n.categoryId());
        }
        if (n.regionId() != null) {
            OrgNode region = access.region(n.regionId());
            o.regionId = region.id();
            o.regionPath = region.path();
        }
        o.address = blankToNull(n.address());
        o.content = n.content().strip();
        o.title = n.title() == null || n.title().isBlank() ? titleFrom(o.content) : n.title().strip();
        o.anonymous = n.anonymous();
        o.confidential = n.confidential();
        o.callerName = n.anonymous() ? null : blankToNull(n.callerName());
        o.callerPhone = blankToNull(n.callerPhone());
        o.callId = blankToNull(n.callId());
        o.ownerPath = who.orgPath();
        o.createdBy = who.username();
        o.createdAt = now;
        o.created(by, now, deadlines);
        orders.insert(o);
        events.publishEvent(new WorkOrderCreated(o.id(), o.number(), o.channel.name(), o.appealType.name(), o.urgency.name(),
                o.categoryId, o.regionId, o.regionPath, now));
        if (key != null) {
            jdbc.sql("insert into wo_idempotency (key, work_order_id, created_at) values (?, ?, ?)")
                    .params(key, o.id(), WorkOrders.ts(now)).update();
        }
        finish(o, n.finish(), by, now);
        return new Created(o.id(), o.number(), o.state().name(), o.version(), false);
    }

    /** The order a key already created, or null. */
    public Created replay(String scopedKey) {
        return jdbc.sql("""
                select w.id, w.number, w.state, w.version from wo_idempotency i join work_order w on w.id = i.work_order_id
                 where i.key = ?""").param(scopedKey)
                .query((rs, n) -> new Created(rs.getLong("id"), rs.getString("number"), rs.getString("state"),
                        rs.getInt("version"), true))
                .optional().orElse(null);
    }

    private void finish(WorkOrder o, Finish f, Actor by, Instant now) {
        if (f == null || f.mode() == null || f.mode() == FinishMode.PENDING) {
            return;
        }
        switch (f.mode()) {
            case REVIEW -> o.sendForReview(f.note(), by, now);
            case DIRECT_REPLY -> {
                if (f.reply() == null || f.reply().isBlank()) {
                    throw DomainException.invalid("直接答复时请填写答复内容");
                }
                gates.beforeClose(o, by.username());
                o.replyDirectly(f.reply().strip(), by, now);
            }
            case DISPATCH, COLLABORATION -> {
                if (f.mainUnitId() == null) {
                    throw DomainException.invalid("请选择主办单位");
                }
                List<UnitTarget> assisting = f.assistingUnitIds() == null ? List.of()
                        : f.assistingUnitIds().stream().map(access::unit).toList();
                if (f.mode() == FinishMode.COLLABORATION && assisting.isEmpty()) {
                    throw DomainException.invalid("工单协同请至少选择一个协办单位");
                }
                var followed = f.basis() == null ? org.openhotline.workorder.internal.dispatch.DispatchBasis.Basis.manual()
                        : f.basis().checked();
                gates.beforeDispatch(o, by.username());
                o.dispatch(access.unit(f.mainUnitId()), assisting, f.instruction(), by, now, deadlines);
                dispatchBasis.record(o.id(), f.mainUnitId(), followed, by.username(), now);
            }
            case FORWARD -> {
                if (f.platform() == null) {
                    throw DomainException.invalid("请选择转往的平台");
                }
                o.forward(f.platform(), f.note(), by, now);
            }
            default -> throw new IllegalStateException();
        }
        orders.save(o, now);
    }

    static String titleFrom(String content) {
        String firstLine = content.strip().lines().findFirst().orElse("");
        return firstLine.length() <= 30 ? firstLine : firstLine.substring(0, 30) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
