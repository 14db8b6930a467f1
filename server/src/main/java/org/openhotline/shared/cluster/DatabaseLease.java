package org.openhotline.shared.cluster;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lease as a row of {@code cluster_lease}, taken and renewed by one statement. The row's expiry is in the
 * database's clock; this node's own belief that it holds the lease runs on {@link System#nanoTime()} from the moment
 * it asked (not the injected clock: tests move that one, and a lease must not be stretched by moving time), and ends
 * a safety margin before the row's expiry, so the old holder stops before a new one may start. Should the old holder
 * still be writing (a long pause, a partition), fencing stops it: its epoch is stale.
 */
public final class DatabaseLease implements SingletonLease {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLease.class);

    /** The application's connections: {@link #fence} must run in the job's own transaction. */
    private final JdbcClient jdbc;
    /** Where the keeper takes and renews the lease: a connection of its own, so a busy pool cannot make it lapse. */
    private final JdbcClient keeper;
    private final String name;
    private final String node;
    private final Duration ttl;
    private volatile long epoch;
    private volatile long heldUntilNanos;
    /** When another node holds the row: the milliseconds until it expires, as the last try saw them. */
    private volatile long othersExpireInMillis = -1;

    public DatabaseLease(JdbcClient jdbc, String name, String node, Duration ttl) {
        this(jdbc, jdbc, name, node, ttl);
    }

    public DatabaseLease(JdbcClient jdbc, JdbcClient keeper, String name, String node, Duration ttl) {
        this.jdbc = jdbc;
        this.keeper = keeper;
        this.name = name;
        this.node = node;
        this.ttl = ttl;
    }

    /**
     * Takes the lease when it is free or expired, renews it when this node holds it; returns whether this node holds it
     * now. The epoch rises only when the holder changes.
     */
    public boolean tryAcquire() {
        long asked = System.nanoTime();
        Long got;
        try {
            // When another node holds it, the same round trip says when its row expires: the keeper tries again
            // right then instead of at its next period (ADR 050: a dead holder's row expires within the time to
            // live; waiting for the next renewal period on top of it cost up to one more period).
            Try answer = keeper.sql("""
                    with taken as (
                        insert into cluster_lease (name, holder, epoch, acquired_at, expires_at)
                        values (:name, :node, 1, now(), now() + :ttl * interval '1 millisecond')
                        on conflict (name) do update
                           set epoch = case when cluster_lease.holder = excluded.holder then cluster_lease.epoch
                                            else cluster_lease.epoch + 1 end,
                               acquired_at = case when cluster_lease.holder = excluded.holder then cluster_lease.acquired_at
                                                  else now() end,
                               holder = excluded.holder,
                               expires_at = excluded.expires_at
                         where cluster_lease.holder = excluded.holder or cluster_lease.expires_at <= now()
                        returning epoch)
                    select (select epoch from taken),
                           (select ceil(extract(epoch from expires_at - now()) * 1000)::bigint
                              from cluster_lease where name = :name)""")
                    .param("name", name).param("node", node).param("ttl", ttl.toMillis())
                    .query((rs, n) -> new Try((Long) rs.getObject(1), (Long) rs.getObject(2))).single();
            got = answer.epoch();
            othersExpireInMillis = got == null && answer.expiresInMillis() != null ? Math.max(0, answer.expiresInMillis()) : -1;
        } catch (RuntimeException e) {
            // The database is away (failover): keep what we believe until it runs out, and try again next round.
            log.warn("lease {}: cannot renew ({}); held for {} ms more at most", name, e.getMessage(),
                    Math.max(0, (heldUntilNanos - System.nanoTime()) / 1_000_000));
            return held();
        }
        if (got == null) {
            if (epoch != 0) {
                log.warn("lease {}: lost by {} at epoch {}", name, node, epoch);
            }
            epoch = 0;
            heldUntilNanos = asked;
            return false;
        }
        if (got != epoch) {
            log.info("lease {}: held by {} at epoch {}", name, node, got);
        }
        epoch = got;
        // a fifth of the time to live as margin for the trip to the database and the other node's clock rate
        heldUntilNanos = asked + ttl.toNanos() - ttl.toNanos() / 5;
        return true;
    }

    /** Gives the lease up (a graceful stop), so another node takes it at its next try instead of after the expiry. */
    public void release() {
        try {
            keeper.sql("update cluster_lease set expires_at = now() where name = ? and holder = ?")
                    .params(name, node).update();
        } catch (RuntimeException e) {
            log.warn("lease {}: cannot release ({})", name, e.getMessage());
        }
        epoch = 0;
        heldUntilNanos = System.nanoTime();
    }

    @Override
    public boolean held() {
        return epoch != 0 && System.nanoTime() - heldUntilNanos < 0;
    }

    @Override
    public long epoch() {
        return held() ? epoch : 0;
    }

    /**
     * Also refuses a holder whose row expired even though nobody took it yet: its keeper did not renew in time (a
     * pause, a partition, a starved CPU), so another node may take the lease at any moment — after this lock is
     * released, and then it sees this write as committed before its epoch began. {@code clock_timestamp()}, not
     * {@code now()}: the job's transaction may have begun long before its commit.
     */
    @Override
    public void fence(long expected) {
        boolean current = jdbc.sql("""
                        select 1 from cluster_lease
                         where name = ? and holder = ? and epoch = ? and expires_at > clock_timestamp()
                           for share""")
                .params(name, node, expected).query(Integer.class).optional().isPresent();
        if (!current) {
            throw new LeaseLostException(name, node, expected);
        }
    }

    @Override
    public String node() {
        return node;
    }

    public String name() {
        return name;
    }

    /**
     * How long the keeper waits before its next try, at most {@code every}: the holder renews each period; a node
     * waiting for another's row tries again just after that row expires (a few milliseconds later, for the clocks'
     * rounding), so a dead holder is replaced within the time to live plus one round trip.
     */
    Duration nextTryIn(Duration every) {
        long others = othersExpireInMillis;
        if (held() || others < 0) {
            return every;
        }
        return Duration.ofMillis(Math.min(every.toMillis(), others + 20));
    }

    private record Try(Long epoch, Long expiresInMillis) {}
}
