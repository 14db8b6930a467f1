import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openhotline.quality.internal.machine.acoustic.AcousticAnalysis;
import org.openhotline.quality.internal.machine.acoustic.StereoRecording;
import org.openhotline.quality.internal.machine.rules.AcousticRules;
import org.openhotline.quality.internal.machine.rules.Finding;
import org.openhotline.quality.internal.machine.rules.RuleSetting;
import org.openhotline.quality.internal.machine.text.TextRules;
import org.openhotline.quality.internal.machine.text.Transcript;

/**
 * Machine inspection on the generated corpus (bench/qc/generate.py): precision and recall per labelled rule for
 * the platform's detector and for a naive fixed-threshold baseline, and the acoustic pass's speed in × real time on
 * one core. Run by bench/qc/run.sh: {@code java -cp server/target/classes bench/qc/QcBench.java CORPUS}.
 */
public class QcBench {

    static final List<String> LABELLED = List.of("DEAD_AIR", "TALK_OVER", "SHOUTING", "LONG_SILENCE_HOLD", "GREETING");
    /** A flag and a label match when they overlap, give or take this much (ms). */
    static final long SLACK = 1000;

    record Label(String call, String rule, long start, long end) {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Map<String, RuleSetting> rules = defaults();
        Map<String, List<Label>> labels = new HashMap<>();
        List<String> rows = Files.readAllLines(corpus.resolve("labels.tsv"));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split("\t");
            labels.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Label(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        List<Path> calls;
        try (Stream<Path> s = Files.list(corpus.resolve("calls"))) {
            calls = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        // Warm-up: the JIT compiles the hot loops before the timed pass.
        for (Path p : calls.subList(0, Math.min(20, calls.size()))) AcousticRules.evaluate(AcousticAnalysis.of(StereoRecording.read(p)), rules);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Score ours = new Score(), naive = new Score();
        long audioMs = 0, wallNs = 0, cpuNs = 0, readNs = 0;
        for (Path p : calls) {
            String id = p.getFileName().toString().replace(".wav", "");
            long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            StereoRecording rec = StereoRecording.read(p);
            long w1 = System.nanoTime();
            List<Finding> found = new ArrayList<>(AcousticRules.evaluate(AcousticAnalysis.of(rec), rules));
            wallNs += System.nanoTime() - w0;
            readNs += w1 - w0;
            cpuNs += cpu.getCurrentThreadCpuTime() - c0;
            audioMs += rec.lengthMillis();
            Transcript t = transcript(corpus.resolve("transcripts").resolve(id + ".tsv"));
            found.addAll(TextRules.evaluate(t, List.of(), rules));
            List<Label> truth = labels.getOrDefault(id, List.of());
            ours.add(found, truth);
            naive.add(Naive.evaluate(rec, t), truth);
        }
        System.out.printf("corpus: %d calls, %.1f minutes of audio, %d labelled violations (%s)%n", calls.size(),
                audioMs / 60000.0, labels.values().stream().mapToInt(List::size).sum(), corpus);
        System.out.printf("machine: %d cores, %s%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.printf("%-18s | %-32s | %-32s%n", "rule", "OpenHotline P / R (found FP missed)", "naive baseline P / R (found FP missed)");
        for (String rule : LABELLED) {
            System.out.printf("%-18s | %s | %s%n", rule, ours.line(rule), naive.line(rule));
        }
        System.out.printf("%nother flags raised (no labels; the corpus seeds none): %s%n", ours.unlabelled);
        System.out.printf("%nspeed of the acoustic pass (read WAV + analyse both channels + rules), one thread:%n");
        System.out.printf("  %.0f× real time by CPU time (%.2f ms CPU per minute of audio)%n",
                audioMs * 1e6 / cpuNs, cpuNs / 1e6 / (audioMs / 60000.0));
        System.out.printf("  %.0f× real time by wall clock (%.0f%% of it reading the files; wall clock counts waiting for a busy core)%n",
                audioMs * 1e6 / wallNs, readNs * 100.0 / wallNs);
        System.out.printf("  a day of 10,000 five-minute calls: %.1f minutes of CPU on one core%n",
                10_000 * 300_000.0 / (audioMs * 1e6 / cpuNs) / 60_000);
    }

    static Transcript transcript(Path tsv) throws IOException {
        List<Transcript.Utterance> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            out.add(new Transcript.Utterance(Transcript.Speaker.valueOf(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], List.of()));
        }
        return new Transcript("script", out);
    }

    /** The thresholds as the migration seeds them. */
    static Map<String, RuleSetting> defaults() {
        Map<String, RuleSetting> m = new HashMap<>();
        for (RuleSetting r : List.of(RuleSetting.of("DEAD_AIR", "MEDIUM", 8, ""), RuleSetting.of("TALK_OVER", "MEDIUM", 1.5, ""),
                RuleSetting.of("AGENT_SHARE", "LOW", 75, ""), RuleSetting.of("SPEECH_RATE", "LOW", 6, ""),
                RuleSetting.of("SHOUTING", "HIGH", 9, ""), RuleSetting.of("LONG_SILENCE_HOLD", "MEDIUM", 45, ""),
                RuleSetting.of("GREETING", "MEDIUM", 15, "您好 12345\n您好 一二三四五"),
                RuleSetting.of("CLOSING", "LOW", 30, "再见\n感谢您的来电\n谢谢您的来电\n祝您生活愉快"))) {
            m.put(r.code(), r);
        }
        return m;
    }

    /** True and false positives per rule; a label is found when some flag of its rule overlaps it. */
    static final class Score {
        final Map<String, int[]> counts = new TreeMap<>(); // flags right, flags wrong, labels missed, labels
        final Map<String, Integer> unlabelled = new TreeMap<>();

        void add(List<Finding> found, List<Label> truth) {
            for (Finding f : found) {
                if (!LABELLED.contains(f.rule())) {
                    unlabelled.merge(f.rule(), 1, Integer::sum);
                    continue;
                }
                boolean hit = truth.stream().anyMatch(l -> l.rule().equals(f.rule()) && overlaps(l, f));
                counts.computeIfAbsent(f.rule(), k -> new int[4])[hit ? 0 : 1]++;
            }
            for (Label l : truth) {
                counts.computeIfAbsent(l.rule(), k -> new int[4])[3]++;
                if (found.stream().noneMatch(f -> f.rule().equals(l.rule()) && overlaps(l, f))) {
                    counts.computeIfAbsent(l.rule(), k -> new int[4])[2]++;
                }
            }
        }

        static boolean overlaps(Label l, Finding f) {
            return f.startMs() < l.end() + SLACK && l.start() < f.endMs() + SLACK;
        }

        String line(String rule) {
            int[] c = counts.getOrDefault(rule, new int[4]);
            double p = c[0] + c[1] == 0 ? Double.NaN : c[0] * 100.0 / (c[0] + c[1]);
            double r = c[3] == 0 ? Double.NaN : (c[3] - c[2]) * 100.0 / c[3];
            return String.format("%5.1f%% / %5.1f%%  (%3d %3d %3d)", p, r, c[3] - c[2], c[1], c[2]);
        }
    }

    /**
     * The baseline a vendor would ship first: speech is any 10 ms frame louder than a fixed level, a shout any
     * 300 ms louder than a fixed level, a greeting any "您好" anywhere; the same time thresholds as the rules.
     */
    static final class Naive {
        static final double SPEECH_RMS = 300, SHOUT_RMS = 6000;

        static List<Finding> evaluate(StereoRecording rec, Transcript t) {
            List<long[]> c = segments(rec.citizen(), rec.sampleRate()), a = segments(rec.agent(), rec.sampleRate());
            List<Finding> out = new ArrayList<>();
            List<long[]> all = new ArrayList<>(c);
            all.addAll(a);
            all.sort((x, y) -> Long.compare(x[0], y[0]));
            long end = -1;
            for (long[] s : all) {
                if (end >= 0 && s[0] - end >= 8000) out.add(new Finding("DEAD_AIR", "", end, s[0], ""));
                end = Math.max(end, s[1]);
            }
            for (int i = 1; i < a.size(); i++) {
                if (a.get(i)[0] - a.get(i - 1)[1] >= 45000) out.add(new Finding("LONG_SILENCE_HOLD", "", a.get(i - 1)[1], a.get(i)[0], ""));
            }
            for (long[] x : c) for (long[] y : a) {
                long from = Math.max(x[0], y[0]), to = Math.min(x[1], y[1]);
                if (to - from >= 1500) out.add(new Finding("TALK_OVER", "", from, to, ""));
            }
            shouts(rec.citizen(), rec.sampleRate(), out);
            shouts(rec.agent(), rec.sampleRate(), out);
            if (t.utterances().stream().noneMatch(u -> u.text().contains("您好"))) out.add(new Finding("GREETING", "", 0, 15000, ""));
            return out;
        }

        static List<long[]> segments(short[] s, int rate) {
            int frame = rate / 100;
            List<long[]> out = new ArrayList<>();
            long start = -1, last = -1;
            for (int f = 0; f < s.length / frame; f++) {
                double sum = 0;
                for (int i = f * frame; i < (f + 1) * frame; i++) sum += (double) s[i] * s[i];
                if (Math.sqrt(sum / frame) > SPEECH_RMS) {
                    if (start < 0 || f - last > 10) {
                        if (start >= 0) out.add(new long[] {start * 10, (last + 1) * 10});
                        start = f;
                    }
                    last = f;
                }
            }
            if (start >= 0) out.add(new long[] {start * 10, (last + 1) * 10});
            return out;
        }

        static void shouts(short[] s, int rate, List<Finding> out) {
            int window = rate * 3 / 10;
            long last = -10_000;
            for (int i = 0; i + window <= s.length; i += window / 3) {
                double sum = 0;
                for (int j = i; j < i + window; j++) sum += (double) s[j] * s[j];
                if (Math.sqrt(sum / window) > SHOUT_RMS) {
                    long ms = i * 1000L / rate;
                    if (ms - last > 1000) out.add(new Finding("SHOUTING", "", ms, ms + 300, ""));
                    last = ms;
                }
            }
        }
    }
}
