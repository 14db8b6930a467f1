package org.openhotline.workorder.internal.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.ExchangeOrders;
import org.openhotline.workorder.internal.model.Intake;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

/** {@link ExchangeOrders} on the work-order aggregate: each call is one step in the caller's transaction. */
@Component
class PipeOrders implements ExchangeOrders {

    private final WorkOrders orders;
    private final Intake intake;
    private final OrderDeadlines deadlines;
    private final Organization organization;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String intakeNode;

    PipeOrders(WorkOrders orders, Intake intake, OrderDeadlines deadlines, Organization organization, JdbcClient jdbc,
               Clock clock, @Value("${hotline.exchange.intake-node:JZ}") String intakeNode) {
        this.orders = orders;
        this.intake = intake;
        this.deadlines = deadlines;
        this.organization = organization;
        this.jdbc = jdbc;
        this.clock = clock;
        this.intakeNode = intakeNode;
    }

    @Override
    public Snapshot snapshot(long orderId) {
        return jdbc.sql("""
                select w.id, w.number, w.channel, w.appeal_type, w.urgency, w.title, w.content, w.address,
                       w.caller_name, w.caller_phone, w.call_id, w.state, w.forwarded_to,
                       coalesce(w.direct_reply, (select a.reply from wo_assignment a
                                                  where a.work_order_id = w.id and a.role = 'MAIN' and a.reply is not null
                                                  order by a.replied_at desc limit 1)) as reply
                  from work_order w where w.id = ?""").param(orderId)
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("number"), rs.getString("channel"),
                        rs.getString("appeal_type"), rs.getString("urgency"), rs.getString("title"),
                        rs.getString("content"), PersonalData.open(rs.getString("address")),
                        PersonalData.open(rs.getString("caller_name")), PersonalData.open(rs.getString("caller_phone")), rs.getString("call_id"), rs.getString("state"),
                        org.openhotline.workorder.internal.values.OrderState.valueOf(rs.getString("state")).label(),
                        rs.getString("reply"), rs.getString("forwarded_to")))
                .optional().orElseThrow(() -> DomainException.notFound("工单不存在"));
    }

    @Override
    @Transactional
    public long receive(Incoming in) {
        OrgNode node = organization.nodeByCode(intakeNode)
                .orElseThrow(() -> new IllegalStateException("hotline.exchange.intake-node " + intakeNode + " does not exist"));
        StaffPrincipal platform = new StaffPrincipal(0, "exchange:" + in.source(), in.sourceName(), node.id(), node.path(),
                Set.of(), Set.of());
        String content = in.content() + (in.remoteNumber() == null ? "" : "\n【来源】" + in.sourceName() + " 工单 " + in.remoteNumber());
        Intake.Created created = intake.create(new Intake.NewOrder(Channel.PLATFORM, appealType(in.appealType()),
                urgency(in.urgency()), null, null, in.address(), in.title(), content, in.callerName(), in.callerPhone(),
                false, false, null, null), null, platform);
        if (in.signDueAt() != null || in.handleDueAt() != null) {
            jdbc.sql("insert into wo_external_deadline (work_order_id, sign_due_at, handle_due_at) values (?, ?, ?)")
                    .params(created.id(), WorkOrders.ts(in.signDueAt()), WorkOrders.ts(in.handleDueAt())).update();
        }
        return created.id();
    }

    @Override
    @Transactional
    public void remoteStep(long orderId, String by, String action, String note) {
        step(orderId, (o, now) -> o.annotate(actor(by), now, "exchange-" + action, note, java.util.Map.of(), null));
    }

    @Override
    @Transactional
    public void remoteReply(long orderId, String by, String reply) {
        step(orderId, (o, now) -> o.forwardReplied(reply, actor(by), now, deadlines));
    }

    @Override
    @Transactional
    public void remoteCallback(long orderId, String by, boolean resolved, String satisfaction) {
        Satisfaction s;
        try {
            s = Satisfaction.valueOf(satisfaction);
        } catch (RuntimeException e) {
            throw DomainException.invalid("满意度取值不正确：" + satisfaction);
        }
        step(orderId, (o, now) -> o.callback(resolved, s, "来自" + by + "的回访结果", actor(by), now, deadlines));
    }

    @Override
    @Transactional
    public void supervise(long orderId, String by, String note, Instant dueAt) {
        step(orderId, (o, now) -> o.supervise(note, dueAt, actor(by), now));
    }

    private void step(long orderId, java.util.function.BiConsumer<WorkOrder, Instant> step) {
        WorkOrder o = orders.load(orderId);
        Instant now = clock.instant();
        step.accept(o, now);
        orders.save(o, now);
    }

    private static Actor actor(String by) {
        return new Actor("exchange", by);
    }

    private static AppealType appealType(String name) {
        try {
            return name == null ? AppealType.OTHER : AppealType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return AppealType.OTHER;
        }
    }

    private static Urgency urgency(String name) {
        try {
            return name == null ? Urgency.NORMAL : Urgency.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Urgency.NORMAL;
        }
    }
}
