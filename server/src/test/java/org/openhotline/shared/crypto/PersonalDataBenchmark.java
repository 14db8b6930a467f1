package org.openhotline.shared.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.SchemaOwner;
import org.openhotline.shared.CopyRows;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The cost of sealing personal data (bench/security/run.sh; skipped by verify). In one process, same run:
 * (1) order creation through the HTTP API as shipped (sealed); (2) the storage step alone, N orders written
 * with plaintext caller columns (as before issue 19) and with sealed columns, blind index and keyed grams (as now);
 * (3) caller look-up latency p50/p95 at M orders: the old plaintext-column query against the blind-index query,
 * same table, same callers, each with its own index.
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "security")
class PersonalDataBenchmark {

    static final int CREATES = Integer.getInteger("bench.creates", 2_000);
    static final int STORED = Integer.getInteger("bench.stored", 20_000);
    static final int ORDERS = Integer.getInteger("bench.orders", 1_000_000);
    static final int LOOKUPS = Integer.getInteger("bench.lookups", 2_000);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    /** The scratch tables' connection: the schema owner's, because hotline_app may not create tables (DatabaseRolesTest). */
    JdbcClient jdbc;
    DataSource dataSource;

    @Test
    void benchmark() throws Exception {
        List<String> lines = new ArrayList<>();
        Consumer<String> say = s -> { // every figure carries the load it was measured under (the machine is shared)
            String line = lines.isEmpty() ? s : s + " [load " + load() + "]";
            System.out.println(line);
            lines.add(line);
        };
        say.accept("# Personal-data encryption benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", load " + Files.readString(Path.of("/proc/loadavg")).strip());
        creates(say);
        try (var owner = SchemaOwner.connect(context)) {
            dataSource = new SingleConnectionDataSource(owner, true);
            jdbc = JdbcClient.create(dataSource);
            storage(say);
            lookups(say);
        }
        Files.writeString(Path.of(System.getProperty("bench.out", "target/security-bench.txt")), String.join("\n", lines) + "\n");
    }

    /** (1) HTTP creates, 4 clients, as shipped (sealed). */
    private void creates(Consumer<String> say) throws Exception {
        int clients = 4;
        List<ApiClient> agents = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            agents.add(ApiClient.loggedIn(port, "agent" + (i + 1)));
        }
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ApiClient agent : agents) {
                pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < CREATES; ) {
                        long t = System.nanoTime();
                        var r = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT",
                                "content", "路灯不亮，夜里出行不便，请尽快维修 " + n, "callerName", "测试" + n + "号",
                                "callerPhone", String.format("137%08d", n), "address", "东湖区人民路" + n + "号"));
                        if (r.status() != 201) {
                            throw new IllegalStateException(r.body());
                        }
                        latencies.add(System.nanoTime() - t);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        say.accept(String.format("1. HTTP create, sealed (as shipped), %d orders, %d clients: %.0f orders/s, p50 %.1f ms, p95 %.1f ms",
                CREATES, clients, CREATES / seconds, l[l.length / 2] / 1e6, l[(int) (l.length * 0.95)] / 1e6));
    }

    /** (2) The storage step alone: COPY of N order rows with plaintext vs sealed caller columns, same table shape. */
    private void storage(Consumer<String> say) {
        jdbc.sql("drop table if exists bench_order_store").update();
        jdbc.sql("""
                create table bench_order_store (id bigint, caller_phone text, caller_name text, address text,
                  caller_phone_index bytea, search_text text, grams text[])""").update();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            for (boolean sealed : new boolean[] {false, true}) {
                jdbc.sql("truncate bench_order_store").update();
                long start = System.nanoTime();
                { // one COPY, one transaction (autocommit), as before on the application's pool
                    CopyRows rows = new CopyRows();
                    for (int i = 0; i < STORED; i++) {
                        String phone = String.format("138%08d", i);
                        String name = "市民" + i;
                        String address = "东湖区人民路" + i + "号";
                        String content = "路灯不亮，夜里出行不便，请尽快维修";
                        if (sealed) {
                            rows.row((long) i, PersonalData.seal(phone), PersonalData.seal(name), PersonalData.seal(address),
                                    PersonalData.phoneIndex(phone), content,
                                    concat(orgGrams(content), PersonalData.keyedGrams(orgGrams(address + " " + name))));
                        } else {
                            rows.row((long) i, phone, name, address, null, content + " " + address + " " + name,
                                    orgGrams(content + " " + address + " " + name));
                        }
                    }
                    rows.into(dataSource, "bench_order_store", "id, caller_phone, caller_name, address, caller_phone_index, search_text, grams");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round == 1) {
                    say.accept(String.format("2. storage step, %d orders by COPY, %s: %.0f orders/s (%.1f µs/order)", STORED,
                            sealed ? "sealed + blind index + keyed grams" : "plaintext (baseline)", STORED / seconds,
                            seconds * 1e6 / STORED));
                }
            }
        }
        jdbc.sql("drop table bench_order_store").update();
    }

    /** (3) Caller look-up at M orders: plaintext column and index vs blind index, the caller-history query's shape. */
    private void lookups(Consumer<String> say) {
        int callers = Math.max(1, ORDERS / 5); // a caller has five orders on average
        jdbc.sql("drop table if exists bench_caller_lookup").update();
        jdbc.sql("create table bench_caller_lookup (id bigint, caller_phone text, caller_plain text, caller_phone_index bytea, created_at timestamptz)")
                .update();
        Random random = new Random(7);
        long genStart = System.nanoTime();
        Instant now = Instant.now();
        for (int from = 0; from < ORDERS; from += 100_000) {
            CopyRows rows = new CopyRows();
            for (int i = from; i < Math.min(ORDERS, from + 100_000); i++) {
                String phone = String.format("139%08d", random.nextInt(callers));
                rows.row((long) i, PersonalData.seal(phone), phone, PersonalData.phoneIndex(phone),
                        now.minusSeconds(random.nextInt(365 * 86_400)));
            }
            rows.into(dataSource, "bench_caller_lookup", "id, caller_phone, caller_plain, caller_phone_index, created_at");
        }
        jdbc.sql("create index bench_caller_plain on bench_caller_lookup (caller_plain, created_at desc)").update();
        jdbc.sql("create index bench_caller_index on bench_caller_lookup (caller_phone_index, created_at desc)").update();
        jdbc.sql("analyze bench_caller_lookup").update();
        say.accept(String.format("3. caller look-up at %,d orders (%,d callers), generated and indexed in %.0f s", ORDERS, callers,
                (System.nanoTime() - genStart) / 1e9));
        for (int round = 0; round < 2; round++) {
            long[] plain = new long[LOOKUPS];
            long[] blind = new long[LOOKUPS];
            for (int i = 0; i < LOOKUPS; i++) {
                String phone = String.format("139%08d", random.nextInt(callers));
                long t = System.nanoTime();
                List<String> a = jdbc.sql("select caller_plain from bench_caller_lookup where caller_plain = ? order by created_at desc limit 20")
                        .param(phone).query(String.class).list();
                plain[i] = System.nanoTime() - t;
                t = System.nanoTime();
                List<String> b = jdbc.sql("select caller_phone from bench_caller_lookup where caller_phone_index = ? order by created_at desc limit 20")
                        .param(PersonalData.phoneIndex(phone)).query(String.class).list().stream().map(PersonalData::open).toList();
                blind[i] = System.nanoTime() - t;
                if (a.size() != b.size()) {
                    throw new IllegalStateException("the two look-ups disagree for " + phone);
                }
            }
            if (round == 1) {
                say.accept("   plaintext column (before): " + percentiles(plain));
                say.accept("   blind index + open (now):  " + percentiles(blind));
            }
        }
        jdbc.sql("drop table bench_caller_lookup").update();
    }

    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.3f ms, p95 %.3f ms", s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6);
    }

    private static String[] orgGrams(String text) {
        return org.openhotline.workorder.internal.model.TextGrams.of(text);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
