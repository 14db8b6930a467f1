package org.openhotline.workorder.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HandClock;

/** A large list total is counted once per reuse time and per scope and filters; a small one every time. */
class ListTotalsTest {

    private static final String SQL = "select count(*) from (select 1 from work_order w where w.owner_path like :scope || '%'"
            + " and w.channel = :channel limit :cap) c";

    private final HandClock clock = new HandClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final ListTotals totals = new ListTotals(clock, Duration.ofSeconds(10));
    private final AtomicInteger counted = new AtomicInteger();

    private long total(String scope, long actual) {
        return totals.total(SQL, Map.of("scope", scope, "channel", "WECHAT", "cap", 10_001, "me", 7L), () -> {
            counted.incrementAndGet();
            return actual;
        });
    }

    @Test
    void aLargeTotalIsTakenAgainForTheReuseTimeThenCountedAfresh() {
        assertThat(total("JZ", 7_412)).isEqualTo(7_412);
        clock.advance(Duration.ofSeconds(9));
        assertThat(total("JZ", 7_415)).as("9 s later: the kept total").isEqualTo(7_412);
        assertThat(counted).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(total("JZ", 7_415)).as("10 s later: counted again").isEqualTo(7_415);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aSmallTotalIsCountedEveryTime() {
        assertThat(total("JZ-DH", 3)).isEqualTo(3);
        assertThat(total("JZ-DH", 4)).as("a fourth order shows at once").isEqualTo(4);
        assertThat(counted).hasValue(2);
    }

    @Test
    void anotherScopeIsCountedForItselfAndAValueTheQueryDoesNotNameDoesNotSplitTheTotals() {
        total("JZ", 7_412);
        assertThat(total("JZ-XS", 5_001)).isEqualTo(5_001);
        assertThat(counted).hasValue(2);
        long other = totals.total(SQL, Map.of("scope", "JZ", "channel", "WECHAT", "cap", 10_001, "me", 8L), () -> {
            counted.incrementAndGet();
            return 1;
        });
        assertThat(other).as("another account with the same scope and filters").isEqualTo(7_412);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aClockSetBackAndAReuseTimeOfZeroCountEveryTime() {
        total("JZ", 7_412);
        clock.advance(Duration.ofSeconds(-1));
        assertThat(total("JZ", 7_000)).isEqualTo(7_000);
        var never = new ListTotals(clock, Duration.ZERO);
        never.total(SQL, Map.of("scope", "JZ", "channel", "WECHAT", "cap", 10_001), () -> 9_000);
        assertThat(never.total(SQL, Map.of("scope", "JZ", "channel", "WECHAT", "cap", 10_001), () -> 9_001)).isEqualTo(9_001);
    }
}
