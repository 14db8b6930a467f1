package org.openhotline.exchange.internal.pipe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies stored messages in the order they arrived, which per order is sequence order, each in the transaction that
 * marks it applied (so it is applied once). Up to {@code apply-batch} messages share a transaction: one commit (one
 * WAL flush) for the batch instead of one per message. A batch that fails is rolled back and its messages applied one
 * by one, so only the failing message waits (with backoff, holding back the later messages of its order) and after
 * {@code max-apply-attempts} becomes a dead letter. Runs on its own thread ({@link PipeLoops}), woken by every
 * stored batch.
 */
@Component
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final Counterparts counterparts;
    private final Map<String, IncomingMessage> handlers;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ExchangeProperties properties;
    private final Object lock = new Object();
    private final Wakeup wakeup = new Wakeup();

    InboxWorker(Inbox inbox, Counterparts counterparts, List<IncomingMessage> handlers, TransactionTemplate tx,
                JsonMapper json, Clock clock, ExchangeProperties properties) {
        this.inbox = inbox;
        this.counterparts = counterparts;
        this.handlers = handlers.stream().collect(Collectors.toMap(IncomingMessage::type, Function.identity()));
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** A batch was stored: apply it now, not at the next poll. */
    void wake() {
        wakeup.wake();
    }

    /** Until a batch is stored or {@code max} passed (then messages whose backoff ended are tried again). */
    void awaitWork(Duration max) throws InterruptedException {
        wakeup.await(max);
    }

    /** Applies what is waiting; returns how many were applied. */
    public int run() {
        synchronized (lock) {
            int applied = 0;
            List<Inbox.Row> rows;
            do {
                rows = inbox.waiting(500);
                Set<String> blocked = new HashSet<>();
                List<Inbox.Row> due = new ArrayList<>();
                for (Inbox.Row r : rows) {
                    if (r.blocked() || blocked.contains(orderOf(r))
                            || (r.nextAttemptAt() != null && r.nextAttemptAt().isAfter(Instant.now()))) {
                        blocked.add(orderOf(r));
                    } else {
                        due.add(r);
                    }
                }
                int before = applied;
                int batch = Math.max(1, properties.applyBatch());
                for (int from = 0; from < due.size(); from += batch) {
                    applied += applyBatch(due.subList(from, Math.min(due.size(), from + batch)), blocked);
                }
                if (applied == before) {
                    break;
                }
            } while (rows.size() == 500);
            return applied;
        }
    }

    private static String orderOf(Inbox.Row r) {
        return r.counterpart() + "\u0000" + r.orderKey();
    }

    /** Applies {@code rows} in one transaction, or one by one when that fails; returns how many were applied. */
    private int applyBatch(List<Inbox.Row> rows, Set<String> blocked) {
        List<Inbox.Row> todo = rows.stream().filter(r -> !blocked.contains(orderOf(r))).toList();
        if (todo.size() > 1) {
            try {
                tx.executeWithoutResult(s -> todo.forEach(this::applyOne));
                return todo.size();
            } catch (RuntimeException e) {
                // one of them failed: find it by applying them one at a time
            }
        }
        int applied = 0;
        for (Inbox.Row r : todo) {
            if (blocked.contains(orderOf(r))) {
                continue;
            }
            if (apply(r)) {
                applied++;
            } else {
                blocked.add(orderOf(r));
            }
        }
        return applied;
    }

    private void applyOne(Inbox.Row r) {
        Counterpart from = counterparts.require(r.counterpart());
        IncomingMessage handler = handlers.get(r.type());
        if (handler != null) {
            handler.apply(from, r.orderKey(), r.seq(), json.readTree(r.payload()));
        }
        inbox.applied(r.id(), clock.instant());
    }

    private boolean apply(Inbox.Row r) {
        try {
            tx.executeWithoutResult(s -> applyOne(r));
            return true;
        } catch (RuntimeException e) {
            int attempts = r.attempts() + 1;
            boolean dead = attempts >= properties.maxApplyAttempts();
            long delay = Math.min(properties.maxBackoff().toMillis(), properties.firstBackoff().toMillis() << Math.min(attempts, 20));
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            tx.executeWithoutResult(s -> inbox.failed(r.id(), error, Instant.now().plusMillis(delay), dead));
            log.warn("exchange: message {} from {} ({}) failed to apply (attempt {}{}): {}", r.messageId(),
                    r.counterpart(), r.type(), attempts, dead ? ", now a dead letter" : "", error);
            return false;
        }
    }
}
