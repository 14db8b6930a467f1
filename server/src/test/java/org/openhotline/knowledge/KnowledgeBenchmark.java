package org.openhotline.knowledge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.SchemaOwner;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.assistant.AnswerAssistant;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.search.ChineseText;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The knowledge benchmark (bench/knowledge/run.sh; skipped by verify): recall@1/@5 of search and of the answer
 * assistant over the evaluation set on the demo knowledge base; then {@value #GENERATED} generated articles, index
 * rebuild time, and search latency at {@value #CONCURRENCY} concurrent queries — Lucene against PostgreSQL
 * {@code ILIKE '%…%'} over the same rows, in the same run.
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "knowledge")
class KnowledgeBenchmark {

    static final int GENERATED = Integer.getInteger("bench.articles", 100_000);
    static final int CONCURRENCY = 20;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    AnswerAssistant assistant;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    ApplicationContext context;

    @Test
    void benchmark() throws Exception {
        var out = new StringBuilder();
        Consumer<String> say = s -> {
            System.out.println(s);
            out.append(s).append('\n');
        };
        say.accept("# Knowledge benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average " + load());
        var questions = KnowledgeEvaluation.questions(jdbc);
        var who = KnowledgeEvaluation.agent(jdbc);
        long demo = jdbc.sql("select count(*) from kb_article where state = 'PUBLISHED'").query(Long.class).single();
        say.accept("demo knowledge base: " + demo + " published articles, " + questions.size() + " questions");
        var searchRecall = KnowledgeEvaluation.recall(questions, KnowledgeEvaluation.search(search, who));
        say.accept("search    " + searchRecall);
        say.accept("search misses at 5: " + String.join(" | ", searchRecall.missedAt5()));
        say.accept("assistant " + KnowledgeEvaluation.recall(questions, KnowledgeEvaluation.assistant(assistant, who)));

        long t0 = System.nanoTime();
        generate(GENERATED);
        say.accept(String.format("generated %d articles into PostgreSQL in %.1f s", GENERATED, secs(t0)));
        var rebuilt = index.rebuild();
        say.accept(String.format("index rebuild: %d articles in %.1f s, %d segments", rebuilt.articles(),
                rebuilt.millis() / 1000.0, index.segments()));

        List<String> sentences = questions.stream().map(KnowledgeEvaluation.Question::text).toList();
        List<String> keywords = sentences.stream().map(KnowledgeBenchmark::keyword).toList();
        long relaxed = sentences.stream().filter(q -> search.search(who,
                new KnowledgeSearch.Request(q, null, null, null, false, false, 1, 10)).relaxed()).count();
        say.accept("citizen questions answered by the relaxed query (nothing matched strictly): " + relaxed + " of "
                + sentences.size());
        var single = run(sentences, 1000, 1, q -> search.search(who,
                new KnowledgeSearch.Request(q, null, null, null, false, false, 1, 10)));
        say.accept("Lucene, citizen questions, one at a time (service time): " + single);
        var lucene = profiled(() -> run(sentences, 4000, q -> search.search(who,
                new KnowledgeSearch.Request(q, null, null, null, false, false, 1, 10))));
        say.accept("Lucene, citizen questions:   " + lucene);
        parts(sentences, who, say);
        var luceneWords = run(keywords, 4000, q -> search.search(who,
                new KnowledgeSearch.Request(q, null, null, null, false, false, 1, 10)));
        say.accept("Lucene, one keyword:         " + luceneWords);
        if (!Boolean.parseBoolean(System.getProperty("bench.ilike", "true"))) {
            say.accept("PostgreSQL ILIKE: skipped (-Dbench.ilike=false)");
            say.accept("load average at the end: " + load());
            write(out);
            return;
        }
        // The baseline is measured the way Lucene answers: the same first page of 10, a total counted only up to 100
        // (Lucene's totalIsLowerBound), once with the same one keyword and once with the same whole questions, each of
        // their words required (what the strict Lucene query asks). Newest first among the first 100 found, since
        // ILIKE has no relevance to rank by.
        var ilike = run(keywords, 400, q -> ilikePage(List.of(q)));
        say.accept("PostgreSQL ILIKE, one keyword (page 10, total to 100): " + ilike);
        var ilikeQuestions = run(sentences, 400, q -> ilikePage(ChineseText.terms(q).words()));
        say.accept("PostgreSQL ILIKE, citizen questions, every word (page 10, total to 100): " + ilikeQuestions);
        say.accept("load average at the end: " + load());
        write(out);
    }

    private List<Long> ilikePage(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        var where = new StringBuilder("state = 'PUBLISHED'");
        var params = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < words.size(); i++) {
            where.append(" and (title ilike :w").append(i).append(" or body_text ilike :w").append(i).append(')');
            params.put("w" + i, "%" + words.get(i) + "%");
        }
        return jdbc.sql("select id, count(*) over () from (select id, updated_at from kb_article where " + where
                        + " limit 100) found order by updated_at desc limit 10")
                .params(params).query((rs, n) -> rs.getLong(1)).list();
    }

    private static void write(StringBuilder out) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.out", "target/knowledge-bench.txt")),
                out.toString());
    }

    /**
     * Where a question's cost lies, one at a time, in CPU per query: reading it (segmentation, synonyms, common-term
     * look-ups) and running its strict query whole (with its re-ranking), only its word clause, only its bigram clause (no filters).
     */
    private void parts(List<String> questions, org.openhotline.shared.StaffPrincipal who, Consumer<String> say) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var parsed = questions.stream().map(search::parse).toList();
        long[] cpu = new long[5];
        // The relaxed query runs only for the questions the strict one finds nothing for (no filters here either).
        var unmatched = parsed.stream().map(p -> p.query() != null
                && index.search(p.query(), false, 0, 10).total() == 0).toList();
        long relaxedRuns = unmatched.stream().filter(u -> u).count();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < parsed.size(); i++) {
                var p = parsed.get(i);
                if (p.query() == null) {
                    continue;
                }
                var clauses = ((org.apache.lucene.search.BooleanQuery) p.query()).clauses();
                long t = threads.getCurrentThreadCpuTime();
                search.parse(questions.get(i));
                long t1 = threads.getCurrentThreadCpuTime();
                index.search(p.query(), p.rerank(), false, 0, 10, 100);
                long t2 = threads.getCurrentThreadCpuTime();
                index.search(clauses.get(0).query(), false, 0, 10);
                long t3 = threads.getCurrentThreadCpuTime();
                if (clauses.size() > 1) {
                    index.search(clauses.get(1).query(), false, 0, 10);
                }
                long t4 = threads.getCurrentThreadCpuTime();
                if (unmatched.get(i)) {
                    index.search(p.relaxed(), p.rerank(), false, 0, 10, 100);
                }
                long t5 = threads.getCurrentThreadCpuTime();
                if (round > 0) { // the first round warms up
                    cpu[0] += t1 - t;
                    cpu[1] += t2 - t1;
                    cpu[2] += t3 - t2;
                    cpu[3] += t4 - t3;
                    cpu[4] += t5 - t4;
                }
            }
        }
        double n = 5.0 * parsed.size() * 1e6;
        say.accept(String.format("CPU per question, one at a time: reading it %.2f ms; strict query %.2f ms, of which "
                + "alone its word clause %.2f ms, its bigram clause %.2f ms; the relaxed query, for the %d questions "
                + "the strict one misses, %.2f ms each", cpu[0] / n, cpu[1] / n, cpu[2] / n, cpu[3] / n, relaxedRuns,
                relaxedRuns == 0 ? 0 : cpu[4] / (5.0 * relaxedRuns * 1e6)));
    }

    /** With -Dbench.jfr=file.jfr, a JFR profile of the call (jfr print --events jdk.ExecutionSample file.jfr). */
    private static <T> T profiled(java.util.concurrent.Callable<T> call) throws Exception {
        String file = System.getProperty("bench.jfr", "");
        if (file.isBlank()) {
            return call.call();
        }
        try (var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = call.call();
            recording.stop();
            recording.dump(java.nio.file.Path.of(file));
            return result;
        }
    }

    private static String load() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The query's longest word: what a user would type into a plain LIKE search box. */
    static String keyword(String question) {
        return ChineseText.terms(question).words().stream().max(Comparator.comparingInt(String::length)).orElse(question);
    }

    /**
     * {@code cpuMs}: CPU time of the calling thread per query, mean — what a query costs, whatever the load.
     * {@code machine}: how the machine's cores were used meanwhile (this JVM, other processes, stolen by the
     * hypervisor), or empty where /proc/stat is not there: a phase slower than the one before it on a machine shared
     * with others says why.
     */
    record Latency(int queries, double p50, double p95, double p99, double perSecond, double cpuMs, String machine) {
        @Override
        public String toString() {
            return String.format("%d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f queries/s, CPU %.2f ms/query%s",
                    queries, p50, p95, p99, perSecond, cpuMs, machine);
        }
    }

    /** The machine's CPU counters (/proc/stat, all cores) and this process's CPU time, at one moment. */
    record CpuUse(long total, long idle, long steal, long processNanos, long at) {
        static CpuUse now() {
            long process = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst()
                        .trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += Long.parseLong(f[i]); // user nice system idle iowait irq softirq steal (guest is in user)
                }
                return new CpuUse(total, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8]), process,
                        System.nanoTime());
            } catch (java.io.IOException | RuntimeException e) {
                return new CpuUse(-1, 0, 0, process, System.nanoTime());
            }
        }

        /** ", cores: JVM 91 %, others 4 %, stolen 0 %" over the time since {@code before}. */
        String since(CpuUse before) {
            long t = total - before.total;
            if (before.total < 0 || total < 0 || t <= 0) {
                return "";
            }
            double busy = 1.0 - (double) (idle - before.idle) / t - (double) (steal - before.steal) / t;
            double jvm = (processNanos - before.processNanos)
                    / ((double) (at - before.at) * Runtime.getRuntime().availableProcessors());
            return String.format(", cores: JVM %.0f %%, others %.0f %%, stolen %.0f %%", 100 * jvm,
                    100 * Math.max(0, busy - jvm), 100.0 * (steal - before.steal) / t);
        }
    }

    private static Latency run(List<String> queries, int total, Consumer<String> one) throws Exception {
        return run(queries, total, CONCURRENCY, one);
    }

    static Latency run(List<String> queries, int total, int concurrency, Consumer<String> one)
            throws Exception {
        for (int i = 0; i < Math.min(200, total / 4); i++) {
            one.accept(queries.get(i % queries.size())); // warm-up
        }
        double[] millis = new double[total];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CpuUse before = CpuUse.now();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    for (int i = thread; i < total; i += concurrency) {
                        long s = System.nanoTime();
                        one.accept(queries.get((i * 7) % queries.size()));
                        millis[i] = (System.nanoTime() - s) / 1e6;
                    }
                    cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double elapsed = secs(start);
        String machine = CpuUse.now().since(before);
        Arrays.sort(millis);
        return new Latency(total, millis[total / 2], millis[(int) (total * 0.95)], millis[(int) (total * 0.99)],
                total / elapsed, cpu.get() / 1e6 / total, machine);
    }

    /** Variants of the demo articles: each a district's or street's version with its own number. */
    private void generate(int count) throws Exception {
        var bases = DemoArticles.all();
        long category = jdbc.sql("""
                insert into kb_category (name, visibility, sort_order, created_at) values ('压测数据', 'PUBLIC', 999, now())
                returning id""").query(Long.class).single();
        String[] places = {"东湖区", "西山区", "南城区", "北港区", "江口区", "青溪区", "临江县", "湖滨街道", "翠屏街道", "古城街道"};
        var now = OffsetDateTime.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var b = bases.get(i % bases.size());
            String place = places[(i / bases.size()) % places.length];
            String text = RichText.text(b.body()) + "\n本条为" + place + "第" + i + "号演示知识，办理中如有疑问请拨打12345。";
            rows.add(new Object[] {category, place + "·" + b.title() + "（" + i + "）", RichText.fromText(text), text,
                    b.keywords(), now.minusSeconds(count - i)});
            if (rows.size() == 2000 || i == count - 1) {
                batch.batchUpdate("""
                        insert into kb_article (category_id, title, body_html, body_text, keywords, state, author,
                                                created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'PUBLISHED', 'bench', ?, ?)""",
                        rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[5]}).toList());
                rows.clear();
            }
        }
        // As the schema owner: the application's role may not analyze (PostgreSQL only warns and skips the table).
        try (var owner = SchemaOwner.connect(context); var sql = owner.createStatement()) {
            sql.execute("analyze kb_article");
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
