package org.openhotline.shared.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells the lease keeper when this node should step aside: the SIP proxy has not reached it for the timeout while it
 * has reached another node. Each try writes this node's last probe to {@code cluster_node} (as an age, so the row is
 * in the database's clock) and reads whether another node's is fresh. A node cut off from the proxy while every node
 * is (the proxy itself is down) keeps the lease: moving it would only restart the call center elsewhere for nothing,
 * and the timers and schedulers would stop. A database error never makes a node step aside (the lease itself handles
 * a lost database).
 */
final class ReachabilityGuard {
    private static final Logger log = LoggerFactory.getLogger(ReachabilityGuard.class);

    private final JdbcClient jdbc;
    private final String node;
    private final Duration timeout;
    private final NodeReachability reachability;
    private final Clock clock;
    private int tries;

    ReachabilityGuard(JdbcClient jdbc, String node, Duration timeout, NodeReachability reachability, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.timeout = timeout;
        this.reachability = reachability;
        this.clock = clock;
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether this node must not hold (or take) the lease now: cut off from the proxy, and another node is not. */
    boolean stepsAside() {
        Instant now = clock.instant();
        Long ageMillis = reachability.lastReachedAt().map(at -> Math.max(0, Duration.between(at, now).toMillis())).orElse(null);
        boolean reached = ageMillis != null && ageMillis <= timeout.toMillis();
        try {
            jdbc.sql("""
                    insert into cluster_node (node, reached_at, seen_at)
                    values (:node, now() - cast(:age as bigint) * interval '1 millisecond', now())
                    on conflict (node) do update set reached_at = excluded.reached_at, seen_at = excluded.seen_at""")
                    .param("node", node).param("age", ageMillis).update();
            if (++tries % 600 == 1) {
                jdbc.sql("delete from cluster_node where seen_at < now() - interval '1 hour'").update();
            }
            if (reached) {
                return false;
            }
            return jdbc.sql("""
                    select exists (select 1 from cluster_node
                                    where node <> :node
                                      and seen_at > now() - :timeout * interval '1 millisecond'
                                      and reached_at > now() - :timeout * interval '1 millisecond')""")
                    .param("node", node).param("timeout", timeout.toMillis()).query(Boolean.class).single();
        } catch (RuntimeException e) {
            log.debug("cluster node {}: reachability not written ({})", node, e.getMessage());
            return false;
        }
    }
}
