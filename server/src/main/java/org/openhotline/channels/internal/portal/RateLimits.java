package org.openhotline.channels.internal.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in the database ({@code ch_rate_hit}), so that every instance behind a load balancer counts
 * the same hits. A hit counts even when the request fails later (in its own transaction): a flood of bad requests
 * is a flood all the same. Windows older than a day are deleted by {@link #purge}.
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a hit on {@code bucket}; throws 429 with {@code message} when the window already had {@code limit}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
    public void hit(String bucket, int limit, Duration window, String message) {
        Instant now = clock.instant();
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
        int hits = jdbc.sql("""
                insert into ch_rate_hit (bucket, window_start, hits) values (?, ?, 1)
                on conflict (bucket, window_start) do update set hits = ch_rate_hit.hits + 1 returning hits""")
                .params(bucket, Timestamp.from(start)).query(Integer.class).single();
        if (hits > limit) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", message);
        }
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    public int purge() {
        return jdbc.sql("delete from ch_rate_hit where window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
