package org.openhotline.operations.internal.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.exchange.ExchangeQueue;
import org.openhotline.notification.SmsQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits to be delivered: event publications a listener still owes (Spring Modulith's registry, ADR 004), the
 * exchange outbox and the SMS outbox — how many, and how old the oldest is (a stuck queue grows old before it grows).
 */
@Component
class QueueProbe implements Probe {

    static final String PART = "队列";
    private final JdbcClient jdbc;
    private final ExchangeQueue exchange;
    private final SmsQueue sms;

    QueueProbe(JdbcClient jdbc, ExchangeQueue exchange, SmsQueue sms) {
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.sms = sms;
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) {
        List<Measure> out = new ArrayList<>();
        var events = jdbc.sql("select count(*) as n, min(publication_date) as oldest from event_publication where completion_date is null")
                .query((rs, n) -> new Object[] {rs.getLong("n"), rs.getTimestamp("oldest")}).single();
        Instant oldestEvent = events[1] == null ? null : ((java.sql.Timestamp) events[1]).toInstant();
        out.add(Measure.of(PART, "events.backlog", "", "未完成事件投递", (Long) events[0], "条", null));
        out.add(Measure.of(PART, "events.backlog.age", "", "最早未完成事件", age(oldestEvent, now), "秒", null));
        var ex = exchange.backlog();
        out.add(Measure.of(PART, "exchange.pending", "", "对外交换待发送", ex.pending(), "条", null));
        out.add(Measure.of(PART, "exchange.pending.age", "", "对外交换最早待发", age(ex.oldestPending(), now), "秒", null));
        out.add(Measure.of(PART, "exchange.dead", "", "对外交换死信", ex.dead(), "条", "需人工处理（对外交换 › 死信）"));
        var s = sms.backlog(now);
        out.add(Measure.of(PART, "sms.pending", "", "短信待发送", s.pending(), "条", null));
        out.add(Measure.of(PART, "sms.pending.age", "", "短信最早待发", age(s.oldestPending(), now), "秒", null));
        out.add(Measure.of(PART, "sms.failed", "", "近24小时短信失败", s.failedLastDay(), "条", null));
        return out;
    }

    private static double age(Instant oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }
}
