package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/** Which scheduled jobs the lease holds back, found on the tasks Spring itself makes of {@code @Scheduled} methods. */
class LeasedTaskSchedulerTest {

    private final List<String> ran = new ArrayList<>();
    private final FakeLease lease = new FakeLease();
    private final LeasedTaskScheduler scheduler = new LeasedTaskScheduler(null, lease);

    @Test
    void aLeasedJobRunsOnlyWhileTheNodeHoldsTheLeaseAndUnderItsEpoch() throws Exception {
        Runnable job = scheduler.leased(springTask("sweep"));

        lease.epoch = 0;
        job.run();
        assertThat(ran).isEmpty();

        lease.epoch = 7;
        job.run();
        assertThat(ran).containsExactly("sweep@7");
    }

    @Test
    void aJobMarkedEveryNodeRunsWithoutTheLease() throws Exception {
        Runnable job = scheduler.leased(springTask("flush"));

        lease.epoch = 0;
        job.run();

        assertThat(ran).containsExactly("flush@-");
    }

    @Test
    void aJobThatFailsWhileTheDatabaseIsAwayEndsQuietlyAndAnyOtherFailureGoesOn() throws Exception {
        lease.epoch = 3;
        Runnable away = scheduler.leased(springTask("away"));
        Runnable broken = scheduler.leased(springTask("broken"));
        Runnable awayEverywhere = scheduler.leased(springTask("awayOnEveryNode"));

        away.run(); // no exception: logged at WARN, runs again at its next time
        awayEverywhere.run();
        assertThat(ran).containsExactly("away@3", "awayOnEveryNode@-");
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::run).isInstanceOf(IllegalArgumentException.class).hasMessage("a defect");
    }

    /** The runnable Spring's scheduler receives for a {@code @Scheduled} method (wrapped for outcome tracking). */
    private Runnable springTask(String method) throws Exception {
        Method m = Jobs.class.getDeclaredMethod(method);
        return new FixedDelayTask(new ScheduledMethodRunnable(new Jobs(ran), m), Duration.ofSeconds(1), Duration.ZERO)
                .getRunnable();
    }

    static class Jobs {
        private final List<String> ran;

        Jobs(List<String> ran) {
            this.ran = ran;
        }

        void sweep() {
            ran.add("sweep@" + (LeaseScope.current() == null ? "-" : LeaseScope.current()));
        }

        void away() {
            ran.add("away@" + LeaseScope.current());
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLException("Connection refused", "08001"));
        }

        void broken() {
            throw new IllegalArgumentException("a defect");
        }

        @EveryNode
        void awayOnEveryNode() {
            ran.add("awayOnEveryNode@-");
            throw new org.springframework.dao.DataAccessResourceFailureException("primary gone");
        }

        @EveryNode
        void flush() {
            ran.add("flush@" + (LeaseScope.current() == null ? "-" : LeaseScope.current()));
        }
    }

    static class FakeLease implements SingletonLease {
        long epoch;

        @Override
        public boolean held() {
            return epoch != 0;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        @Override
        public void fence(long epoch) {}

        @Override
        public String node() {
            return "fake";
        }
    }
}
