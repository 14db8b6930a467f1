package org.openhotline.exchange.internal.pipe;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outbox and inbox retention (ADR 015: sent rows stay for the reconciliation): messages that are done — sent or
 * discarded on the way out, applied or discarded on the way in — are deleted once they are (the step that caused an
 * outgoing one, the arrival of an incoming one) older than {@code hotline.exchange.retention} (90 days by default; at least 7, so the nightly reconciliation of
 * yesterday and a week of re-runs always find them). Pending and dead messages are never deleted: they wait for the
 * pipe or the operator. The inbox keeps its idempotency keys just as long, so a counterpart resending something
 * older than that would be applied again — which is why the floor is generous. In batches, nightly.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    Retention(JdbcClient jdbc, Clock clock, @Value("${hotline.exchange.retention:P90D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep.compareTo(Duration.ofDays(7)) < 0 ? Duration.ofDays(7) : keep;
    }

    @Scheduled(cron = "${hotline.exchange.retention-cron:0 10 3 * * *}", zone = "${hotline.time-zone}")
    void nightly() {
        int[] deleted = run();
        if (deleted[0] + deleted[1] > 0) {
            log.info("exchange retention: deleted {} outgoing and {} incoming messages older than {}", deleted[0],
                    deleted[1], keep);
        }
    }

    /** Deletes what is done and older than the retention; returns {outgoing, incoming} deleted. */
    public int[] run() {
        var before = clock.instant().minus(keep).atOffset(ZoneOffset.UTC);
        int out = 0;
        int in = 0;
        int n;
        do {
            n = jdbc.sql("""
                    delete from ex_outbox where id in (select id from ex_outbox
                     where state in ('SENT', 'DISCARDED') and created_at < ? limit ?)""").params(before, BATCH).update();
            out += n;
        } while (n == BATCH);
        do {
            n = jdbc.sql("""
                    delete from ex_inbox where id in (select id from ex_inbox
                     where state in ('APPLIED', 'DISCARDED') and received_at < ? limit ?)""").params(before, BATCH).update();
            in += n;
        } while (n == BATCH);
        return new int[] {out, in};
    }
}
