package org.openhotline.exchange.internal.pipe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the outbox: per counterpart, batches in queue order, signed. A counterpart that does not answer (or
 * answers 401/5xx) is left alone for a backoff that doubles up to {@code max-backoff}; nothing is dropped, so a
 * counterpart down for hours gets everything, in order, when it is back. Only a message the counterpart refused
 * for its content (422 with the message named) becomes a dead letter, and it holds back the rest of its order.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** How a counterpart is doing from here: consecutive failures and when to try again. */
    public record Health(int failures, Instant retryAt, String lastError, Instant lastSuccess) {}

    private final Outbox outbox;
    private final Counterparts counterparts;
    private final ExchangeProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final Wakeup wakeup = new Wakeup();

    OutboxSender(Outbox outbox, Counterparts counterparts, ExchangeProperties properties, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.counterparts = counterparts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** One round: what is due to every counterpart not in backoff ({@link PipeLoops} runs it every poll interval). */
    void deliverAll() {
        for (Counterpart c : counterparts.all()) {
            if (!c.enabled() || c.baseUrl() == null || c.baseUrl().isBlank()) {
                continue;
            }
            Health h = health.get(c.code());
            if (h != null && h.retryAt() != null && Instant.now().isBefore(h.retryAt())) {
                continue;
            }
            // A few batches per round, so one busy counterpart does not starve the others.
            for (int i = 0; i < 20 && deliver(c); i++) {
                // keep going while full batches go through
            }
        }
    }

    public Map<String, Health> health() {
        return Map.copyOf(health);
    }

    /** Lets a counterpart be tried at once (the screen's 立即重试, tests). */
    public void wake(String code) {
        health.computeIfPresent(code, (k, h) -> new Health(h.failures(), null, h.lastError(), h.lastSuccess()));
        wakeup.wake();
    }

    /** Until the next round is due or someone asked for one now. */
    void awaitWork(Duration max) throws InterruptedException {
        wakeup.await(max);
    }

    /** Sends one batch; true when a full batch went through (there may be more). */
    boolean deliver(Counterpart c) {
        List<Outbox.Row> rows = outbox.next(c.code(), properties.batchSize());
        if (rows.isEmpty()) {
            return false;
        }
        String body = body(rows);
        // Transport freshness is wall time, not the business clock (which tests move).
        String timestamp = String.valueOf(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(c.baseUrl().replaceAll("/+$", "") + "/exchange/v1/inbox"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Exchange-From", properties.self())
                .header("X-Exchange-Timestamp", timestamp)
                .header("X-Exchange-Algorithm", c.algorithm().header())
                .header("X-Exchange-Signature", Signatures.sign(c.algorithm(), c.secret(), properties.self(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        List<Long> ids = rows.stream().map(Outbox.Row::id).toList();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return failure(c, ids, "连接失败：" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        int status = response.statusCode();
        if (status == 200) {
            outbox.sent(ids, clock.instant());
            health.put(c.code(), new Health(0, null, null, clock.instant()));
            return rows.size() == properties.batchSize();
        }
        if (status == 422) {
            Set<String> refused = refused(response.body());
            if (!refused.isEmpty()) {
                // The rest of the batch was not stored either: it goes again in the next round, without the dead ones.
                JsonNode problem = json.readTree(response.body());
                for (JsonNode e : problem.path("errors")) {
                    if (e.hasNonNull("messageId")) {
                        outbox.dead(c.code(), e.get("messageId").asString(), e.path("reason").asString(""));
                    }
                }
                return true;
            }
        }
        return failure(c, ids, "对方返回 HTTP " + status + "：" + abbreviate(response.body()));
    }

    private boolean failure(Counterpart c, List<Long> ids, String error) {
        outbox.failed(ids, error);
        Health before = health.get(c.code());
        int failures = before == null ? 1 : before.failures() + 1;
        long delay = Math.min(properties.maxBackoff().toMillis(),
                properties.firstBackoff().toMillis() << Math.min(failures - 1, 20));
        health.put(c.code(), new Health(failures, Instant.now().plusMillis(delay), error,
                before == null ? null : before.lastSuccess()));
        if (failures == 1 || failures % 20 == 0) {
            log.warn("exchange: {} unreachable ({} failures in a row): {}", c.code(), failures, error);
        }
        return false;
    }

    private Set<String> refused(String body) {
        Set<String> ids = new HashSet<>();
        try {
            for (JsonNode e : json.readTree(body).path("errors")) {
                if (e.hasNonNull("messageId")) {
                    ids.add(e.get("messageId").asString());
                }
            }
        } catch (RuntimeException e) {
            return Set.of();
        }
        return ids;
    }

    private String body(List<Outbox.Row> rows) {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("messages");
        for (Outbox.Row r : rows) {
            ObjectNode m = list.addObject();
            m.put("messageId", r.messageId());
            m.put("orderKey", r.orderKey());
            m.put("seq", r.seq());
            m.put("type", r.type());
            m.put("schemaVersion", r.schemaVersion());
            m.put("occurredAt", r.createdAt().toString());
            m.set("payload", json.readTree(r.payload()));
        }
        return json.writeValueAsString(root);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
