package org.openhotline.notification.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openhotline.notification.internal.sms.SmsProperties;
import org.openhotline.notification.internal.templates.Templates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

/**
 * The durable SMS outbox: a message is a row written in the transaction of the step (or event listener) that
 * causes it, so it exists exactly when that step committed and survives a crash until the sender has handed it to
 * the gateway. Opt-out and the per-number hourly limit are decided here, once, and stay visible on the row.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Templates templates;
    private final SmsProperties properties;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Templates templates, SmsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues the message of {@code templateCode} for {@code phone}; false when {@code key} was queued before, the
     * number is not a plausible one or the template is switched off.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(String key, Purpose purpose, String phone, String templateCode, Map<String, String> values,
                           Long workOrderId) {
        String number = normalize(phone);
        if (number == null) {
            return false;
        }
        String text = templates.render(templateCode, values);
        if (text == null) {
            return false;
        }
        Instant now = clock.instant();
        byte[] phoneIndex = PersonalData.phoneIndex(number);
        // opt-out and the hourly limit decided in the insert itself: one statement per message instead of three
        // (issue 14); a message the citizen asked for (a code) is neither opted out nor limited
        return jdbc.sql("""
                insert into ntf_outbox (dedup_key, purpose, phone, phone_index, template_code, content, work_order_id,
                                        state, next_attempt_at, created_at)
                values (:key, :purpose, :phone, :phoneIndex, :template, :content, :orderId,
                        case when :requested then 'PENDING'
                             when exists (select 1 from ntf_opt_out where phone_index = :phoneIndex) then 'OPTED_OUT'
                             when (select count(*) from ntf_outbox where phone_index = :phoneIndex and created_at > :hourAgo
                                      and state in ('PENDING', 'SENT', 'DELIVERED', 'UNDELIVERED')) >= :max
                                  then 'RATE_LIMITED'
                             else 'PENDING' end,
                        :now, :now)
                on conflict (dedup_key) do nothing""")
                .param("key", key).param("purpose", purpose.name()).param("phone", PersonalData.seal(number))
                .param("phoneIndex", phoneIndex).param("template", templateCode)
                .param("content", properties.signature() + text).param("orderId", workOrderId, java.sql.Types.BIGINT)
                .param("requested", purpose.requested()).param("hourAgo", Timestamp.from(now.minus(Duration.ofHours(1))))
                .param("max", properties.maxPerNumberPerHour()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Mobile numbers as the gateway wants them: digits only, a leading +86/86 dropped; null if implausible. */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.matches("\\d{5,20}") ? digits : null;
    }
}
