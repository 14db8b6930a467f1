package org.openhotline;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Watches the embedded postmaster and starts it again when it dies (a kill, an OOM killer, a crash): PostgreSQL
 * replays its WAL on start, so every committed order is back, and the connection pool makes new connections
 * on the next borrow. While the database is down the platform reports itself not ready (load balancers send
 * no traffic); when every restart attempt failed it reports itself broken (liveness DOWN: an orchestrator or
 * systemd restarts the whole process).
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);

    /** What the watchdog restarts: the running postmaster and how to start a new one. */
    interface Postmaster {
        Process process();

        void restart() throws IOException;
    }

    enum State { UP, RECOVERING, FAILED }

    private final Postmaster postmaster;
    private final ApplicationEventPublisher events;
    private final int attempts;
    private final Duration firstDelay;
    private volatile State state = State.UP;
    private volatile boolean closed;
    private volatile Duration lastRecovery;
    private Thread thread;

    PostgresWatchdog(Postmaster postmaster, ApplicationEventPublisher events, int attempts, Duration firstDelay) {
        this.postmaster = postmaster;
        this.events = events;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    PostgresWatchdog start() {
        thread = Thread.ofVirtual().name("postgres-watchdog").start(this::watch);
        return this;
    }

    State state() {
        return state;
    }

    /** How long the last recovery took, from the postmaster's death to accepting connections again. */
    Duration lastRecovery() {
        return lastRecovery;
    }

    private void watch() {
        while (!closed) {
            Process process = postmaster.process();
            if (process == null) {
                return;
            }
            try {
                process.onExit().join();
            } catch (RuntimeException e) {
                return;
            }
            if (closed) {
                return;
            }
            long died = System.nanoTime();
            state = State.RECOVERING;
            log.error("Embedded PostgreSQL (pid {}) died with exit value {}: restarting it", process.pid(),
                    process.exitValue());
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            if (!recover()) {
                state = State.FAILED;
                log.error("Embedded PostgreSQL could not be restarted after {} attempts: the platform reports itself "
                        + "broken (liveness DOWN) and needs a restart", attempts);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
                return;
            }
            lastRecovery = Duration.ofNanos(System.nanoTime() - died);
            state = State.UP;
            log.warn("Embedded PostgreSQL is back after {} ms (crash recovery done)", lastRecovery.toMillis());
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /** Restart attempts with a growing pause: the dead postmaster's backends must exit and free its memory first. */
    private boolean recover() {
        Duration delay = firstDelay;
        for (int attempt = 1; attempt <= attempts && !closed; attempt++) {
            try {
                postmaster.restart();
                return true;
            } catch (IOException | RuntimeException e) {
                log.warn("Restart {} of {} of the embedded PostgreSQL failed: {}", attempt, attempts, e.getMessage());
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return false;
            }
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : delay.multipliedBy(2);
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
