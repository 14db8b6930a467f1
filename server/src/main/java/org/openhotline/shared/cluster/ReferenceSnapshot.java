package org.openhotline.shared.cluster;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small reference table read once and kept in memory until it changes (issue 14: the special-order rules and the
 * auto-dispatch thresholds were read on every intake, though they change a few times a year). Whoever changes the
 * table calls {@link #changed()} in the changing transaction: this node drops its copy when the change has committed,
 * the other nodes when they hear the signal that leaves at that commit, and a node whose signal connection was lost
 * drops it when it is back ({@link NodeSignals} says "re-read"). A read racing a change never keeps what it read
 * before the change: every drop moves a generation, and a copy is used only while its generation is the current one.
 */
public final class ReferenceSnapshot<T> {

    private record Copy<T>(T value, long generation) {}

    private final Supplier<T> load;
    private final NodeSignals signals;
    private final String topic;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Copy<T>> copy = new AtomicReference<>();

    /** {@code topic} names the table for the other nodes (one snapshot per topic). */
    public ReferenceSnapshot(String topic, NodeSignals signals, Supplier<T> load) {
        this.topic = topic;
        this.signals = signals;
        this.load = load;
        signals.on(topic, data -> drop());
    }

    public T get() {
        long current = generation.get();
        Copy<T> held = copy.get();
        if (held != null && held.generation() == current) {
            return held.value();
        }
        T value = load.get();
        copy.compareAndSet(held, new Copy<>(value, current)); // a drop meanwhile makes the next get read again
        return value;
    }

    /** The table changed in the current transaction (or just now, without one). */
    public void changed() {
        signals.send(topic, null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop();
                }
            });
        } else {
            drop();
        }
    }

    private void drop() {
        generation.incrementAndGet();
    }
}
