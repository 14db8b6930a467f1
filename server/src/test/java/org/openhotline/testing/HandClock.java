package org.openhotline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock for unit tests that stands still until the test moves it (a window passing, a total growing old). Unlike
 * {@link TestClock}, the platform's clock in tests, it starts at a fixed instant and is nobody else's.
 */
public final class HandClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public HandClock(Instant start) {
        this(start, ZoneId.of("Asia/Shanghai"));
    }

    public HandClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant at) {
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new HandClockView(this, other);
    }

    /** This clock read in another zone, following its moves. */
    private static final class HandClockView extends Clock {
        private final HandClock clock;
        private final ZoneId zone;

        HandClockView(HandClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new HandClockView(clock, other);
        }
    }
}
