package org.openhotline.channels.internal.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fixed-window counters in the database ({@code ch_rate_hit}), so that every instance behind a load balancer counts
 * against the same ceiling. A hit counts even when the request fails later (in a transaction of its own, or the
 * caller's gate transaction): a flood of bad requests is a flood all the same. Windows older than a day are deleted
 * by {@link #purge}.
 *
 * <p>A node does not write every hit (issue 14: the one counter row of a busy address was a third of a portal
 * submit's database wait, every submit queueing on its lock): it <em>reserves</em> hits in the row and spends them
 * from memory. The first reservation of a window is one hit, each further one twice the last, at most
 * {@link #chunkCap} — a sixteenth of the limit, at most 64 — so a limit below 32 (the portal's submit and SMS
 * limits as shipped) is counted hit by hit, with nothing in memory, and a busy window costs one statement per up to
 * 64 hits. The row is never raised past the
 * limit by a reservation, and a node spends only what its committed reservations gave it, so the hits let through on
 * all nodes together never exceed the limit; hits reserved but not spent (a node that went quiet) only make the
 * window refuse a little early. The reserved hits are counted as soon as they are committed, so a node that dies
 * loses no count.
 *
 * <p>A bucket names whom it counts — {@code sms-phone:} and a citizen's number, {@code submit-ip:} and an IP address.
 * The row keeps the kind and a keyed index of the rest ({@link #stored}), never the number or address itself: the
 * counters are in every dump of the database (ADR 041).
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** This node's unspent reservations per bucket and window. */
    private final ConcurrentHashMap<Window, Allowance> allowances = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a hit on {@code bucket}; throws 429 with {@code message} when the window already had {@code limit}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
    public void hit(String bucket, int limit, Duration window, String message) {
        count(bucket, limit, window, message);
    }

    /**
     * {@link #hit} inside the caller's transaction, which must commit even when a request is refused (it is a gate's
     * transaction of its own, {@code noRollbackFor} {@link DomainException}): one commit for several checks.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DomainException.class)
    public void count(String bucket, int limit, Duration window, String message) {
        Instant now = clock.instant();
        long size = window.toMillis();
        long start = now.toEpochMilli() / size * size;
        if (chunkCap(limit) == 1) {
            // counted hit by hit: nothing to keep in memory (a bucket per phone number must not fill the heap)
            if (reserve(bucket, start, limit, 1) > limit) {
                throw refused(message);
            }
            return;
        }
        sweep(now.toEpochMilli());
        Allowance allowance = allowances.computeIfAbsent(new Window(bucket, start, size), w -> new Allowance());
        switch (allowance.take(limit)) {
            case TAKEN -> {
                return;
            }
            case FULL -> throw refused(message);
            case ASK -> reserve(bucket, start, limit, allowance, message);
        }
    }

    private void reserve(String bucket, long start, int limit, Allowance allowance, String message) {
        int chunk = allowance.nextChunk(limit);
        int hits = reserve(bucket, start, limit, chunk);
        if (hits > limit) {
            // the window was full before this hit (a reservation never passes the limit): it stays full
            allowance.full(limit);
            throw refused(message);
        }
        // Below the limit the whole chunk was reserved; at the limit it may have been less (the row does not say how
        // many it had): one, this hit, is sure, the rest is left unspent.
        int reserved = hits < limit ? chunk : 1;
        boolean reachedLimit = hits == limit;
        afterCommit(() -> allowance.add(limit, reserved - 1, reachedLimit));
    }

    /** Adds up to {@code chunk} hits to the window's row, never past the limit but by one; returns the row's hits. */
    private int reserve(String bucket, long start, int limit, int chunk) {
        // The row takes at most what is left under the limit (one hit when nothing is: it counts as refused).
        return jdbc.sql("""
                insert into ch_rate_hit (bucket, window_start, hits) values (:bucket, :start, greatest(1, least(:chunk, :limit)))
                on conflict (bucket, window_start) do update
                   set hits = ch_rate_hit.hits + greatest(1, least(:chunk, :limit - ch_rate_hit.hits))
                returning hits""")
                .param("bucket", stored(bucket)).param("start", Timestamp.from(Instant.ofEpochMilli(start)))
                .param("chunk", chunk).param("limit", limit).query(Integer.class).single();
    }

    /**
     * The bucket as its row names it: the kind before the first colon as it is, what follows (a phone number, an IP
     * address) as its exact blind index ({@link PersonalData#idIndex}), so the same citizen meets the same row on every
     * node. A bucket without a colon names nobody and is kept as it is.
     */
    static String stored(String bucket) {
        int colon = bucket.indexOf(':');
        if (colon < 0) {
            return bucket;
        }
        String kind = bucket.substring(0, colon);
        byte[] index = PersonalData.idIndex("rate-limit:" + kind, bucket.substring(colon + 1));
        return index == null ? bucket : kind + ":#" + Base64.getEncoder().withoutPadding().encodeToString(index);
    }

    private static DomainException refused(String message) {
        return new DomainException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", message);
    }

    /** What a node reserves at most at once for a window with this limit. */
    static int chunkCap(int limit) {
        return Math.max(1, Math.min(64, limit / 16));
    }

    /** The reservation counts only once it is committed: a rolled-back one gave nothing. */
    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    /** Forgets the windows that ended, once a minute at most (the map holds one entry per bucket seen in a window). */
    private void sweep(long nowMillis) {
        if (nowMillis - sweptAt < 60_000 && nowMillis >= sweptAt) {
            return;
        }
        sweptAt = nowMillis;
        allowances.keySet().removeIf(w -> w.start() + w.size() <= nowMillis);
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    public int purge() {
        return jdbc.sql("delete from ch_rate_hit where window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    private record Window(String bucket, long start, long size) {}

    enum Taken { TAKEN, FULL, ASK }

    /**
     * A window's hits reserved by this node and not spent yet. Reserved under one limit: when the limit changes (the
     * settings were edited) what is left is dropped and the database is asked again.
     */
    static final class Allowance {

        private int limit = -1;
        private int left;
        private boolean full;
        private int chunk = 1;

        synchronized Taken take(int limit) {
            if (this.limit != limit) {
                this.limit = limit;
                left = 0;
                full = false;
                chunk = 1;
            }
            if (left > 0) {
                left--;
                return Taken.TAKEN;
            }
            return full ? Taken.FULL : Taken.ASK;
        }

        synchronized int nextChunk(int limit) {
            int next = Math.min(chunk, chunkCap(limit));
            chunk = Math.min(chunkCap(limit), chunk * 2);
            return next;
        }

        synchronized void add(int limit, int hits, boolean reachedLimit) {
            if (this.limit == limit) {
                left += hits;
                full |= reachedLimit;
            }
        }

        synchronized void full(int limit) {
            if (this.limit == limit) {
                full = true;
            }
        }
    }
}
