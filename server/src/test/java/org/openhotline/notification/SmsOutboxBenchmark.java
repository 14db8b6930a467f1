package org.openhotline.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.notification.internal.cmpp.CmppGateway;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.notification.internal.outbox.Purpose;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.notification.internal.sms.SmsProperties;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS benchmark (bench/channels/sms/run.sh; skipped by verify): N messages written to the outbox in
 * transactions of 100, drained by the platform's own scheduled sender over CMPP 3.0 into the SMSC simulator, until
 * every one is SENT and then DELIVERED (status reports stored). Baselines in the same run: the bare CMPP client
 * without the database, with the configured window (16) and stop-and-wait (window 1).
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "sms")
class SmsOutboxBenchmark {

    static final int N = Integer.getInteger("bench.messages", 5000);

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void benchmark() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("SMS outbox → CMPP 3.0 → SMSC simulator, ").append(N).append(" messages of 40 Chinese characters, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append('\n');
        String text = "您反映的问题已受理，工单号20261204000123，可凭工单号查询办理进度。";
        String run = Long.toString(System.nanoTime() % 1_000_000);

        long start = System.nanoTime();
        for (int b = 0; b < N; b += 100) {
            int from = b;
            tx.executeWithoutResult(s -> {
                for (int i = from; i < Math.min(N, from + 100); i++) {
                    outbox.enqueue("bench:" + run + ":" + i, Purpose.CODE, "150" + String.format("%08d", i), "VERIFICATION_CODE",
                            Map.of("code", Integer.toString(100000 + i)), null);
                }
            });
        }
        double enqueueSeconds = (System.nanoTime() - start) / 1e9;
        Wait.until("all sent", (java.util.function.BooleanSupplier) () -> count(run, "state in ('SENT', 'DELIVERED', 'UNDELIVERED')") == N,
                Duration.ofMinutes(10), () -> "");
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        // every report stored (numbers ending in 4040 get UNDELIV from the simulator)
        Wait.until("all reported", (java.util.function.BooleanSupplier) () -> count(run, "state in ('DELIVERED', 'UNDELIVERED')") == N, Duration.ofMinutes(10), () -> "");
        double deliveredSeconds = (System.nanoTime() - start) / 1e9;
        out.append(String.format("outbox written (100 per transaction): %.1f s, %.0f rows/s%n", enqueueSeconds, N / enqueueSeconds));
        out.append(String.format("outbox → all SENT:      %.1f s, %.0f messages/s (goal ≥ 100/s)%n", sentSeconds, N / sentSeconds));
        out.append(String.format("outbox → all reported:  %.1f s, %.0f messages/s (status reports stored, %d UNDELIVERED)%n",
                deliveredSeconds, N / deliveredSeconds, count(run, "state = 'UNDELIVERED'")));

        out.append(bare(1, text)).append(bare(16, text));
        System.out.println(out);
        String file = System.getProperty("bench.out");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), out.toString());
        }
    }

    private long count(String run, String where) {
        return jdbc.sql("select count(*) from ntf_outbox where dedup_key like ? and " + where).param("bench:" + run + ":%")
                .query(Long.class).single();
    }

    /** Baseline: the CMPP client alone, no database. */
    private String bare(int window, String text) throws Exception {
        SmscSimulator smsc = SmscSimulator.shared();
        SmsGateway.Inbound none = new SmsGateway.Inbound() {
            @Override
            public void report(String msgId, String stat, boolean delivered) {}

            @Override
            public void received(String from, String to, String t, String key) {}
        };
        try (CmppGateway g = new CmppGateway(new SmsProperties.Cmpp("127.0.0.1", smsc.port(), SmscSimulator.SP_ID,
                SmscSimulator.SECRET, "3.0", "HOTLINE", "12345", window, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                Clock.systemUTC(), none)) {
            g.send("15999999999", "warm-up").get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            List<CompletableFuture<List<String>>> all = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                all.add(g.send("151" + String.format("%08d", i), text));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format("baseline, CMPP client alone, window %d: %.1f s, %.0f messages/s%n", window, seconds, N / seconds);
        }
    }
}
