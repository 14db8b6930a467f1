package org.openhotline.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.exchange.internal.pipe.Signatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another platform written from the exchange contract (docs/exchange.md), for tests: the 110 police platform or any
 * counterpart. It verifies each request's signature with its own copy of the key, keeps what it received (each
 * message once, duplicates acknowledged), can be "down" (503) or refuse chosen messages (422), and sends signed
 * messages of its own to the platform.
 */
final class CounterpartSimulator implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String code;
    final String secret;
    final Signatures.Algorithm algorithm;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong seq = new AtomicLong();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final List<Integer> badSignatures = new CopyOnWriteArrayList<>();
    volatile boolean down;
    final Set<String> refuse = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> seqByOrder = new ConcurrentHashMap<>();

    CounterpartSimulator(String code, String secret, Signatures.Algorithm algorithm) throws IOException {
        this.code = code;
        this.secret = secret;
        this.algorithm = algorithm;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/exchange/v1/inbox", this::inbox);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void inbox(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (down) {
            answer(ex, 503, "{\"detail\":\"维护中\"}");
            return;
        }
        var h = ex.getRequestHeaders();
        if (!Signatures.verify(algorithm, secret, h.getFirst("X-Exchange-From"), h.getFirst("X-Exchange-Timestamp"), body,
                h.getFirst("X-Exchange-Signature"))) {
            badSignatures.add(401);
            answer(ex, 401, "{\"detail\":\"签名校验失败\"}");
            return;
        }
        JsonNode messages = JSON.readTree(body).path("messages");
        List<Map<String, String>> errors = new ArrayList<>();
        for (JsonNode m : messages) {
            if (refuse.contains(m.path("messageId").asString())) {
                errors.add(Map.of("messageId", m.path("messageId").asString(), "reason", "模拟拒收"));
            }
        }
        if (!errors.isEmpty()) {
            answer(ex, 422, JSON.writeValueAsString(Map.of("status", 422, "detail", "格式错误", "errors", errors)));
            return;
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (JsonNode m : messages) {
            boolean fresh = seen.add(m.path("messageId").asString());
            if (fresh) {
                received.add(m);
            }
            results.add(Map.of("messageId", m.path("messageId").asString(), "status", fresh ? "ACCEPTED" : "DUPLICATE"));
        }
        answer(ex, 200, JSON.writeValueAsString(Map.of("results", results)));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    List<JsonNode> receivedOfType(String type) {
        return received.stream().filter(m -> m.path("type").asString().equals(type)).toList();
    }

    /** A message for {@code orderKey} with the next sequence number of that order. */
    Map<String, Object> message(String orderKey, String type, Map<String, Object> payload) {
        long s = seqByOrder.merge(orderKey, 1L, Long::sum);
        return Map.of("messageId", code + "-" + seq.incrementAndGet() + "-" + System.nanoTime(), "orderKey", orderKey,
                "seq", s, "type", type, "schemaVersion", 1, "occurredAt", Instant.now().toString(), "payload", payload);
    }

    /** Posts the messages to the platform, signed with {@code key} (the right one unless a test says otherwise). */
    HttpResponse<String> send(int platformPort, String key, List<Map<String, Object>> messages) throws Exception {
        String body = JSON.writeValueAsString(Map.of("messages", messages));
        return post(platformPort, key, body);
    }

    HttpResponse<String> post(int platformPort, String key, String body) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platformPort + "/exchange/v1/inbox"))
                        .header("Content-Type", "application/json")
                        .header("X-Exchange-From", code).header("X-Exchange-Timestamp", ts)
                        .header("X-Exchange-Algorithm", algorithm.header())
                        .header("X-Exchange-Signature", Signatures.sign(algorithm, key, code, ts, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
