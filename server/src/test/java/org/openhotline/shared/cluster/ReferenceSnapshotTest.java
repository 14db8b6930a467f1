package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The in-memory copy of a reference table: kept while nothing changes, never kept across a change. */
class ReferenceSnapshotTest {

    /** The table: its rows and how often it was read. */
    private final AtomicInteger table = new AtomicInteger(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final Signals signals = new Signals();

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private ReferenceSnapshot<Integer> snapshot() {
        return new ReferenceSnapshot<>("rules", signals, () -> {
            reads.incrementAndGet();
            return table.get();
        });
    }

    @Test
    void readsTheTableOnceWhileNothingChanges() {
        var rules = snapshot();
        assertThat(rules.get()).isEqualTo(1);
        assertThat(rules.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeWithoutTransactionIsSeenAtOnceAndSignalledToTheOtherNodes() {
        var rules = snapshot();
        rules.get();
        table.set(2);
        rules.changed();
        assertThat(rules.get()).isEqualTo(2);
        assertThat(signals.sent).containsExactly("rules");
    }

    @Test
    void aChangeInATransactionDropsTheCopyWhenItCommitsAndNotWhenItRollsBack() {
        var rules = snapshot();
        rules.get();
        TransactionSynchronizationManager.initSynchronization();
        table.set(2);
        rules.changed();
        assertThat(rules.get()).as("not committed yet").isEqualTo(1);
        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(rules.get()).isEqualTo(2);

        TransactionSynchronizationManager.initSynchronization();
        rules.changed(); // rolled back: the synchronization never hears of a commit
        TransactionSynchronizationManager.clearSynchronization();
        int before = reads.get();
        assertThat(rules.get()).isEqualTo(2);
        assertThat(reads).as("a rolled-back change leaves the copy").hasValue(before);
    }

    @Test
    void aReadRacingAChangeIsNotKept() {
        List<Integer> seen = new ArrayList<>();
        var holder = new java.util.concurrent.atomic.AtomicReference<ReferenceSnapshot<Integer>>();
        holder.set(new ReferenceSnapshot<>("rules", signals, () -> {
            int read = table.get(); // read before the change commits …
            if (reads.incrementAndGet() == 1) {
                table.set(2);
                holder.get().changed(); // … which commits before this read is stored
            }
            return read;
        }));
        seen.add(holder.get().get());
        seen.add(holder.get().get());
        seen.add(holder.get().get());
        assertThat(seen).containsExactly(1, 2, 2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anotherNodesChangeOrALostSignalConnectionDropsTheCopy() {
        var rules = snapshot();
        rules.get();
        table.set(2);
        signals.fromAnotherNode("rules", null);
        assertThat(rules.get()).isEqualTo(2);
        table.set(3);
        signals.fromAnotherNode("other-table", null);
        assertThat(rules.get()).as("another table's signal").isEqualTo(2);
    }

    /** Signals as the nodes exchange them, without a database. */
    static final class Signals implements NodeSignals {
        final List<String> sent = new ArrayList<>();
        final Map<String, List<Consumer<String>>> handlers = new HashMap<>();

        @Override
        public void send(String topic, String data) {
            sent.add(topic);
        }

        @Override
        public void on(String topic, Consumer<String> handler) {
            handlers.computeIfAbsent(topic, t -> new ArrayList<>()).add(handler);
        }

        void fromAnotherNode(String topic, String data) {
            handlers.getOrDefault(topic, List.of()).forEach(h -> h.accept(data));
        }
    }
}
