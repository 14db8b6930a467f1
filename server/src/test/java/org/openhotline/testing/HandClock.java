package org.openhotline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for unit tests that stands still until the test moves it (a window passing, a total growing old). Unlike
 * {@link TestClock}, the platform's clock in tests, it starts at a fixed instant and is nobody else's. Read in another
 * zone ({@link #withZone}) it still follows every move: both share the one instant.
 */
public final class HandClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public HandClock(Instant start) {
        this(start, ZoneId.of("Asia/Shanghai"));
    }

    public HandClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private HandClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    public void set(Instant at) {
        now.set(at);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new HandClock(now, other);
    }
}
