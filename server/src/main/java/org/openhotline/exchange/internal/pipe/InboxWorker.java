package org.openhotline.exchange.internal.pipe;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies stored messages in the order they arrived, which per order is sequence order: each in its own
 * transaction together with marking it applied (so it is applied once). A message that fails waits with backoff
 * and holds back the later messages of its order; after {@code max-apply-attempts} it becomes a dead letter.
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
    private volatile boolean woken;

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

    /** A batch was stored: apply it on the next round without waiting for the poll interval. */
    void wake() {
        woken = true;
    }

    private volatile long lastRun;

    /** Every 100 ms when woken by a stored batch, else at the poll interval (for retries after backoff). */
    @Scheduled(fixedDelay = 100)
    void maybeRun() {
        long now = System.currentTimeMillis();
        if (woken || now - lastRun >= properties.pollInterval().toMillis()) {
            woken = false;
            lastRun = now;
            run();
        }
    }

    /** Applies what is waiting; returns how many were applied. */
    public int run() {
        synchronized (lock) {
            int applied = 0;
            List<Inbox.Row> rows;
            do {
                rows = inbox.waiting(500);
                Set<String> blocked = new HashSet<>();
                int before = applied;
                for (Inbox.Row r : rows) {
                    String key = r.counterpart() + "\u0000" + r.orderKey();
                    if (r.blocked() || blocked.contains(key)
                            || (r.nextAttemptAt() != null && r.nextAttemptAt().isAfter(Instant.now()))) {
                        blocked.add(key);
                        continue;
                    }
                    if (apply(r)) {
                        applied++;
                    } else {
                        blocked.add(key);
                    }
                }
                if (applied == before) {
                    break;
                }
            } while (rows.size() == 500);
            return applied;
        }
    }

    private boolean apply(Inbox.Row r) {
        try {
            tx.executeWithoutResult(s -> {
                Counterpart from = counterparts.require(r.counterpart());
                IncomingMessage handler = handlers.get(r.type());
                if (handler != null) {
                    handler.apply(from, r.orderKey(), r.seq(), json.readTree(r.payload()));
                }
                inbox.applied(r.id(), clock.instant());
            });
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
