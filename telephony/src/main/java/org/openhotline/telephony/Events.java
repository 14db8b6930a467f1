package org.openhotline.telephony;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the call center on one thread, in the order they happened, so that a slow or failing
 * listener never blocks SIP or media threads and never sees "ended" before "answered".
 */
final class Events implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Events.class);
    private final TelephonyListener listener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telephony-events");
        t.setDaemon(true);
        return t;
    });

    Events(TelephonyListener listener) {
        this.listener = listener;
    }

    void emit(TelephonyEvent event) {
        run(() -> listener.on(event), event);
    }

    /**
     * Runs a hand-over to the call center (a caller the IVR queues) on the same thread, in order with the
     * events: it comes after the leg's {@code CallArrived} and before an {@code Ended} that happened later.
     */
    void run(Runnable task, Object what) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("listener failed on {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException closed) {
            // the engine is shutting down
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
