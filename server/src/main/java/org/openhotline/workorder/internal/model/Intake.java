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
 * key's primary key and then reads the winner. A staff client's key also keeps a digest of its request, so that the
 * same key with another request is refused (422) instead of answering an order that request did not describe.
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

    /** {@code createdAt} as stored (the database keeps microseconds), so that nobody has to read it back. */
    public record Created(long id, String number, String state, int version, boolean replayed, Instant createdAt) {}

    private final WorkOrders orders;
    private final OrderAccess access;
    private final OrderDeadlines deadlines;
    private final Categories categories;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrderGates gates;
    private final org.openhotline.workorder.internal.dispatch.DispatchBasis dispatchBasis;
    private final tools.jackson.databind.json.JsonMapper json;
    private final org.openhotline.workorder.internal.dispatch.auto.AutoDispatch autoDispatch;

    Intake(WorkOrders orders, OrderAccess access, OrderDeadlines deadlines, Categories categories, JdbcClient jdbc,
           ApplicationEventPublisher events, Clock clock, OrderGates gates,
           org.openhotline.workorder.internal.dispatch.DispatchBasis dispatchBasis,
           tools.jackson.databind.json.JsonMapper json,
           org.openhotline.workorder.internal.dispatch.auto.AutoDispatch autoDispatch) {
        this.json = json;
        this.autoDispatch = autoDispatch;
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

    /** A channel's intake: a key seen before answers its order whatever the request (the channel's own rules). */
    @Transactional
    public Created create(NewOrder n, String idempotencyKey, StaffPrincipal who) {
        return create(n, idempotencyKey, false, who);
    }

    /** With {@code sameRequestOnly} a key seen before with another request is refused (422, see {@link #replay}). */
    @Transactional
    public Created create(NewOrder n, String idempotencyKey, boolean sameRequestOnly, StaffPrincipal who) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : who.username() + ":" + idempotencyKey.trim();
        String digest = key != null && sameRequestOnly ? digestOf(n) : null;
        if (key != null) {
            Created earlier = replay(key, digest);
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
        events.publishEvent(new OrderTaken(o.id(), o.title, o.content, o.confidential,
                org.openhotline.shared.crypto.PersonalData.phoneIndex(o.callerPhone), now));
        if (key != null) {
            jdbc.sql("insert into wo_idempotency (key, work_order_id, created_at, request_digest) values (?, ?, ?, ?)")
                    .params(key, o.id(), WorkOrders.ts(now), digest).update();
        }
        finish(o, n.finish(), by, now);
        return new Created(o.id(), o.number(), o.state().name(), o.version(), false, o.createdAt);
    }

    /** The order a key already created, or null. */
    public Created replay(String scopedKey) {
        return replay(scopedKey, null);
    }

    /**
     * The order a key already created, or null; with a {@code digest}, a key stored with another request's digest is
     * refused: the client reused a key for a different order, and answering the first one would hide that.
     */
    public Created replay(String scopedKey, String digest) {
        record Earlier(Created order, String digest) {}
        Earlier earlier = jdbc.sql("""
                select w.id, w.number, w.state, w.version, w.created_at, i.request_digest
                  from wo_idempotency i join work_order w on w.id = i.work_order_id
                 where i.key = ?""").param(scopedKey)
                .query((rs, n) -> new Earlier(new Created(rs.getLong("id"), rs.getString("number"), rs.getString("state"),
                        rs.getInt("version"), true, WorkOrders.instant(rs, "created_at")), rs.getString("request_digest")))
                .optional().orElse(null);
        if (earlier != null && digest != null && earlier.digest() != null && !earlier.digest().equals(digest)) {
            throw DomainException.invalid("该 Idempotency-Key 已用于受理另一内容不同的工单（" + earlier.order().number()
                    + "），请为新的受理请求使用新的 Idempotency-Key");
        }
        return earlier == null ? null : earlier.order();
    }

    /** SHA-256 of the request as understood (records serialise their components in declaration order). */
    public String digestOf(NewOrder n) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsBytes(n)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(WorkOrder o, Finish f, Actor by, Instant now) {
        if (f == null || f.mode() == null || f.mode() == FinishMode.PENDING) {
            dispatchAutomatically(o, now);
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

    /** 自动派单 of an order left waiting for dispatch, when the manager's threshold allows it (off by default). */
    private void dispatchAutomatically(WorkOrder o, Instant now) {
        var decision = autoDispatch.decide(o.categoryPath, new org.openhotline.workorder.internal.dispatch.suggest.DispatchSuggestions.Request(
                o.title, o.content, o.address, o.regionId, o.categoryId, o.appealType.name()));
        if (decision.isEmpty()) {
            return;
        }
        UnitTarget unit;
        try {
            unit = access.unit(decision.get().unitId());
            gates.beforeDispatch(o, Actor.SYSTEM.username());
        } catch (DomainException e) {
            return; // a special order waits for its second review, a disabled unit for a dispatcher
        }
        o.dispatchAutomatically(unit, decision.get().confidence(), now, deadlines);
        dispatchBasis.record(o.id(), unit.unitId(), new org.openhotline.workorder.internal.dispatch.DispatchBasis.Basis(
                org.openhotline.workorder.internal.dispatch.DispatchBasis.Kind.AUTO, null, null, 1, decision.get().confidence()),
                Actor.SYSTEM.username(), now);
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
