package org.openhotline.channels.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.StepVersions;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E-mail against a real mail server (GreenMail, SMTP + IMAP on free ports): a citizen's message becomes an order
 * with its photo, the receipt and later the unit's reply come back over SMTP.
 */
@HotlineTest
class MailChannelTest {

    static final String HOTLINE = "hotline@jz12345.gov.cn";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailAccount account;

    @Autowired
    MailIntake intake;

    GreenMail mail;
    MailSettings before;

    @BeforeEach
    void startMailServer() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mail.start();
        mail.setUser(HOTLINE, "hotline", "mail-secret");
        before = account.settings();
        account.use(new MailSettings(true, "127.0.0.1", mail.getImap().getPort(), "127.0.0.1", mail.getSmtp().getPort(),
                false, "hotline", "mail-secret", HOTLINE, "INBOX", Duration.ofMinutes(1)));
    }

    @AfterEach
    void stopMailServer() {
        account.use(before);
        mail.stop();
    }

    @Test
    void aMessageBecomesAnOrderWithItsPhotoAndTheSenderGetsTheReceiptAndLaterTheReply() throws Exception {
        String citizen = "zhang" + System.nanoTime() + "@example.com";
        send(citizen, "张先生", "反映小区垃圾清运不及时", "东湖区幸福小区的垃圾已经三天没有清运，气味很大，请尽快处理。",
                List.of(new Object[] {"现场.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}},
                        new Object[] {"tool.exe", new byte[] {'M', 'Z'}}));
        send(citizen, "张先生", "（无内容）", "", List.of());

        intake.poll(); // (the scheduled poll may have taken them first: the rows below tell)
        // the sender's address is sealed at rest (ADR 041): no row holds it, the rows it sealed open to it
        assertThat(jdbc.sql("select count(*) from ch_mail_message where from_address like ?").param("%" + citizen + "%")
                .query(Long.class).single()).isZero();
        List<String> fromCitizen = messagesFrom(citizen);
        var order = jdbc.sql("""
                select w.id, w.number, w.channel, w.title, w.caller_name from ch_mail_message m join work_order w on w.id = m.work_order_id
                 where m.message_id = any(?)""").param(fromCitizen.toArray(String[]::new)).query().singleRow();
        assertThat(order.get("channel")).isEqualTo("EMAIL");
        assertThat(order.get("title")).isEqualTo("反映小区垃圾清运不及时");
        assertThat(org.openhotline.shared.crypto.PersonalData.open((String) order.get("caller_name"))).isEqualTo("张先生");
        long id = ((Number) order.get("id")).longValue();
        String number = (String) order.get("number");
        assertThat(jdbc.sql("select name from wo_attachment where work_order_id = ?").param(id).query(String.class).list())
                .containsExactly("现场.png");
        // the empty message made no order, and polling again takes nothing twice
        assertThat(fromCitizen).hasSize(2);
        assertThat(jdbc.sql("select count(*) from ch_mail_message where message_id = any(?) and work_order_id is null")
                .param(fromCitizen.toArray(String[]::new)).query(Long.class).single()).isEqualTo(1);
        assertThat(intake.poll()).isZero();

        List<MimeMessage> answers = Wait.until("receipt and refusal", () -> {
            List<MimeMessage> got = to(citizen);
            return got.size() >= 2 ? got : null;
        }, Duration.ofSeconds(30));
        String receipt = answers.stream().map(MailChannelTest::text).filter(t -> t.contains("已受理")).findFirst().orElseThrow();
        assertThat(receipt).contains("工单编号：" + number).contains("查询码：").contains("以下附件未能接收：tool.exe");
        assertThat(answers.stream().map(MailChannelTest::text)).anyMatch(t -> t.contains("您的来信未能受理：请填写诉求内容"));

        // the unit replies and the hotline accepts it: the reply goes back to the sender
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        long unit = jdbc.sql("select id from org_node where code = 'CGJ'").query(Long.class).single();
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit));
        long a = jdbc.sql("select id from wo_assignment where work_order_id = ?").param(id).query(Long.class).single();
        ok(cgj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", Map.of());
        ok(cgj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已督促环卫公司当日清运完毕"));
        ok(dispatcher, "/api/work-orders/" + id + "/reply-review", Map.of("accept", true));
        String reply = Wait.until("the reply mail", () -> to(citizen).stream().map(MailChannelTest::text)
                .filter(t -> t.contains("办理结果：")).findFirst().orElse(null), Duration.ofSeconds(60));
        assertThat(reply).contains("已督促环卫公司当日清运完毕").contains(number).doesNotContain("cgj1");
        assertThat(jdbc.sql("select reply_sent_at is not null from ch_mail_message where work_order_id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    /** The Message-IDs of the mails taken in from {@code address} (the column is sealed: opened here, compared in Java). */
    private List<String> messagesFrom(String address) {
        return jdbc.sql("select message_id, from_address from ch_mail_message").query((rs, n) ->
                        address.equals(org.openhotline.shared.crypto.PersonalData.open(rs.getString(2))) ? rs.getString(1) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String text(MimeMessage m) {
        try {
            return m.getSubject() + "\n" + m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String from, String name, String subject, String text, List<Object[]> files) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from, name, "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(HOTLINE));
        m.setSubject(subject, "UTF-8");
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        body.addBodyPart(textPart);
        for (Object[] f : files) {
            MimeBodyPart file = new MimeBodyPart();
            file.setFileName(jakarta.mail.internet.MimeUtility.encodeText((String) f[0], "UTF-8", null));
            file.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource((byte[]) f[1], "application/octet-stream")));
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            body.addBodyPart(file);
        }
        m.setContent(body);
        Transport.send(m);
    }

    private void ok(ApiClient client, String path, Map<String, Object> body) {
        var r = client.post(path, StepVersions.withCurrentVersion(jdbc, path, body));
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }
}
