package org.openhotline.notification.internal.messages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openhotline.notification.internal.outbox.DeliveryReports;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.notification.internal.outbox.Purpose;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.workorder.SmsCallbacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

/**
 * What citizens send to the hotline number: TD (退订) puts the number on the opt-out list; 1/2/3 answers the
 * number's open SMS survey and is recorded as the order's callback; any other text is added to the sender's open
 * order, or becomes a new appeal (channel SMS). Each message is handled once (its gateway key), in one transaction
 * with its effect, so a gateway that repeats an unanswered DELIVER changes nothing the second time.
 */
@Component
class IncomingSms implements SmsGateway.Inbound {

    private static final Set<String> OPT_OUT = Set.of("TD", "T", "退订", "N");
    private static final Map<String, String> ANSWERS = Map.of("1", "SATISFIED", "2", "BASICALLY_SATISFIED", "3", "DISSATISFIED");
    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final SmsCallbacks orders;
    private final Outbox outbox;
    private final DeliveryReports reports;
    private final OptOuts optOuts;
    private final Clock clock;

    IncomingSms(JdbcClient jdbc, SmsCallbacks orders, Outbox outbox, DeliveryReports reports, OptOuts optOuts, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.outbox = outbox;
        this.reports = reports;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    @Override
    public void report(String msgId, String stat, boolean delivered) {
        reports.record(msgId, stat);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> reportLater(String msgId, String stat, boolean delivered) {
        return reports.recordLater(msgId, stat);
    }

    @Override
    @Transactional
    public void received(String from, String to, String text, String key) {
        String phone = Outbox.normalize(from);
        String body = text == null ? "" : text.strip();
        if (phone == null || body.isEmpty()) {
            return;
        }
        if (body.length() > MAX_TEXT) {
            body = body.substring(0, MAX_TEXT);
        }
        Instant now = clock.instant();
        Long id = jdbc.sql("""
                insert into ntf_inbox (gateway_key, sender, receiver, text, received_at, outcome)
                values (?, ?, ?, ?, ?, 'IGNORED') on conflict (gateway_key) do nothing returning id""")
                .params(key, PersonalData.seal(phone), to == null ? "" : to, body, Timestamp.from(now)).query(Long.class).optional().orElse(null);
        if (id == null) {
            return; // seen before
        }
        String upper = body.toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(upper)) {
            optOuts.add(phone, "SMS");
            outcome(id, "OPT_OUT", null);
        } else if (ANSWERS.containsKey(upper) && answerSurvey(id, phone, upper, now)) {
            return;
        } else {
            var open = orders.latestOpenOf(phone);
            if (open.isPresent()) {
                orders.supplement(open.get().id(), body, "短信");
                outcome(id, "SUPPLEMENT", open.get().id());
                outbox.enqueue("supplement:" + id, Purpose.ANSWER, phone, "SUPPLEMENT_RECEIVED",
                        Map.of("number", open.get().number()), open.get().id());
            } else {
                var created = orders.createAppeal("SMS", phone, null, body, "sms:" + key);
                outcome(id, "APPEAL", created.id());
            }
        }
    }

    private boolean answerSurvey(long inboxId, String phone, String answer, Instant now) {
        Long orderId = jdbc.sql("""
                select work_order_id from ntf_survey where phone_index = ? and answered_at is null
                 order by sent_at desc limit 1""").param(PersonalData.phoneIndex(phone)).query(Long.class).optional().orElse(null);
        if (orderId == null) {
            return false;
        }
        String satisfaction = ANSWERS.get(answer);
        boolean recorded;
        try {
            recorded = orders.recordSurveyAnswer(orderId, !"DISSATISFIED".equals(satisfaction), satisfaction,
                    "短信回访，群众回复" + answer);
        } catch (org.openhotline.shared.DomainException e) {
            recorded = false; // e.g. a special order must be reviewed before it closes: an agent takes it from here
        }
        jdbc.sql("update ntf_survey set answered_at = ?, answer = ? where work_order_id = ?")
                .params(Timestamp.from(now), recorded ? satisfaction : "LATE", orderId).update();
        outcome(inboxId, "SURVEY_ANSWER", orderId);
        if (recorded) {
            orders.contact(orderId).ifPresent(o -> outbox.enqueue("survey-thanks:" + inboxId, Purpose.ANSWER, phone,
                    "SURVEY_THANKS", Map.of("number", o.number()), orderId));
        }
        return true;
    }

    private void outcome(long inboxId, String outcome, Long orderId) {
        jdbc.sql("update ntf_inbox set outcome = ?, work_order_id = ? where id = ?").params(outcome, orderId, inboxId).update();
    }
}
