import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.MediaStats;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.Trunk;

/**
 * Telephony benchmark: sipp citizens call 12300, the engine answers, rings a sipp "agent" through an outbound
 * trunk, bridges both legs and records the call, RTP flowing both ways (A-law, 20 ms). For rising numbers of
 * concurrent calls it prints received-frame loss, mixer tick jitter p99, CPU and RSS; the idle engine is
 * the baseline. Then it measures call setup rate with immediate answer-and-hang-up calls.
 * Run through run.sh (builds the module and the classpath).
 */
public class TelephonyBench {
    static final Path DIR = Path.of(System.getProperty("bench.dir", "/tmp/telephony-bench"));
    static final long STEADY_MS = Long.getLong("bench.steadyMs", 10_000);
    static final AtomicInteger bridged = new AtomicInteger();
    static final AtomicLong endedLost = new AtomicLong(), endedIn = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        int[] levels = args.length > 0 ? parse(args[0]) : new int[] {50, 100, 200, 300, 400, 512};
        int agentPort = freePort();
        Trunk carrier = new Trunk("carrier", Set.of("12300", "12301"), Set.of("127.0.0.1"), null, null,
                "127.0.0.1", agentPort, "12345");
        TelephonyConfig config = TelephonyConfig.defaults(DIR.resolve("recordings"))
                .withAddresses("127.0.0.1", "127.0.0.1").withSipPort(freePort()).withRtpPorts(30000, 39999)
                .withTrunks(List.of(carrier)).withLimits(4000, Duration.ofSeconds(10))
                .withTrunkProbeSeconds(3600); // sipp agents would take OPTIONS for a new call
        TelephonyEngine[] e = new TelephonyEngine[1];
        e[0] = TelephonyEngine.builder(config).listener(ev -> onEvent(e[0], ev)).start();
        TelephonyEngine engine = e[0];
        System.out.printf("machine: %d cores, Java %s, load average %s; engine SIP port %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Files.readString(Path.of("/proc/loadavg")).trim(), engine.sipPort());

        Thread.sleep(2000);
        engine.mixerStats().reset();
        Thread.sleep(5000);
        System.out.printf("baseline (idle engine): tick jitter p99 %.1f ms, p50 %.1f ms, RSS %d MB%n",
                engine.mixerStats().percentileMillis(99), engine.mixerStats().percentileMillis(50), rssMb());

        Path audio = DIR.resolve("voice.al");
        new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", "-e", "a-law", "-t", "raw", audio.toString(),
                "synth", "10", "sine", "300-900").inheritIO().start().waitFor();
        System.out.println("calls  bridged  frames-in  lost+late  loss%   tick-p99  engine-CPU  sipp-CPU  RSS-MB  verdict");
        int best = 0, bestLoss = 0;
        for (int n : levels) {
            Result r = loadPhase(engine, n, audio, agentPort);
            boolean lossOk = r.lossPct < 0.5 && r.bridged >= n * 0.99;
            boolean ok = lossOk && r.tickP99 < 5;
            System.out.printf("%5d  %7d  %9d  %9d  %5.2f  %7.1f ms  %8.0f%%  %7.0f%%  %6d  %s%n", n, r.bridged,
                    r.framesIn, r.lost, r.lossPct, r.tickP99, r.engineCpu, r.sippCpu, r.rssMb, ok ? "ok" : lossOk ? "loss ok, jitter over 5 ms" : "FAILS");
            if (!lossOk) break;
            if (ok) best = n;
            bestLoss = n;
        }
        System.out.println("max concurrent bridged+recorded calls with <0.5% loss: " + bestLoss
                + "; also with tick jitter p99 <5 ms: " + best + " (compare with the idle baseline above)");
        for (int rate : new int[] {50, 100}) setupRate(engine, rate);
        engine.close();
        System.exit(0);
    }

    static void onEvent(TelephonyEngine engine, TelephonyEvent ev) {
        if (ev instanceof TelephonyEvent.CallArrived a) {
            engine.answer(a.leg());
            if (a.to().equals("12301")) return;
            LegId agent = engine.originate("agent", null, false);
            engine.answered(agent).thenRun(() -> {
                engine.bridge(a.leg(), agent);
                engine.record(a.leg(), agent);
                bridged.incrementAndGet();
            });
        } else if (ev instanceof TelephonyEvent.RecordingReady r) {
            try {
                Files.deleteIfExists(r.file());
            } catch (IOException ignored) {
                // a benchmark leaves its temp dir behind at worst
            }
        }
    }

    record Result(int bridged, long framesIn, long lost, double lossPct, double tickP99, double engineCpu,
                  double sippCpu, long rssMb) { }

    static Result loadPhase(TelephonyEngine engine, int n, Path audio, int agentPort) throws Exception {
        bridged.set(0);
        int rate = Math.min(n, 50);
        long rampMs = n * 1000L / rate;
        long callMs = rampMs + 3000 + STEADY_MS + 1000;
        Process agents = sipp("bench-agent.xml", audio, 0, List.of("-p", String.valueOf(agentPort)));
        Process callers = sipp("bench-caller.xml", audio, callMs, List.of("127.0.0.1:" + engine.sipPort(),
                "-p", String.valueOf(freePort()), "-r", String.valueOf(rate), "-l", String.valueOf(n),
                "-m", String.valueOf(n)));
        Thread.sleep(rampMs + 3000);
        long[] before = totals(engine);
        engine.mixerStats().reset();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        long sipp0 = cpuTicks(callers.pid()) + cpuTicks(agents.pid());
        Thread.sleep(STEADY_MS);
        long[] after = totals(engine);
        double wall = System.nanoTime() - t0;
        double engineCpu = 100.0 * (os.getProcessCpuTime() - cpu0) / wall;
        double sippCpu = 100.0 * (cpuTicks(callers.pid()) + cpuTicks(agents.pid()) - sipp0) * 10_000_000L / wall;
        double p99 = engine.mixerStats().percentileMillis(99);
        int b = bridged.get();
        long rss = rssMb();
        callers.waitFor();
        Thread.sleep(1000);
        agents.destroy();
        agents.waitFor();
        while (!engine.activeLegs().isEmpty()) Thread.sleep(200);
        long in = after[0] - before[0], lost = after[1] - before[1];
        return new Result(b, in, lost, in == 0 ? 100 : 100.0 * lost / in, p99, engineCpu, sippCpu, rss);
    }

    /** Frames received and frames lost or late, summed over the live legs. */
    static long[] totals(TelephonyEngine engine) {
        long in = 0, lost = 0;
        for (LegId leg : engine.activeLegs()) {
            MediaStats s = engine.mediaStats(leg).orElse(null);
            if (s == null) continue;
            in += s.packetsIn();
            lost += s.framesLost();
        }
        return new long[] {in, lost};
    }

    static void setupRate(TelephonyEngine engine, int rate) throws Exception {
        int calls = rate * 5;
        long t0 = System.nanoTime();
        Process p = sipp("bench-short.xml", null, 0, List.of("127.0.0.1:" + engine.sipPort(),
                "-p", String.valueOf(freePort()), "-r", String.valueOf(rate), "-m", String.valueOf(calls),
                "-l", String.valueOf(rate * 2)));
        int rc = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("setup rate: offered %d calls/s, %d calls in %.1f s = %.1f calls/s, sipp exit %d (%s)%n",
                rate, calls, s, calls / s, rc, rc == 0 ? "all answered" : "some failed");
    }

    static Process sipp(String scenario, Path audio, long callMs, List<String> args) throws IOException {
        String xml = Files.readString(Path.of("bench/telephony", scenario));
        if (audio != null) xml = xml.replace("${AUDIO}", audio.toString());
        xml = xml.replace("${CALL_MS}", String.valueOf(callMs));
        Path file = DIR.resolve(scenario);
        Files.writeString(file, xml);
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", "127.0.0.1", "-nostdin",
                "-nd", "-mp", String.valueOf(40000 + ThreadLocalRandom.current().nextInt(4000) * 2),
                "-timeout", "120s", "-trace_err", "-max_socket", "4096"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(DIR.toFile())
                .redirectOutput(DIR.resolve(scenario + ".out").toFile()).redirectErrorStream(true).start();
    }

    static long cpuTicks(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    static long rssMb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    static int freePort() {
        for (int i = 0; i < 100; i++) {
            int p = ThreadLocalRandom.current().nextInt(20000, 29000);
            try (DatagramSocket u = new DatagramSocket(p, InetAddress.getLoopbackAddress());
                 ServerSocket t = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException ignored) {
                // taken
            }
        }
        throw new IllegalStateException("no free port");
    }

    static int[] parse(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
