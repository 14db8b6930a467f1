package org.openhotline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.identity.LoginThrottled;
import org.openhotline.testing.HandClock;

/** The sliding window of {@link LoginThrottle}, with time moved by hand. */
class LoginThrottleWindowTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
    private final List<Object> published = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(20, Duration.ofMinutes(1), List.of("203.0.113.9", "::1"), clock, published::add);

    @Test
    void anAddressWaitsUntilItsOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("192.0.2.7");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        throttle.failed("192.0.2.7"); // the 20th, 19 s after the first
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofSeconds(41));
        assertThat(throttle.waitFor("198.51.100.1")).as("other addresses are not affected").isEmpty();
        assertThat(published).singleElement().isInstanceOfSatisfying(LoginThrottled.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(41));

        clock.advance(Duration.ofSeconds(40));
        assertThat(throttle.waitFor("192.0.2.7")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("192.0.2.7")).as("the first failure left the window").isEmpty();
    }

    @Test
    void exemptAddressesAreNeverThrottled() {
        for (int i = 0; i < 25; i++) {
            throttle.failed("203.0.113.9");
            throttle.failed("0:0:0:0:0:0:0:1"); // ::1 as the servlet container spells it
        }
        assertThat(throttle.waitFor("203.0.113.9")).isEmpty();
        assertThat(throttle.waitFor("0:0:0:0:0:0:0:1")).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(LoginThrottle.seconds(Duration.ofMillis(40_100))).isEqualTo(41);
        assertThat(LoginThrottle.seconds(Duration.ZERO)).isEqualTo(1);
    }
}
