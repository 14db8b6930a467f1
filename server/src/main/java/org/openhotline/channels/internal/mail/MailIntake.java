package org.openhotline.channels.internal.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.channels.internal.portal.Receipts;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.PortalOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the mailbox: every unseen message becomes an appeal through the same intake as the portal (its Message-ID
 * is the idempotency key, so a message seen twice makes one order), its attachments are kept as the order's
 * attachments when they pass the same checks, and the sender gets the number and query code back. A message that
 * cannot become an appeal (no text) gets an explanation instead and stores nothing but its Message-ID.
 */
@Service
class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    record Attachment(String name, byte[] data) {}

    record Incoming(String messageId, String from, String fromName, String subject, String text, List<Attachment> files) {}

    private final MailAccount account;
    private final PortalOrders orders;
    private final Receipts receipts;
    private final MailReplies replies;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailIntake(MailAccount account, PortalOrders orders, Receipts receipts, MailReplies replies, JdbcClient jdbc,
               TransactionTemplate tx, Clock clock) {
        this.account = account;
        this.orders = orders;
        this.receipts = receipts;
        this.replies = replies;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.mail.poll-interval:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        if (account.settings().enabled()) {
            try {
                poll();
            } catch (MessagingException | RuntimeException e) {
                log.warn("Mailbox poll failed: {}", e.toString());
            }
        }
    }

    /** Reads the unseen messages; answers how many became orders. */
    synchronized int poll() throws MessagingException {
        MailSettings s = account.settings();
        int created = 0;
        try (Store store = account.imap(s)) {
            Folder inbox = store.getFolder(s.folder());
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take(read(m))) {
                        created++;
                    }
                    m.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        }
        return created;
    }

    private boolean take(Incoming in) {
        boolean known = jdbc.sql("select exists(select 1 from ch_mail_message where message_id = ?)")
                .param(in.messageId()).query(Boolean.class).single();
        if (known) {
            return false;
        }
        List<String> refused = new ArrayList<>();
        PortalOrders.Submitted order;
        String code;
        try {
            order = tx.execute(st -> {
                PortalOrders.Submitted o = orders.submit(new PortalOrders.CitizenAppeal("EMAIL", null, null, null, null,
                        cut(in.subject(), 200), cut(in.text(), 10000), cut(in.fromName(), 50), null, false),
                        "mail:" + cut(in.messageId(), 150));
                jdbc.sql("""
                        insert into ch_mail_message (message_id, work_order_id, from_address, subject, received_at)
                        values (?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                        .params(in.messageId(), o.id(), PersonalData.seal(in.from()), cut(in.subject(), 300), Timestamp.from(clock.instant()))
                        .update();
                return o;
            });
            code = receipts.issue(order.id(), "EMAIL", false, null, clock.instant());
        } catch (DomainException e) {
            jdbc.sql("""
                    insert into ch_mail_message (message_id, from_address, subject, received_at)
                    values (?, ?, ?, ?) on conflict (message_id) do nothing""")
                    .params(in.messageId(), PersonalData.seal(in.from()), cut(in.subject(), 300), Timestamp.from(clock.instant())).update();
            replies.send(in.from(), "Re: " + nullToEmpty(in.subject()),
                    "您好！您的来信未能受理：" + e.getMessage() + "。请在邮件正文中写明诉求内容后重新发送。\n\n12345政务服务便民热线");
            return false;
        }
        for (Attachment f : in.files()) {
            try {
                orders.attach(order.id(), f.name(), f.data(), "EMAIL");
            } catch (DomainException e) {
                refused.add(f.name() + "（" + e.getMessage() + "）");
            }
        }
        replies.send(in.from(), "Re: " + nullToEmpty(in.subject()) + "【已受理 " + order.number() + "】",
                "您好！您的来信已受理。\n工单编号：" + order.number() + "\n查询码：" + code
                        + "\n可凭工单编号和查询码在市民门户查询办理进度，办理结果也将回复到本邮箱。"
                        + (refused.isEmpty() ? "" : "\n以下附件未能接收：" + String.join("；", refused))
                        + "\n\n12345政务服务便民热线");
        return true;
    }

    private static Incoming read(Message m) throws MessagingException {
        String[] ids = m.getHeader("Message-ID");
        String id = ids != null && ids.length > 0 ? ids[0].strip()
                : "<no-id-" + (m instanceof MimeMessage mm ? mm.getMessageID() : null) + "-" + m.getReceivedDate() + "-"
                        + m.getSubject() + ">";
        Address[] from = m.getFrom();
        InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress ia ? ia : null;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Attachment> files = new ArrayList<>();
        try {
            walk(m, text, html, files);
        } catch (IOException e) {
            throw new MessagingException("unreadable message " + id, e);
        }
        String body = !text.isEmpty() ? text.toString() : html.toString()
                .replaceAll("(?is)<(script|style).*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ");
        return new Incoming(id, sender == null ? "" : sender.getAddress(), sender == null ? null : sender.getPersonal(),
                m.getSubject(), body.strip(), files);
    }

    private static void walk(Part p, StringBuilder text, StringBuilder html, List<Attachment> files)
            throws MessagingException, IOException {
        String disposition = p.getDisposition();
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                walk(part, text, html, files);
            }
        } else if (p.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            String name = p.getFileName() == null ? "附件" : MimeUtility.decodeText(p.getFileName());
            try (InputStream in = p.getInputStream()) {
                files.add(new Attachment(name, in.readNBytes(11 * 1024 * 1024)));
            }
        } else if (p.isMimeType("text/plain")) {
            text.append(p.getContent());
        } else if (p.isMimeType("text/html")) {
            html.append(p.getContent());
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
