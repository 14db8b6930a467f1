package org.openhotline.callcenter.internal.acd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.springframework.stereotype.Component;

/**
 * Where the ACD leaves its decisions: they are carried out in order on the one dispatcher thread, outside the ACD's
 * lock, by whoever registered ({@link AcdDecisions}). The ACD needs no reference to what carries them out, which
 * depends on the ACD itself (the agent desk tells it who is ready).
 */
@Component
class AcdOutbox {

    private final ExecutorService dispatch;
    private Consumer<AcdDecision> handler;
    private final List<AcdDecision> early = new ArrayList<>();

    AcdOutbox(ExecutorService acdDispatch) {
        this.dispatch = acdDispatch;
    }

    void post(AcdDecision decision) {
        dispatch.execute(() -> deliver(decision));
    }

    private synchronized void deliver(AcdDecision decision) {
        if (handler == null) {
            early.add(decision); // decided while the context was starting: carried out once someone listens
        } else {
            handler.accept(decision);
        }
    }

    synchronized void deliverTo(Consumer<AcdDecision> handler) {
        this.handler = handler;
        early.forEach(handler);
        early.clear();
    }
}
