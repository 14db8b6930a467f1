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
 * is a flood all the same. A window's count is spread over {@link #SHARDS} rows, one picked at random per hit: one row
 * per bucket made every hit from a busy address wait for the previous hit's commit (the portal benchmark's requests
 * spent most of their time there). A hit sees its own row's count and the other rows' committed counts, so
 * concurrent hits at the very limit may let a few more through than {@code limit}. Windows older than a day are
 * deleted by {@link #purge}.
 */
@Component
public class RateLimits {

    static final int SHARDS = 8;

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
        int shard = java.util.concurrent.ThreadLocalRandom.current().nextInt(SHARDS);
        int hits = jdbc.sql("""
                with hit as (
                    insert into ch_rate_hit (bucket, window_start, shard, hits) values (:bucket, :start, :shard, 1)
                    on conflict (bucket, window_start, shard) do update set hits = ch_rate_hit.hits + 1 returning hits)
                select (select hits from hit) + coalesce((select sum(hits) from ch_rate_hit
                                                           where bucket = :bucket and window_start = :start
                                                             and shard <> :shard), 0)""")
                .param("bucket", bucket).param("start", Timestamp.from(start)).param("shard", shard)
                .query(Integer.class).single();
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
