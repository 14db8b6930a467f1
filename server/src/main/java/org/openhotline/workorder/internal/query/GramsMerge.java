package org.openhotline.workorder.internal.query;

import java.time.Duration;
import org.openhotline.shared.cluster.SingletonLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges the grams of new orders from the GIN index's pending list into the index every second, so that no create
 * pays for it (migration V202612070401, ADR 017). A thread of its own, not a {@code @Scheduled} job: on a single
 * node those run on the call center's timer thread, which must not wait for a merge. In a cluster only the lease
 * holder merges; a merge elsewhere would only wait for this one. {@code hotline.workorder.grams-merge-every=0}
 * turns it off (creates merge when the list is full, as before).
 */
@Component
class GramsMerge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GramsMerge.class);

    private final JdbcClient jdbc;
    private final SingletonLease lease;
    private final Duration every;
    private volatile Thread thread;

    GramsMerge(JdbcClient jdbc, SingletonLease lease,
               @Value("${hotline.workorder.grams-merge-every:PT1S}") Duration every) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.every = every;
    }

    /** Merges what is pending now; returns the pending list's pages it emptied. */
    long mergeNow() {
        return jdbc.sql("select wo_merge_grams()").query(Long.class).single();
    }

    @Override
    public void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        thread = Thread.ofPlatform().name("grams-merge").daemon().start(() -> {
            boolean failing = false;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (lease.held()) {
                        mergeNow();
                    }
                    failing = false;
                } catch (RuntimeException e) {
                    if (!failing) { // once per outage (a database failover), not every second
                        log.warn("grams merge failed ({}); creates merge the pending list themselves meanwhile", e.getMessage());
                    }
                    failing = true;
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000); // a merge in progress ends before the pool closes under it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
