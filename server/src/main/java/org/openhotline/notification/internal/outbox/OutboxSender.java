package org.openhotline.notification.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.notification.internal.sms.SmsGateways;
import org.openhotline.notification.internal.sms.SmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * Drains the outbox into the gateway: claims a batch of due rows (skipping rows another node holds), sends them
 * all at once within the gateway's window, then records each outcome. A claim pushes the row's next attempt past
 * the time the round may take, so a row whose sender died is simply due again later: at least once, never lost.
 * A failed attempt waits {@code first-retry × 2^(attempt-1)} (at most an hour); after {@code max-attempts} the
 * row is FAILED.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SmsGateways gateways;
    private final SmsProperties properties;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, JdbcTemplate batch, SmsGateways gateways, SmsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.gateways = gateways;
        this.properties = properties;
        this.clock = clock;
    }

    private record Claimed(long id, String phone, String content, int attempts) {}

    @Scheduled(fixedDelayString = "${hotline.sms.poll:PT1S}")
    void poll() {
        if (gateways.active().isEmpty()) {
            return;
        }
        try {
            while (drainOnce() == properties.batchSize()) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            log.warn("SMS outbox round failed: {}", e.toString());
        }
    }

    /** One round: claim, send, record; answers how many rows it claimed. */
    public int drainOnce() {
        SmsGateway gateway = gateways.active().orElse(null);
        if (gateway == null) {
            return 0;
        }
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.sql("""
                update ntf_outbox set next_attempt_at = ?, attempts = attempts + 1
                 where id in (select id from ntf_outbox where state = 'PENDING' and next_attempt_at <= ?
                               order by next_attempt_at, id limit ? for update skip locked)
                returning id, phone, content, attempts""")
                .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), properties.batchSize())
                .query((rs, n) -> new Claimed(rs.getLong(1), PersonalData.open(rs.getString(2)), rs.getString(3), rs.getInt(4))).list();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<List<String>>> sends = new ArrayList<>();
        for (Claimed c : claimed) {
            CompletableFuture<List<String>> f;
            try {
                f = gateway.send(c.phone(), c.content());
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            sends.add(f);
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(LEASE.toSeconds() / 2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // outcomes are read one by one below
        }
        record(gateway, claimed, sends);
        return claimed.size();
    }

    private void record(SmsGateway gateway, List<Claimed> claimed, List<CompletableFuture<List<String>>> sends) {
        Instant now = clock.instant();
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            Claimed c = claimed.get(i);
            CompletableFuture<List<String>> f = sends.get(i);
            if (f.isDone() && !f.isCompletedExceptionally()) {
                sent.add(new Object[] {gateway.name(), Timestamp.from(now), c.id()});
                for (String msgId : f.join()) {
                    parts.add(new Object[] {msgId, c.id()});
                }
                continue;
            }
            Throwable error = f.isDone() ? f.exceptionNow() : new java.util.concurrent.TimeoutException("no answer");
            boolean giveUp = error instanceof SmsGateway.Rejected || c.attempts() >= properties.maxAttempts();
            long backoff = properties.firstRetry().toMillis() * (1L << Math.min(c.attempts() - 1, 16));
            Instant next = now.plusMillis(Math.min(backoff, Duration.ofHours(1).toMillis()));
            String message = String.valueOf(error.getMessage());
            failed.add(new Object[] {giveUp ? "FAILED" : "PENDING", Timestamp.from(next),
                    message.length() > 500 ? message.substring(0, 500) : message, c.id()});
        }
        batch.batchUpdate("update ntf_outbox set state = 'SENT', gateway = ?, sent_at = ?, last_error = null where id = ?", sent);
        batch.batchUpdate("""
                insert into ntf_outbox_part (msg_id, outbox_id) values (?, ?)
                on conflict (msg_id) do update set outbox_id = excluded.outbox_id""", parts);
        batch.batchUpdate("update ntf_outbox set state = ?, next_attempt_at = ?, last_error = ? where id = ?", failed);
        if (!sent.isEmpty()) {
            // reports that overtook this record (the ISMG answers fast) settle their messages now
            DeliveryReports.settle(jdbc, claimed.stream().map(Claimed::id).toList(), now);
        }
    }
}
