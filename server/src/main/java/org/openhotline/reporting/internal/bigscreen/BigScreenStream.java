package org.openhotline.reporting.internal.bigscreen;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhotline.reporting.internal.facts.FactsChanged;
import org.openhotline.shared.cluster.NodeSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the big screen's figures to every open screen when facts change, after the facts' transaction commits.
 * Changes arriving while a push is computed are folded into the next one, so a burst costs a few pushes, not one
 * per event. (A plain listener with an after-commit hook, not a transactional listener: nothing here needs the
 * event registry.) In a cluster the other nodes hear of it by a signal and push to their own screens, re-reading the
 * figures from the database.
 */
@Component
class BigScreenStream {

    private static final Logger log = LoggerFactory.getLogger(BigScreenStream.class);

    private final LiveFigures figures;
    private final List<SseEmitter> screens = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    private final NodeSignals signals;

    BigScreenStream(LiveFigures figures, NodeSignals signals) {
        this.figures = figures;
        this.signals = signals;
        signals.on(SIGNAL, data -> {
            if (!screens.isEmpty()) {
                schedule();
            }
        });
    }

    private static final String SIGNAL = "big-screen";

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(12).toMillis());
        screens.add(emitter);
        emitter.onCompletion(() -> screens.remove(emitter));
        emitter.onTimeout(() -> screens.remove(emitter));
        emitter.onError(e -> screens.remove(emitter));
        send(emitter, figures.now());
        return emitter;
    }

    @EventListener
    void on(FactsChanged changed) {
        // inside the facts' transaction the signal leaves at its commit (nothing is sent on a single node)
        signals.send(SIGNAL, null);
        if (screens.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    private void schedule() {
        if (pending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("big-screen-push").start(() -> {
                pending.set(false);
                LiveFigures.Snapshot snapshot = figures.now();
                screens.forEach(s -> send(s, snapshot));
            });
        }
    }

    private void send(SseEmitter emitter, LiveFigures.Snapshot snapshot) {
        try {
            emitter.send(SseEmitter.event().name("figures").data(snapshot));
        } catch (IOException | IllegalStateException e) {
            log.debug("Big screen gone: {}", e.getMessage());
            screens.remove(emitter);
        }
    }
}
