package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

/** The watchdog's decisions, with a {@code sleep} process standing in for the postmaster. */
class PostgresWatchdogTest {

    private final List<AvailabilityState> published = new CopyOnWriteArrayList<>();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private PostgresWatchdog watchdog;

    private Process sleep() {
        try {
            Process p = new ProcessBuilder("sleep", "600").start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PostgresWatchdog watch(PostgresWatchdog.Postmaster postmaster) {
        watchdog = new PostgresWatchdog(postmaster, event -> published.add(((AvailabilityChangeEvent<?>) event).getState()),
                3, Duration.ofMillis(1)).start();
        return watchdog;
    }

    @AfterEach
    void end() {
        if (watchdog != null) {
            watchdog.close();
        }
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aDeadPostmasterIsStartedAgainAndThePlatformIsReadyAgain() {
        var postmaster = new FakePostmaster(sleep(), 0);
        var watchdog = watch(postmaster);
        postmaster.current.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> published.contains(ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(published).containsExactly(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(postmaster.restarts.get()).isEqualTo(1);
        assertThat(watchdog.state()).isEqualTo(PostgresWatchdog.State.UP);
        assertThat(postmaster.current.isAlive()).isTrue();
    }

    @Test
    void whenEveryRestartFailsThePlatformReportsItselfBroken() {
        var postmaster = new FakePostmaster(sleep(), Integer.MAX_VALUE);
        var watchdog = watch(postmaster);
        postmaster.current.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> published.contains(LivenessState.BROKEN));
        assertThat(published).containsExactly(ReadinessState.REFUSING_TRAFFIC, LivenessState.BROKEN);
        assertThat(postmaster.restarts.get()).isEqualTo(3);
        assertThat(watchdog.state()).isEqualTo(PostgresWatchdog.State.FAILED);
    }

    @Test
    void aStoppedWatchdogLeavesAStoppedPostmasterAlone() {
        var postmaster = new FakePostmaster(sleep(), 0);
        watch(postmaster).close();
        postmaster.current.destroyForcibly();
        postmaster.current.onExit().join();
        assertThat(published).isEmpty();
        assertThat(postmaster.restarts.get()).isZero();
    }

    /** Restarting fails {@code failures} times, then starts a new process. */
    private final class FakePostmaster implements PostgresWatchdog.Postmaster {
        volatile Process current;
        final int failures;
        final AtomicInteger restarts = new AtomicInteger();

        FakePostmaster(Process first, int failures) {
            this.current = first;
            this.failures = failures;
        }

        @Override
        public Process process() {
            return current;
        }

        @Override
        public void restart() throws IOException {
            if (restarts.incrementAndGet() <= failures) {
                throw new IOException("shared memory still in use");
            }
            current = sleep();
        }
    }
}
