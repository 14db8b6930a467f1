package org.openhotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The test clock read in another zone ({@code LocalDate.now(clock.withZone(…))}, as the forecast and the demo do)
 * follows the test's moves: it used to copy the offset of the moment and ignore a freeze.
 */
class TestClockTest {

    @Test
    void aClockInAnotherZoneFollowsFreezesAndLaterMoves() {
        TestClock clock = new TestClock(ZoneId.of("Asia/Shanghai"));
        Clock utc = clock.withZone(ZoneId.of("UTC"));
        Instant at = Instant.parse("2031-05-17T15:30:00Z"); // 23:30 in Beijing, still the 17th in UTC
        clock.freezeAt(at);
        assertThat(utc.instant()).isEqualTo(at);
        assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2031, 5, 17));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 5, 17));
        clock.advance(Duration.ofHours(1));
        assertThat(utc.instant()).as("a move after withZone is seen").isEqualTo(at.plus(Duration.ofHours(1)));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 5, 18));
        assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
        clock.reset();
        assertThat(Duration.between(Instant.now(), utc.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
