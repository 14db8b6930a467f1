package org.openhotline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in tests: the system clock plus an offset that a test may move forward (a sign-for deadline
 * passing) and must {@link #reset()} when done, so every other test sees real time.
 */
public final class TestClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    TestClock(ZoneId zone) {
        this.system = Clock.system(zone);
    }

    public void advance(Duration by) {
        Instant stopped = frozen;
        if (stopped != null) {
            frozen = stopped.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Moves the clock so that it now reads {@code at}. */
    public void set(Instant at) {
        frozen = null;
        offset = Duration.between(system.instant(), at);
    }

    /** Stops the clock at {@code at} (durations exact to the millisecond) until it is set, moved on or reset. */
    public void freezeAt(Instant at) {
        frozen = at;
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    /** This clock read in another zone: it follows every later move, a freeze included. */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : system.instant().plus(offset);
    }

    /** Registered by {@link HotlineTest}: injected wherever the platform takes a {@link Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        @Primary
        TestClock testClock(@Value("${hotline.time-zone:Asia/Shanghai}") String zone) {
            return new TestClock(ZoneId.of(zone));
        }
    }
}
