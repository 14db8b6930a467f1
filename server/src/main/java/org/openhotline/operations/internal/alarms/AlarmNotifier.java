package org.openhotline.operations.internal.alarms;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.openhotline.notification.SmsQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a raised or cleared alarm to every enabled channel whose minimum severity it reaches: e-mail over SMTP,
 * a JSON POST to a webhook (5 s limit), SMS through the notification module's outbox. Each attempt is recorded in
 * {@code ops_alarm_delivery}; a failed one is logged there and not retried (the console still shows the alarm).
 */
@Component
class AlarmNotifier {

    enum Event { RAISED, CLEARED }

    private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);
    private final AlarmChannels channels;
    private final MailServer mail;
    private final SmsQueue sms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlarmNotifier(AlarmChannels channels, MailServer mail, SmsQueue sms, JdbcClient jdbc, Clock clock,
                  @Value("${hotline.time-zone}") String zone) {
        this.channels = channels;
        this.mail = mail;
        this.sms = sms;
        this.jdbc = jdbc;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(zone));
    }

    void send(Alarm a, Event event) {
        for (AlarmChannels.Channel c : channels.all()) {
            if (!c.enabled() || !a.severity().atLeast(c.minSeverity())) {
                continue;
            }
            String error = null;
            try {
                switch (c.kind()) {
                    case "EMAIL" -> email(c.target(), a, event);
                    case "WEBHOOK" -> webhook(c.target(), a, event);
                    case "SMS" -> {
                        if (!sms.sendAlarm("ops-alarm:" + a.id() + ":" + event + ":" + c.id(), c.target(), text(a, event))) {
                            error = "短信未入队（号码无效或重复）";
                        }
                    }
                    default -> error = "未知通知方式";
                }
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("alarm {} {} not sent to {} {}: {}", a.id(), event, c.kind(), c.target(), error);
            }
            jdbc.sql("insert into ops_alarm_delivery (alarm_id, channel_id, event, ok, error, at) values (?, ?, ?, ?, ?, ?)")
                    .params(a.id(), c.id(), event.name(), error == null, error == null ? null : error.substring(0, Math.min(500, error.length())),
                            Timestamp.from(clock.instant()))
                    .update();
        }
    }

    String text(Alarm a, Event event) {
        String subject = a.subject().isEmpty() ? "" : " " + a.subject();
        return event == Event.RAISED
                ? "[" + a.severity().label() + "] " + a.name() + subject + "：当前值 " + fmt(a.value()) + "，阈值 " + fmt(a.threshold())
                        + "，发生于 " + time.format(a.raisedAt())
                : "[已恢复] " + a.name() + subject + "，恢复于 " + time.format(a.clearedAt()) + "（发生于 " + time.format(a.raisedAt()) + "）";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void email(String to, Alarm a, Event event) throws Exception {
        MailServer.Settings s = mail.settings();
        if (s.host().isBlank()) {
            throw new IllegalStateException("未配置邮件服务器");
        }
        Properties p = new Properties();
        String proto = s.ssl() ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", s.host());
        p.put("mail." + proto + ".port", String.valueOf(s.port()));
        p.put("mail." + proto + ".connectiontimeout", "5000");
        p.put("mail." + proto + ".timeout", "5000");
        p.put("mail." + proto + ".auth", String.valueOf(!s.username().isBlank()));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(s.sender()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject("12345热线运维告警 " + text(a, event).split("：|，")[0], "UTF-8");
        m.setText(text(a, event) + "\n\n告警编号：" + a.id() + "\n请登录热线平台「运维管理 › 运维监控」确认与处理。", "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        try (Transport t = session.getTransport(proto)) {
            // No user name, no login: a password kept from earlier settings must not make JavaMail log in as the
            // operating system's user (it fills a missing user from user.name when a password is given).
            boolean login = !s.username().isBlank();
            t.connect(s.host(), s.port(), login ? s.username() : null,
                    login && !s.password().isBlank() ? s.password() : null);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    private void webhook(String url, Alarm a, Event event) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.name());
        body.put("alarmId", a.id());
        body.put("rule", a.name());
        body.put("metric", a.metric());
        body.put("subject", a.subject());
        body.put("severity", a.severity().name());
        body.put("value", a.value());
        body.put("threshold", a.threshold());
        body.put("raisedAt", a.raisedAt().toString());
        body.put("clearedAt", a.clearedAt() == null ? null : a.clearedAt().toString());
        body.put("text", text(a, event));
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
    }
}
