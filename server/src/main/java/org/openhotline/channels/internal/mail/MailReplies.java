package org.openhotline.channels.internal.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.PortalOrders;
import org.openhotline.workorder.WorkOrderEvents.ReplyReviewed;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderRepliedDirectly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Answers over SMTP: the receipt of a message, and the order's reply once it is public (the unit's reply accepted,
 * or the hotline's direct reply). The reply listener is idempotent through {@code ch_mail_message.reply_sent_at}; a
 * send that fails throws, so the event publication stays incomplete and is delivered again on restart.
 */
@Service
class MailReplies {

    private static final Logger log = LoggerFactory.getLogger(MailReplies.class);

    private final MailAccount account;
    private final PortalOrders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    MailReplies(MailAccount account, PortalOrders orders, JdbcClient jdbc, Clock clock) {
        this.account = account;
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReplyReviewed e) {
        if (e.accepted()) {
            replyTo(e.workOrderId());
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderRepliedDirectly e) {
        replyTo(e.workOrderId());
    }

    void replyTo(long orderId) {
        String to = jdbc.sql("select from_address from ch_mail_message where work_order_id = ? and reply_sent_at is null")
                .param(orderId).query(String.class).optional().map(PersonalData::open).orElse(null);
        if (to == null || !account.settings().enabled()) {
            return;
        }
        PortalOrders.PublicOrder o = orders.byId(orderId).orElseThrow();
        if (o.reply() == null) {
            return;
        }
        send(to, "【办理结果】" + o.number() + " " + o.title(), "您好！您反映的问题（工单编号 " + o.number() + "）已办理。\n\n"
                + "办理单位：" + o.replyUnit() + "\n办理结果：" + o.reply()
                + "\n\n如对办理结果不满意，可在市民门户凭工单编号和查询码评价或申请重办。\n\n12345政务服务便民热线");
        jdbc.sql("update ch_mail_message set reply_sent_at = ? where work_order_id = ?")
                .params(Timestamp.from(clock.instant()), orderId).update();
    }

    void send(String to, String subject, String text) {
        MailSettings s = account.settings();
        if (!s.enabled() || to == null || to.isBlank()) {
            return;
        }
        try {
            MimeMessage m = new MimeMessage(account.smtp(s));
            m.setFrom(new InternetAddress(s.address(), "12345政务服务便民热线", "UTF-8"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            if (s.username() != null && !s.username().isBlank()) {
                Transport.send(m, s.username(), s.password());
            } else {
                Transport.send(m);
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            log.warn("Mail to {} not sent: {}", to, e.toString());
            throw new IllegalStateException("mail not sent", e);
        }
    }
}
