import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.shared.TextEmbeddings;

/**
 * Is a slower speed run the code or the machine? (round s14) Alternates, for about two minutes, ten seconds of
 * embedding the benchmark's questions with bge-small-zh on four threads (the search gate's default on 2 cores) and five
 * seconds of a fixed scalar loop on two threads, and prints the CPU per embedding and the loop's rate per window. Same
 * JVM, same code, same questions throughout: a drift of the first that the second does not show is the machine (the
 * int8 model streams 24 MB of weights through caches and memory it shares with the host's other guests), not the
 * platform. Run (Java 25, the class path of ../assistant/EmbeddingReplay.java):
 *   java -cp CP bench/smart/search/EmbeddingDrift.java server/src/test/resources/knowledge/eval-questions.tsv \
 *        bench/smart/search/spoken-questions.tsv bench/smart/assistant/spoken-dev.tsv
 */
public class EmbeddingDrift {
    public static void main(String[] args) throws Exception {
        List<String> qs = new ArrayList<>();
        for (String f : args) {
            for (String l : Files.readAllLines(Path.of(f))) {
                if (!l.isBlank() && !l.startsWith("#")) qs.add(l.split("\t")[0]);
            }
        }
        var emb = new TextEmbeddings();
        emb.embed("预热");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= 8; round++) {
            long cpu0 = os.getProcessCpuTime();
            long n = run(Integer.getInteger("threads", 4), 10, i -> emb.embed(qs.get(i % qs.size())));
            double cpuPerQ = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
            float[] v = new float[512], w = new float[512];
            for (int i = 0; i < 512; i++) { v[i] = i; w[i] = 1f / (i + 1); }
            double[] sink = {0};
            long units = run(2, 5, i -> { float s = 0; for (int r = 0; r < 2000; r++) for (int k = 0; k < 512; k++) s += v[k] * w[k]; sink[0] += s; });
            System.out.printf("window %d: embedding %5.0f q/s, CPU %.2f ms per question | scalar loop %5.0f units/s%n",
                    round, n / 10.0, cpuPerQ, units / 5.0 + (sink[0] == 42 ? 1 : 0));
        }
    }

    interface Work { void run(int i); }

    /** {@code threads} threads doing {@code work} for {@code seconds}; how many times it was done. */
    static long run(int threads, int seconds, Work work) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int start = t * 37;
            Thread th = new Thread(() -> { int i = start; while (System.nanoTime() < end) { work.run(i++); done.incrementAndGet(); } });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) th.join();
        return done.get();
    }
}
