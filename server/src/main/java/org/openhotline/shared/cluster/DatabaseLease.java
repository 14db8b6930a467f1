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

    private final JdbcClient jdbc;
    private final String name;
    private final String node;
    private final Duration ttl;
    private volatile long epoch;
    private volatile long heldUntilNanos;

    public DatabaseLease(JdbcClient jdbc, String name, String node, Duration ttl) {
        this.jdbc = jdbc;
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
            got = jdbc.sql("""
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
                    returning epoch""")
                    .param("name", name).param("node", node).param("ttl", ttl.toMillis())
                    .query(Long.class).optional().orElse(null);
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
            jdbc.sql("update cluster_lease set expires_at = now() where name = ? and holder = ?")
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

    @Override
    public void fence(long expected) {
        boolean current = jdbc.sql("select 1 from cluster_lease where name = ? and holder = ? and epoch = ? for share")
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
}
