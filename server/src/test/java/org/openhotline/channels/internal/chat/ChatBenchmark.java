package org.openhotline.channels.internal.chat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.channels.ChatSocketClient;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Online chat under load (goal: 500 concurrent chats, message delivery p99 < 200 ms). A agents with capacity C take
 * A × C chats through the ACD; every citizen then writes L lines, one every I ms (staggered), over its WebSocket;
 * a line's delivery time is from the citizen's send to the agent's desk socket receiving it — stored in PostgreSQL
 * and pushed in between. The baseline, same run, same sockets: ping → pong round trips over the citizen's WebSocket
 * (the same Tomcat WebSocket stack, JSON frame and session decorator, no database). Run by bench/channels/chat/run.sh;
 * skipped by verify.
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "chat")
class ChatBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChatHours hours;

    @Test
    void deliveryLatencyOf500ConcurrentChats() throws Exception {
        int agents = Integer.getInteger("bench.agents", 50);
        int capacity = Integer.getInteger("bench.capacity", 10);
        int lines = Integer.getInteger("bench.lines", 5);
        int interval = Integer.getInteger("bench.intervalMs", 2000);
        int chats = agents * capacity;
        hours.use(LocalTime.MIN, LocalTime.MAX);
        var fx = new CallCenterFixture(port, jdbc);
        String n = String.valueOf(System.nanoTime() % 100_000);
        String code = "bench-chat" + n;
        long group = fx.group(code, "压测在线" + n, "LONGEST_IDLE", Map.of("chatCapacity", capacity, "chatsWithCall", 1));
        String base = "http://127.0.0.1:" + port;

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delivery = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger assigned = new AtomicInteger();
        CountDownLatch delivered = new CountDownLatch(agents * capacity * lines);
        List<ChatSocketClient> desks = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String user = "bench" + n + "a" + i;
            fx.agent(user, "B" + n + i, "9" + n + i, Map.of(group, 3));
            ApiClient agent = ApiClient.loggedIn(port, user);
            agent.post("/api/callcenter/me/sign-in", Map.of());
            agent.post("/api/callcenter/me/state", Map.of("state", "READY"));
            desks.add(DeskListener.connect(base, agent.sessionCookieHeader(), frame -> {
                String type = frame.path("type").asString();
                if (type.equals("assigned")) {
                    assigned.incrementAndGet();
                } else if (type.equals("message") && frame.path("sender").asString().equals("CITIZEN")) {
                    Long t0 = sentAt.remove(frame.path("text").asString());
                    if (t0 != null) {
                        delivery.add(System.nanoTime() - t0);
                        delivered.countDown();
                    }
                }
            }));
        }

        List<ChatSocketClient> citizens = new ArrayList<>();
        long tOpen = System.nanoTime();
        for (int i = 0; i < chats; i++) {
            ChatSocketClient c = ChatSocketClient.connect(base, "/api/portal/chat/ws", null);
            c.send(Map.of("type", "start", "group", code));
            citizens.add(c);
        }
        for (ChatSocketClient c : citizens) {
            c.next(f -> "state".equals(f.path("type").asString()) && "ACTIVE".equals(f.path("state").asString()), "ACTIVE");
        }
        double openSeconds = (System.nanoTime() - tOpen) / 1e9;

        // the lines: each chat writes L lines, one every I ms, chats staggered over the interval
        ExecutorService pool = Executors.newScheduledThreadPool(8);
        CountDownLatch done = new CountDownLatch(chats * lines);
        var scheduler = (java.util.concurrent.ScheduledExecutorService) pool;
        long tLines = System.nanoTime();
        for (int i = 0; i < chats; i++) {
            ChatSocketClient c = citizens.get(i);
            long offset = (long) i * interval / chats;
            for (int k = 0; k < lines; k++) {
                String text = "压测消息 " + i + "-" + k;
                scheduler.schedule(() -> {
                    sentAt.put(text, System.nanoTime());
                    c.send(Map.of("type", "send", "clientId", text, "text", text));
                    done.countDown();
                }, offset + (long) k * interval, TimeUnit.MILLISECONDS);
            }
        }
        done.await(10, TimeUnit.MINUTES);
        delivered.await(2, TimeUnit.MINUTES);
        double lineSeconds = (System.nanoTime() - tLines) / 1e9;

        // the baseline: ping → pong over the same citizen sockets, same pacing
        List<Long> pings = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch pinged = new CountDownLatch(chats);
        for (int i = 0; i < chats; i++) {
            ChatSocketClient c = citizens.get(i);
            c.drain();
            long offset = (long) i * interval / chats;
            scheduler.schedule(() -> {
                long t0 = System.nanoTime();
                c.send(Map.of("type", "ping"));
                c.next("pong");
                pings.add(System.nanoTime() - t0);
                pinged.countDown();
            }, offset, TimeUnit.MILLISECONDS);
        }
        pinged.await(5, TimeUnit.MINUTES);
        pool.shutdownNow();

        long[] d = delivery.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] p = pings.stream().mapToLong(Long::longValue).sorted().toArray();
        String report = String.format("""
                Online chat benchmark: %d concurrent chats (%d agents × capacity %d), %d lines per chat every %d ms, loopback WebSockets, %d cores, Java %s, load average %.1f
                  chats opened and taken by an agent through the ACD:  %d in %.1f s
                  lines delivered citizen → agent desk (stored, pushed): %d of %d in %.1f s (%.0f lines/s)
                    delivery  p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms
                  baseline: ping → pong over the same citizen WebSockets (no database): %d
                    round trip p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms
                """, chats, agents, capacity, lines, interval, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                assigned.get(), openSeconds, d.length, chats * lines, lineSeconds, d.length / lineSeconds,
                ms(d, 0.5), ms(d, 0.9), ms(d, 0.99), ms(d, 1.0), p.length, ms(p, 0.5), ms(p, 0.9), ms(p, 0.99), ms(p, 1.0));
        System.out.println(report);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), report);
        }
        citizens.forEach(ChatSocketClient::close);
        desks.forEach(ChatSocketClient::close);
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** A desk socket that hands each frame to a callback as it arrives (no queue: the bench times arrivals). */
    static final class DeskListener {
        static ChatSocketClient connect(String base, String cookie, java.util.function.Consumer<JsonNode> onFrame) {
            return ChatSocketClient.connect(base, "/api/chat/ws", cookie, onFrame);
        }
    }
}
