package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keeper tells the node's listeners when it became the singletons' holder ({@link SingletonLeaseTaken}) — at a
 * hand-over, not at each renewal — so what lives in the holder's memory (the ACD's chats) is rebuilt there. Two
 * lease instances on the test database stand for two nodes; the keeper's tries are made by hand, not by its thread.
 */
@HotlineTest
class LeaseTakenEventTest {

    @Autowired
    JdbcClient jdbc;

    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from cluster_lease where name = ?").param(name).update();
    }

    @Test
    void theKeeperPublishesWhenItsNodeTakesTheLeaseAndNotWhenItRenews() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofMinutes(1));
        var b = new DatabaseLease(jdbc, name, "node-b", Duration.ofMinutes(1));
        List<Object> heard = new CopyOnWriteArrayList<>();
        var keeperOfB = new LeaseKeeper(b, Duration.ofSeconds(1), heard::add);

        assertThat(a.tryAcquire()).isTrue();
        keeperOfB.takeOrRenew(); // A holds it: nothing for B
        a.release(); // A stops gracefully
        keeperOfB.takeOrRenew(); // B takes it over
        long firstEpoch = b.epoch();
        assertThat(firstEpoch).isPositive();
        keeperOfB.takeOrRenew(); // a renewal: nothing new
        b.release();
        assertThat(a.tryAcquire()).isTrue();
        a.release();
        keeperOfB.takeOrRenew(); // B again, at a later epoch
        long secondEpoch = b.epoch();

        Wait.until("B's listeners heard of two hand-overs", () -> heard.size() >= 2, Duration.ofSeconds(30), heard::toString);
        assertThat(heard).containsExactlyInAnyOrder(new SingletonLeaseTaken("node-b", firstEpoch),
                new SingletonLeaseTaken("node-b", secondEpoch));
        assertThat(secondEpoch).isGreaterThan(firstEpoch);
    }
}
