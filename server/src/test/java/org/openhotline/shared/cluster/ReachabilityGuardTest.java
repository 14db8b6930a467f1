package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease holder the SIP proxy no longer reaches gives the call center to a node it reaches (docs/adr/050-cluster.md,
 * decision 7), and only then: when the proxy reaches no node at all, the holder keeps it. Two keepers with their own
 * {@link DatabaseLease} and guard on the shared test database, as two platform processes; each node's probes are a
 * value the test moves.
 */
@HotlineTest
class ReachabilityGuardTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "test-reach-" + tag;
    private final String nodeA = "node-a-" + tag;
    private final String nodeB = "node-b-" + tag;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from cluster_lease where name = ?").param(name).update();
        jdbc.sql("delete from cluster_node where node in (?, ?)").params(nodeA, nodeB).update();
    }

    @Test
    void aHolderCutOffFromTheProxyGivesTheLeaseToANodeItReachesButKeepsItWhenItReachesNone() {
        AtomicReference<Instant> probedA = new AtomicReference<>(clock.instant());
        AtomicReference<Instant> probedB = new AtomicReference<>(clock.instant());
        var a = new DatabaseLease(jdbc, name, nodeA, Duration.ofMinutes(1));
        var b = new DatabaseLease(jdbc, name, nodeB, Duration.ofMinutes(1));
        var keeperA = keeper(a, nodeA, probedA);
        var keeperB = keeper(b, nodeB, probedB);

        keeperA.takeOrRenew();
        keeperB.takeOrRenew();
        assertThat(a.held()).isTrue();
        assertThat(b.held()).isFalse();
        long epoch = a.epoch();

        // the proxy no longer reaches A (a cut cable, a firewall rule); it still probes B
        probedA.set(clock.instant().minusSeconds(10));
        probedB.set(clock.instant());
        keeperB.takeOrRenew();
        assertThat(b.held()).as("B does not take a lease A holds and renews").isFalse();
        keeperA.takeOrRenew();
        assertThat(a.held()).as("A steps aside").isFalse();
        keeperB.takeOrRenew();
        assertThat(b.held()).as("B takes over at its next try, not after the time to live").isTrue();
        assertThat(b.epoch()).isEqualTo(epoch + 1);
        keeperA.takeOrRenew();
        assertThat(a.held()).as("A, still cut off, does not take it back").isFalse();

        // now the proxy reaches nobody (Kamailio itself is down): B keeps the call center where it is
        probedB.set(clock.instant().minusSeconds(10));
        keeperA.takeOrRenew();
        keeperB.takeOrRenew();
        assertThat(b.held()).isTrue();
        assertThat(b.epoch()).isEqualTo(epoch + 1);
        assertThat(a.held()).isFalse();

        // a node the proxy never probed at all (just started) steps aside for one it reaches
        probedA.set(clock.instant());
        probedB.set(null);
        keeperA.takeOrRenew();
        keeperB.takeOrRenew();
        keeperA.takeOrRenew();
        assertThat(a.held()).isTrue();
        assertThat(b.held()).isFalse();
    }

    private LeaseKeeper keeper(DatabaseLease lease, String node, AtomicReference<Instant> probed) {
        NodeReachability reachability = () -> Optional.ofNullable(probed.get());
        return new LeaseKeeper(lease, Duration.ofSeconds(1), event -> { },
                new ReachabilityGuard(jdbc, node, TIMEOUT, reachability, clock));
    }
}
