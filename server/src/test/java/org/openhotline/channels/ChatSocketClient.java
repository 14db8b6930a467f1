package org.openhotline.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client of the chat (the JDK's own), as the portal widget or the desk speaks it: sends JSON frames,
 * keeps every frame received in order, and waits for the next frame that matches.
 */
public final class ChatSocketClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private ChatSocketClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code path} on the test server; {@code cookie} is a staff session for the desk's socket. */
    public static ChatSocketClient connect(String baseUrl, String path, String cookie) {
        return connect(baseUrl, path, cookie, null);
    }

    /** The same, and every frame goes to {@code onFrame} as it arrives too (benchmarks time arrivals). */
    public static ChatSocketClient connect(String baseUrl, String path, String cookie,
                                           java.util.function.Consumer<JsonNode> onFrame) {
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode frame = JSON.readTree(partial.toString());
                    partial.setLength(0);
                    if (onFrame != null) {
                        onFrame.accept(frame);
                    } else {
                        queue.add(frame);
                    }
                }
                ws.request(1);
                return null;
            }
        };
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(PATIENCE);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        WebSocket ws = builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + path), listener).join();
        ChatSocketClient client = new ChatSocketClient(ws);
        client.adopt(queue);
        return client;
    }

    private BlockingQueue<JsonNode> source;

    private void adopt(BlockingQueue<JsonNode> queue) {
        this.source = queue;
    }

    public void send(Map<String, ?> frame) {
        socket.sendText(JSON.writeValueAsString(frame), true).join();
    }

    /** The next frame matching {@code what} (frames before it are kept in {@link #seen}). */
    public JsonNode next(Predicate<JsonNode> what, String description) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame;
            try {
                frame = left <= 0 ? null : source.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (frame == null) {
                throw new AssertionError("no " + description + " within " + PATIENCE + "; seen: " + received);
            }
            received.add(frame);
            if (what.test(frame)) {
                return frame;
            }
        }
    }

    public JsonNode next(String type) {
        return next(f -> type.equals(f.path("type").asString()), "frame " + type);
    }

    /** The next chat line with this text. */
    public JsonNode line(String text) {
        return next(f -> "message".equals(f.path("type").asString()) && text.equals(f.path("text").asString()), "line " + text);
    }

    public BlockingQueue<JsonNode> seen() {
        return received;
    }

    /** Frames that arrived and were not looked at yet, without waiting. */
    public java.util.List<JsonNode> drain() {
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        source.drainTo(list);
        received.addAll(list);
        return list;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
