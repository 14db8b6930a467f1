package org.openhotline.notification.internal.messages;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.shared.Masking;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.openhotline.shared.crypto.PersonalData;

/** The opt-out list (退订名单): numbers that get no notifications (verification codes they ask for still go). */
@Component
class OptOuts {

    record OptOut(String phone, java.time.Instant at, String source) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OptOuts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    void add(String phone, String source) {
        String number = Outbox.normalize(phone);
        if (number == null) {
            throw DomainException.invalid("手机号码格式不正确");
        }
        int added = jdbc.sql("insert into ntf_opt_out (phone, phone_index, at, source) values (?, ?, ?, ?) on conflict do nothing")
                .params(PersonalData.seal(number), PersonalData.phoneIndex(number), Timestamp.from(clock.instant()), source)
                .update();
        if (added == 1) {
            events.publishEvent(new SmsSettingChanged("sms.opt-out-added", "phone:" + Masking.phone(number), java.util.Map.of("source", source)));
        }
    }

    @Transactional
    void remove(String phone) {
        String number = Outbox.normalize(phone);
        if (number != null && jdbc.sql("delete from ntf_opt_out where phone_index = ?").param(PersonalData.phoneIndex(number))
                .update() == 1) {
            events.publishEvent(new SmsSettingChanged("sms.opt-out-removed", "phone:" + Masking.phone(number), java.util.Map.of()));
        }
    }

    List<OptOut> page(int page, int size) {
        return jdbc.sql("select phone, at, source from ntf_opt_out order by at desc, phone_index limit ? offset ?")
                .params(size, org.openhotline.shared.PageResult.offset(page, size))
                .query((rs, n) -> new OptOut(PersonalData.open(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
    }
}
