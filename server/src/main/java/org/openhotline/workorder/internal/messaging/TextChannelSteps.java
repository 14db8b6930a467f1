package org.openhotline.workorder.internal.messaging;

import java.util.Optional;
import java.util.Set;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.SmsCallbacks;
import org.openhotline.workorder.internal.model.Intake;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderGates;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.OrderState;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

@Service
class TextChannelSteps implements SmsCallbacks {

    private static final String CONTACT_SQL = """
            select id, number, channel, state, title, caller_phone, anonymous from work_order""";

    private final JdbcClient jdbc;
    private final Intake intake;
    private final OrderSteps steps;
    private final OrderDeadlines deadlines;
    private final OrderGates gates;

    TextChannelSteps(JdbcClient jdbc, Intake intake, OrderSteps steps, OrderDeadlines deadlines, OrderGates gates) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.steps = steps;
        this.deadlines = deadlines;
        this.gates = gates;
    }

    @Override
    public Optional<OrderContact> contact(long workOrderId) {
        return jdbc.sql(CONTACT_SQL + " where id = ?").param(workOrderId).query(TextChannelSteps::contact).optional();
    }

    @Override
    public Optional<AssignmentUnit> assignmentUnit(long workOrderId, long assignmentId) {
        return jdbc.sql("select id, unit_id, unit_name from wo_assignment where id = ? and work_order_id = ?")
                .params(assignmentId, workOrderId)
                .query((rs, n) -> new AssignmentUnit(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public boolean recordSurveyAnswer(long workOrderId, boolean resolved, String satisfaction, String note) {
        Satisfaction s = Satisfaction.valueOf(satisfaction);
        String state = jdbc.sql("select state from work_order where id = ? for update").param(workOrderId)
                .query(String.class).optional().orElse(null);
        if (!OrderState.PENDING_CALLBACK.name().equals(state)) {
            return false;
        }
        StaffPrincipal who = center("sms-survey", "短信回访");
        steps.runUnversioned(workOrderId, who, (o, now) -> {
            if (s != Satisfaction.DISSATISFIED) {
                gates.beforeClose(o, who.username());
            }
            o.callback(resolved, s, note, Actor.of(who), now, deadlines);
        });
        return true;
    }

    @Override
    @Transactional
    public OrderContact createAppeal(String channel, String phone, String name, String content, String idempotencyKey) {
        Channel c = Channel.valueOf(channel);
        StaffPrincipal who = center(c.name().toLowerCase(java.util.Locale.ROOT) + "-channel", c.label());
        var created = intake.create(new Intake.NewOrder(c, AppealType.OTHER, null, null, null, null, null, content, name,
                phone, false, false, null, null), idempotencyKey, who);
        return contact(created.id()).orElseThrow();
    }

    @Override
    public Optional<OrderContact> latestOpenOf(String phone) {
        return jdbc.sql(CONTACT_SQL + " " + """
                 where caller_phone_index = ? and state not in ('CLOSED', 'WITHDRAWN', 'MERGED', 'FORWARDED')
                 order by created_at desc, id desc limit 1""").param(PersonalData.phoneIndex(phone)).query(TextChannelSteps::contact).optional();
    }

    @Override
    public void supplement(long workOrderId, String text, String via) {
        StaffPrincipal who = center("text-channel", via);
        steps.runUnversioned(workOrderId, who, (o, now) -> o.supplement(text, Actor.of(who), now));
    }

    @Override
    public Optional<Progress> progress(String number) {
        return jdbc.sql("""
                select w.number, w.title, w.state, w.created_at,
                       coalesce(w.direct_reply, (select a.reply from wo_assignment a where a.work_order_id = w.id
                                                  and a.role = 'MAIN' and a.reply is not null
                                                  order by a.id desc limit 1)) as reply
                  from work_order w where w.number = ? and not w.confidential""").param(number)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getString(2),
                        OrderState.valueOf(rs.getString(3)).label(), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    /**
     * The hotline acting through a channel: it sits where the hotline's agents sit, at the node above the hotline
     * center (the city), so its orders are the agents' orders and it sees theirs.
     */
    private StaffPrincipal center(String username, String displayName) {
        record Node(long id, String path) {}
        Node n = jdbc.sql("""
                select p.id, p.path from org_node c join org_node p on p.id = coalesce(c.parent_id, c.id)
                 where c.kind = 'CENTER' and c.enabled order by c.depth, c.id limit 1""")
                .query((rs, i) -> new Node(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> DomainException.conflict("尚未设置热线中心，无法受理渠道来件"));
        return new StaffPrincipal(0, username, displayName, n.id(), n.path(), Set.of(), Set.of());
    }

    private static OrderContact contact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OrderState state = OrderState.valueOf(rs.getString("state"));
        return new OrderContact(rs.getLong("id"), rs.getString("number"), rs.getString("channel"), state.name(),
                state.label(), rs.getString("title"), PersonalData.open(rs.getString("caller_phone")), rs.getBoolean("anonymous"));
    }
}
