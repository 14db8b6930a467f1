package org.openhotline.shared.cluster;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Takes and renews the lease every few seconds from its own thread (a busy scheduler must not let the lease lapse),
 * and gives it up on a graceful stop so the other node takes over at its next try. Starts last (when the node is
 * ready to serve) and stops first: the lease is given up at once, not after the web server's graceful drain (up to
 * 10 s with open event streams; a rolling restart measured 13.4 s before the hand-over when it stopped last).
 */
final class LeaseKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final DatabaseLease lease;
    private final Duration every;
    private final ApplicationEventPublisher events;
    private final ReachabilityGuard guard;
    private volatile Thread thread;

    LeaseKeeper(DatabaseLease lease, Duration every, ApplicationEventPublisher events) {
        this(lease, every, events, null);
    }

    /** With a {@code guard} (null: none), a node the SIP proxy no longer reaches gives the lease to one it does. */
    LeaseKeeper(DatabaseLease lease, Duration every, ApplicationEventPublisher events, ReachabilityGuard guard) {
        this.lease = lease;
        this.every = every;
        this.events = events;
        this.guard = guard;
    }

    @Override
    public void start() {
        log.info("cluster node {}: competing for lease {} every {}", lease.node(), lease.name(), every);
        thread = Thread.ofPlatform().name("cluster-lease").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                takeOrRenew();
                try {
                    Thread.sleep(lease.nextTryIn(every));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * One try; when it made this node the holder (it was not, by its own belief, a moment ago) the listeners hear of
     * it on a thread of their own: a listener rebuilding the ACD must not hold up the next renewal.
     */
    void takeOrRenew() {
        if (guard != null && guard.stepsAside()) {
            if (lease.held()) {
                // the call center cannot take calls here (ADR 050, decision 7): the node the proxy reaches takes over
                log.warn("lease {}: {} gives it up at epoch {}: the SIP proxy has not reached it for {}, another node it"
                        + " reaches takes over", lease.name(), lease.node(), lease.epoch(), guard.timeout());
                lease.release();
            }
            return;
        }
        long before = lease.epoch();
        if (lease.tryAcquire()) {
            long now = lease.epoch();
            if (now != 0 && now != before) {
                SingletonLeaseTaken taken = new SingletonLeaseTaken(lease.node(), now);
                Thread.ofVirtual().name("cluster-lease-taken").start(() -> {
                    try {
                        events.publishEvent(taken);
                    } catch (RuntimeException e) {
                        log.error("lease {}: a listener of the hand-over failed", lease.name(), e);
                    }
                });
            }
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(every.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lease.release();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
