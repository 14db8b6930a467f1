package org.openhotline.exchange.internal.pipe;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.cluster.LeaseScope;
import org.openhotline.shared.cluster.SingletonLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The pipe's two loops, each on a thread of its own: {@code exchange-sender} sends the outbox, {@code exchange-inbox}
 * applies what arrived. As {@code @Scheduled} jobs they ran on the one thread a single node gives every scheduled job
 * (the call centre's timer thread, see {@code shared.cluster}): a send waiting for a slow or stopped counterpart held
 * back the applying of what had arrived, applying held back the sending of receipts, and both held back the ACD's
 * timers and every other job (bench/exchange: a lag of 26 s at 900 orders a minute). In a cluster only the holder of
 * the singletons' lease runs them, under the lease's epoch, as the leased scheduler would.
 */
@Component
class PipeLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipeLoops.class);

    private final OutboxSender sender;
    private final InboxWorker worker;
    private final SingletonLease lease;
    private final ExchangeProperties properties;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    PipeLoops(OutboxSender sender, InboxWorker worker, SingletonLease lease, ExchangeProperties properties) {
        this.sender = sender;
        this.worker = worker;
        this.lease = lease;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        threads.add(Thread.ofPlatform().name("exchange-sender").daemon().start(() -> loop("sending", sender::deliverAll,
                sender::awaitWork)));
        threads.add(Thread.ofPlatform().name("exchange-inbox").daemon().start(() -> loop("applying", worker::run,
                worker::awaitWork)));
    }

    private interface Pause {
        void await(java.time.Duration max) throws InterruptedException;
    }

    private void loop(String what, Runnable work, Pause pause) {
        boolean failing = false;
        while (running) {
            try {
                long epoch = lease.epoch();
                if (epoch != 0 && lease.held()) {
                    LeaseScope.run(epoch, work);
                }
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) { // once per outage (the database restarting), not every round
                    log.warn("exchange: {} failed, trying again: {}", what, e.toString());
                }
                failing = true;
            }
            try {
                pause.await(properties.pollInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000); // a batch being applied commits (or not) before the pool closes under it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
