package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes competing for one lease on the shared test database: two {@link DatabaseLease}s with different node
 * names, each with its own fenced transaction manager, as two platform processes would have.
 */
@HotlineTest
class SingletonLeaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String marker = name + "-write";

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from cluster_lease where name in (?, ?)").params(name, marker).update();
    }

    @Test
    void onlyOneNodeHoldsTheLeaseAndRenewingKeepsTheEpoch() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofMinutes(1));
        var b = new DatabaseLease(jdbc, name, "node-b", Duration.ofMinutes(1));

        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        long epoch = a.epoch();
        assertThat(a.tryAcquire()).isTrue();

        assertThat(a.held()).isTrue();
        assertThat(a.epoch()).isEqualTo(epoch);
        assertThat(b.held()).isFalse();
        assertThat(b.epoch()).isZero();
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherNodeTakesOverWithANewEpoch() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofSeconds(2));
        var b = new DatabaseLease(jdbc, name, "node-b", Duration.ofSeconds(2));
        assertThat(a.tryAcquire()).isTrue();
        long first = a.epoch();

        // node A dies: nobody renews; node B keeps trying, as its keeper does, and gets it once the row expired
        Wait.until("node B takes the lease over", b::tryAcquire, Duration.ofSeconds(10),
                () -> jdbc.sql("select holder || ' until ' || expires_at from cluster_lease where name = ?")
                        .param(name).query(String.class).optional().orElse("no row"));

        assertThat(b.epoch()).isEqualTo(first + 1);
        assertThat(a.held()).as("A's own belief ran out before the row expired").isFalse();
        assertThat(a.tryAcquire()).as("A, back, finds B holding it").isFalse();
    }

    @Test
    void aNodeThatLostTheLeaseCannotCommitAWriteUnderItsOldEpoch() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofSeconds(2));
        var b = new DatabaseLease(jdbc, name, "node-b", Duration.ofSeconds(2));
        assertThat(a.tryAcquire()).isTrue();
        long staleEpoch = a.epoch();
        Wait.until("node B takes the lease over", b::tryAcquire, Duration.ofSeconds(10), () -> "");

        // node A was paused (or partitioned) in the middle of a leased job and wakes up still believing it holds
        // the lease: its job's transaction is rolled back at commit
        assertThatThrownBy(() -> LeaseScope.run(staleEpoch, () -> fenced(a).executeWithoutResult(tx -> write("A"))))
                .isInstanceOf(LeaseLostException.class);
        // node B's job under the current epoch commits
        LeaseScope.run(b.epoch(), () -> fenced(b).executeWithoutResult(tx -> write("B")));

        assertThat(jdbc.sql("select holder from cluster_lease where name = ?").param(marker).query(String.class).list())
                .isEqualTo(List.of("B"));
    }

    @Test
    void aHolderWhoseLeaseExpiredIsRefusedEvenBeforeAnotherNodeTakesIt() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofSeconds(1));
        assertThat(a.tryAcquire()).isTrue();
        long epoch = a.epoch();

        // node A's keeper stalls (a pause, a partition): its row expires while nobody else has asked for it yet; a
        // job of A still running under that epoch must not commit, for B may take the lease at any moment
        Wait.until("node A's row expires", () -> jdbc.sql(
                        "select expires_at <= clock_timestamp() from cluster_lease where name = ?")
                .param(name).query(Boolean.class).single(), Duration.ofSeconds(10), () -> "");

        assertThatThrownBy(() -> LeaseScope.run(epoch, () -> fenced(a).executeWithoutResult(tx -> write("A"))))
                .isInstanceOf(LeaseLostException.class);
        assertThat(jdbc.sql("select count(*) from cluster_lease where name = ?").param(marker).query(Long.class).single())
                .isZero();
        // renewed by A's keeper (here for a minute, so that a slow machine cannot let it lapse again), the same
        // holder and epoch commit again
        var renewed = new DatabaseLease(jdbc, name, "node-a", Duration.ofMinutes(1));
        assertThat(renewed.tryAcquire()).isTrue();
        assertThat(renewed.epoch()).isEqualTo(epoch);
        LeaseScope.run(epoch, () -> fenced(renewed).executeWithoutResult(tx -> write("A")));
    }

    @Test
    void aWaitingNodeTriesAgainWhenTheHoldersRowExpiresNotAfterAWholePeriod() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofSeconds(30));
        var b = new DatabaseLease(jdbc, name, "node-b", Duration.ofSeconds(30));
        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();

        // A's row expires at most 30 s after A asked; B's keeper with a two-minute period sleeps only until then
        assertThat(b.nextTryIn(Duration.ofMinutes(2))).isLessThanOrEqualTo(Duration.ofMillis(30_020));
        // the holder renews at its period
        assertThat(a.nextTryIn(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void transactionsOutsideALeasedJobAreNotFenced() {
        var a = new DatabaseLease(jdbc, name, "node-a", Duration.ofMinutes(1));
        // node A never held the lease, but a request of a user (no leased job on the thread) writes as usual
        fenced(a).executeWithoutResult(tx -> write("A"));

        assertThat(jdbc.sql("select count(*) from cluster_lease where name = ?").param(marker).query(Long.class).single())
                .isEqualTo(1L);
    }

    private TransactionTemplate fenced(SingletonLease lease) {
        var transactions = new DataSourceTransactionManager(dataSource);
        transactions.setTransactionExecutionListeners(List.of(new LeaseFencing(lease)));
        return new TransactionTemplate(transactions);
    }

    /** Any write will do; a row of the lease table under another name is one the application role may write. */
    private void write(String by) {
        JdbcClient.create(dataSource).sql("""
                insert into cluster_lease (name, holder, epoch, acquired_at, expires_at)
                values (?, ?, 0, now(), now())""").params(marker, by).update();
    }
}
