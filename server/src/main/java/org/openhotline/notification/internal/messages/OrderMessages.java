package org.openhotline.notification.internal.messages;

import java.sql.Timestamp;
import java.util.Map;
import org.openhotline.channels.PortalSmsCodeRequested;
import org.openhotline.identity.StaffPhones;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.notification.internal.outbox.Purpose;
import org.openhotline.notification.internal.sms.SmsProperties;
import org.openhotline.workorder.SmsCallbacks;
import org.openhotline.workorder.WorkOrderEvents.ReplyReviewed;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderCreated;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderRepliedDirectly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * Turns what happened to orders into messages: a receipt to the citizen of a citizen channel, the reply notice and
 * the callback survey, deadline reminders to the handlers of a unit whose light turned yellow or red, and the
 * portal's verification codes. Each listener runs in its own transaction with the outbox row it writes; every row's
 * key names its cause, so a redelivered event queues nothing twice.
 */
@Component
class OrderMessages {

    private final Outbox outbox;
    private final SmsCallbacks orders;
    private final StaffPhones staffPhones;
    private final SmsProperties properties;
    private final JdbcClient jdbc;
    private final String queryBase;

    OrderMessages(Outbox outbox, SmsCallbacks orders, StaffPhones staffPhones, SmsProperties properties, JdbcClient jdbc,
                  @Value("${hotline.public-url:}") String publicUrl) {
        this.outbox = outbox;
        this.orders = orders;
        this.staffPhones = staffPhones;
        this.properties = properties;
        this.jdbc = jdbc;
        this.queryBase = properties.queryUrl().isBlank() ? publicUrl + "/#/portal/query?number=" : properties.queryUrl();
    }

    /**
     * Decided when the event is published: an order from another channel (a call) then gets no publication row for
     * this listener, nor the three statements, two commits and the transaction the registry spends on one (issue 14).
     */
    @ApplicationModuleListener(condition = "@'org.openhotline.notification.internal.messages.OrderMessages'"
            + ".sendsReceipt(#e.channel())") // beans are named by their class (HotlineApplication)
    void on(WorkOrderCreated e) {
        orders.contact(e.workOrderId()).filter(o -> o.callerPhone() != null).ifPresent(o ->
                outbox.enqueue("receipt:" + o.id(), Purpose.RECEIPT, o.callerPhone(), "ORDER_RECEIPT",
                        Map.of("number", o.number(), "queryUrl", queryBase + o.number()), o.id()));
    }

    /** Whether an order taken through {@code channel} gets a receipt by SMS. */
    public boolean sendsReceipt(String channel) {
        return properties.receiptChannels().contains(channel);
    }

    @ApplicationModuleListener
    void on(ReplyReviewed e) {
        if (e.accepted()) {
            replied(e.workOrderId(), e.at());
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderRepliedDirectly e) {
        replied(e.workOrderId(), e.at());
    }

    private void replied(long orderId, java.time.Instant at) {
        var order = orders.contact(orderId).filter(o -> o.callerPhone() != null).orElse(null);
        if (order == null) {
            return;
        }
        String when = Long.toString(at.toEpochMilli());
        outbox.enqueue("reply:" + orderId + ":" + when, Purpose.REPLY, order.callerPhone(), "ORDER_REPLY",
                Map.of("number", order.number(), "queryUrl", queryBase + order.number()), orderId);
        if ("PENDING_CALLBACK".equals(order.state()) && properties.surveyChannels().contains(order.channel())
                && outbox.enqueue("survey:" + orderId + ":" + when, Purpose.SURVEY, order.callerPhone(),
                "CALLBACK_SURVEY", Map.of("number", order.number()), orderId)) {
            jdbc.sql("""
                    insert into ntf_survey (work_order_id, phone, phone_index, sent_at) values (?, ?, ?, ?)
                    on conflict (work_order_id) do update set phone = excluded.phone, phone_index = excluded.phone_index,
                                                               sent_at = excluded.sent_at,
                                                               answered_at = null, answer = null""")
                    .params(orderId, PersonalData.seal(Outbox.normalize(order.callerPhone())),
                            PersonalData.phoneIndex(order.callerPhone()), Timestamp.from(at)).update();
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderLightChanged e) {
        if (e.assignmentId() == null || !("SIGN".equals(e.stage()) || "HANDLE".equals(e.stage()))
                || !("YELLOW".equals(e.light()) || "RED".equals(e.light()))) {
            return;
        }
        var order = orders.contact(e.workOrderId()).orElse(null);
        var unit = orders.assignmentUnit(e.workOrderId(), e.assignmentId()).orElse(null);
        if (order == null || unit == null) {
            return;
        }
        Map<String, String> values = Map.of("number", order.number(), "unit", unit.unitName(),
                "stage", "SIGN".equals(e.stage()) ? "签收" : "办理",
                "light", "RED".equals(e.light()) ? "已超时" : "即将到期");
        for (String phone : staffPhones.atNodeWith(unit.unitId(), "workorder:handle")) {
            outbox.enqueue("reminder:" + e.assignmentId() + ":" + e.stage() + ":" + e.light() + ":" + phone,
                    Purpose.REMINDER, phone, "DEADLINE_REMINDER", values, e.workOrderId());
        }
    }

    @ApplicationModuleListener
    void on(PortalSmsCodeRequested e) {
        outbox.enqueue("code:" + e.requestId(), Purpose.CODE, e.phone(), "VERIFICATION_CODE", Map.of("code", e.code()), null);
    }
}
