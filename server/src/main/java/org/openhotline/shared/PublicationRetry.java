package org.openhotline.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again, while the platform runs, the listeners that failed (ADR 004, decision 9). A listener that fails — the
 * database failing over under it, a gateway away — leaves its publication FAILED, and one cut off by a dying
 * connection leaves it PROCESSING, which Spring Modulith's staleness monitor turns into FAILED after
 * {@code spring.modulith.events.staleness.processing}. Until now only a restart resubmitted them: a database drill
 * left the report facts of the orders created at the moment of the failover missing, and their SMS receipts unsent,
 * until the next restart. This job resubmits them every {@code hotline.events.retry-every} (on the lease holder in a
 * cluster, like every scheduled job), each publication again after as many intervals as it has failed before, and
 * gives up after {@code hotline.events.retry-attempts}: what is left is a defect, counted by the operations
 * module's queue probe (incomplete publications) for the operator. The listeners are written to be run again (every
 * row they write is keyed by its cause), as they already were for the resubmission at restart.
 */
@Component
public class PublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration every;
    private final int attempts;

    PublicationRetry(FailedEventPublications failed, JdbcClient jdbc, Clock clock,
                     @Value("${hotline.events.retry-every:PT1M}") Duration every,
                     @Value("${hotline.events.retry-attempts:10}") int attempts) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = every;
        this.attempts = attempts;
    }

    @Scheduled(fixedDelayString = "${hotline.events.retry-every:PT1M}", initialDelayString = "${hotline.events.retry-every:PT1M}")
    void retry() {
        retryNow();
    }

    /** Resubmits the failed publications that are due; answers how many it resubmitted. */
    public long retryNow() {
        return retryAsOf(clock.instant());
    }

    /** As {@link #retryNow()} with the time the back-off is measured against (tests move it on). */
    long retryAsOf(Instant now) {
        long waiting = jdbc.sql("select count(*) from event_publication where status = 'FAILED'").query(Long.class).single();
        if (waiting == 0) {
            return 0;
        }
        var resubmitted = new java.util.concurrent.atomic.AtomicLong();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(p -> {
            boolean due = due(p, now);
            if (due) {
                resubmitted.incrementAndGet();
            }
            return due;
        }));
        // only when something was resubmitted: a publication waiting out its back-off, or given up, is not news
        // every minute (the operations module's queue probe counts what is left)
        if (resubmitted.get() > 0) {
            log.info("Resubmitted {} of {} failed event publications", resubmitted.get(), waiting);
        }
        return resubmitted.get();
    }

    private boolean due(EventPublication p, Instant now) {
        if (p.getCompletionAttempts() >= attempts) {
            return false;
        }
        Instant last = p.getLastResubmissionDate();
        return last == null || !now.isBefore(last.plus(every.multipliedBy(Math.max(1, p.getCompletionAttempts()))));
    }
}
