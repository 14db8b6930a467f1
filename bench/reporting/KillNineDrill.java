import java.io.File;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kill -9 drill (issue 11: "nothing is lost when the process dies"). Starts the platform jar as its own process
 * on a fresh data directory with the demo year (timing the first start and measuring the memory of JVM + PostgreSQL),
 * sends a burst of orders through the API from 16 clients, kills the platform with SIGKILL in the middle of it,
 * starts it again, waits until the event publication registry has delivered every incomplete publication again,
 * and compares every KPI (today, and the whole year) with the figures after a full rebuild: they must be equal.
 */
public class KillNineDrill {

    static final String PASSWORD = "Drill-Pass-2026";

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "server/target/openhotline.jar";
        int burstMs = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        Path dir = Path.of(System.getenv().getOrDefault("DRILL_DATA", "/tmp/openhotline-kill9-drill"));
        deleteTree(dir);
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");

        long t0 = System.nanoTime();
        Process first = start(java, jar, dir, port, "first.log");
        waitUp(port, first, 600);
        double firstStart = secs(t0);
        Client manager = Client.login(port, "manager");
        sleepMs(5000); // let the start settle (knowledge index, timers) before measuring memory
        long[] memory = memory(first.pid(), dir);
        System.out.printf("first start with the demo year: %.1f s (to HTTP up; %s)%n", firstStart, load());
        System.out.printf("memory with the demo year: JVM RSS %d MB + PostgreSQL PSS %d MB = %d MB (PostgreSQL RSS sum %d MB)%n",
                memory[0] >> 20, memory[1] >> 20, (memory[0] + memory[1]) >> 20, memory[2] >> 20);

        // The burst: orders through the API from 16 clients until the kill.
        List<Client> agents = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            agents.add(Client.login(port, "agent" + (1 + i % 8)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(agents.size());
        for (Client a : agents) {
            pool.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    i++;
                    String type = i % 3 == 0 ? "CONSULTATION" : "COMPLAINT";
                    int status = a.post("/api/work-orders", "{\"channel\":\"" + (i % 2 == 0 ? "WECHAT" : "PHONE")
                            + "\",\"appealType\":\"" + type + "\",\"content\":\"演练工单：小区路灯不亮已经一周\",\"callerName\":\"演练\","
                            + "\"callerPhone\":\"1390000" + String.format("%04d", i % 10000) + "\",\"address\":\"东湖区人民路1号\"}");
                    (status == 201 ? created : failed).incrementAndGet();
                }
                return null;
            });
        }
        sleepMs(burstMs);
        first.destroyForcibly(); // SIGKILL
        first.waitFor();
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        System.out.printf("burst: %d orders answered 201 before kill -9 after %d ms (%d requests failed or cut off)%n",
                created.get(), burstMs, failed.get());
        // The embedded PostgreSQL outlives the killed JVM: what the registry still owes, before the restart.
        try {
            System.out.printf("incomplete event publications at the kill: %d%n", incomplete(dir));
        } catch (Exception e) {
            System.out.printf("incomplete event publications at the kill: not readable (%s)%n", e.getMessage());
        }

        long r0 = System.nanoTime();
        Process second = start(java, jar, dir, port, "second.log");
        try {
            waitUp(port, second, 600);
            System.out.printf("restart: %.1f s%n", secs(r0));
            manager = Client.login(port, "manager");
            // Wait until the registry has delivered again what was left incomplete (republished on restart).
            long w0 = System.nanoTime();
            long left = incomplete(dir);
            System.out.printf("incomplete event publications right after the restart: %d%n", left);
            for (int i = 0, zeros = 0; i < 1200 && zeros < 3; i++) {
                zeros = incomplete(dir) == 0 ? zeros + 1 : 0;
                sleepMs(500);
            }
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            LocalDate today = LocalDate.now(zone);
            String todayQuery = "from=" + today.minusDays(1) + "&to=" + today;
            String yearQuery = "from=" + today.minusDays(366) + "&to=" + today;
            String todayIncremental = kpis(manager, todayQuery);
            String yearIncremental = kpis(manager, yearQuery);
            String rebuilt = manager.postBody("/api/reports/rebuild", "{}");
            String todayRebuilt = kpis(manager, todayQuery);
            String yearRebuilt = kpis(manager, yearQuery);
            System.out.printf("facts settled %.1f s after the restart; rebuild: %s%n", secs(w0), rebuilt);
            System.out.printf("orders today after restart: %s%n", orderCount(todayIncremental));
            compare("yesterday and today", todayIncremental, todayRebuilt);
            compare("the year", yearIncremental, yearRebuilt);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** The KPI figures (code, numerator, denominator) of a query, one per line. */
    static String kpis(Client c, String query) {
        String body = c.body("/api/reports/kpis?" + query);
        StringBuilder out = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\".*?\"numerator\":([0-9.]+),\"denominator\":([0-9.]+)").matcher(body);
        while (m.find()) {
            out.append(m.group(1)).append(' ').append(m.group(2)).append('/').append(m.group(3)).append('\n');
        }
        return out.toString();
    }

    /** Event publications not completed yet, read as the schema owner (password from the data directory). */
    static long incomplete(Path dir) throws Exception {
        var passwords = new java.util.Properties();
        try (var in = Files.newInputStream(dir.resolve("postgres.passwords"))) {
            passwords.load(in);
        }
        String port = Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).strip();
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "hotline_owner",
                passwords.getProperty("hotline_owner")); var rs = c.createStatement().executeQuery(
                "select count(*) from event_publication where completion_date is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String orderCount(String kpis) {
        return kpis.lines().filter(l -> l.startsWith("direct-reply-rate") || l.startsWith("online-response-rate")).toList().toString();
    }

    static void compare(String what, String incremental, String rebuilt) {
        boolean equal = incremental.equals(rebuilt);
        System.out.printf("KPIs of %s, incremental vs rebuild: %s (%d KPIs)%n", what, equal ? "EQUAL" : "DIFFERENT",
                incremental.lines().count());
        if (!equal) {
            var a = incremental.lines().toList();
            var b = rebuilt.lines().toList();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String x = i < a.size() ? a.get(i) : "-";
                String y = i < b.size() ? b.get(i) : "-";
                if (!x.equals(y)) {
                    System.out.printf("  %s  ≠  %s%n", x, y);
                }
            }
        }
        incremental.lines().limit(30).forEach(l -> System.out.println("  " + l));
    }

    static Process start(String java, String jar, Path dir, int port, String log) throws Exception {
        Files.createDirectories(dir);
        return new ProcessBuilder(java, "-jar", jar, "--hotline.data-dir=" + dir, "--server.port=" + port,
                "--hotline.sip.enabled=false", "--hotline.demo.password=" + PASSWORD, "--hotline.demo.history=true")
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-" + log).toFile()).start();
    }

    static void waitUp(int port, Process p, int seconds) throws Exception {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < seconds * 4; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the platform exited with " + p.exitValue());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    // Readiness comes before the ApplicationRunners (demo data): wait for a demo login to work.
                    try {
                        Client.login(port, "manager");
                        return;
                    } catch (IllegalStateException notYet) {
                        // seeding
                    }
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            sleepMs(250);
        }
        throw new IllegalStateException("not up in " + seconds + " s");
    }

    /** JVM RSS, PostgreSQL PSS (shared buffers counted once) and PostgreSQL RSS summed over its processes. */
    static long[] memory(long javaPid, Path dir) throws Exception {
        long jvm = kb("/proc/" + javaPid + "/status", "VmRSS:") << 10;
        long pss = 0;
        long rss = 0;
        String pidFile = Files.readAllLines(dir.resolve("postgres/postmaster.pid")).getFirst().strip();
        long postmaster = Long.parseLong(pidFile);
        List<ProcessHandle> pg = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(h -> {
            pg.add(h);
            h.descendants().forEach(pg::add);
        });
        for (ProcessHandle h : pg) {
            pss += kb("/proc/" + h.pid() + "/smaps_rollup", "Pss:") << 10;
            rss += kb("/proc/" + h.pid() + "/status", "VmRSS:") << 10;
        }
        return new long[] {jvm, pss, rss};
    }

    static long kb(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (Exception gone) {
            // the process ended meanwhile
        }
        return 0;
    }

    static int freePort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String load() {
        try {
            return "load average " + String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "load average ?";
        }
    }

    record Client(HttpClient http, CookieManager cookies, String base) {
        static Client login(int port, String user) {
            var cookies = new CookieManager();
            var c = new Client(HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build(),
                    cookies, "http://localhost:" + port);
            c.send(c.request("/api/auth/me").GET());
            if (c.post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}") != 200) {
                throw new IllegalStateException("login failed: " + user);
            }
            return c;
        }

        HttpRequest.Builder request(String path) {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            return b;
        }

        int post(String path, String json) {
            try {
                return send(request(path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))).statusCode();
            } catch (IllegalStateException cutOff) {
                return -1;
            }
        }

        String postBody(String path, String json) {
            var r = send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
            return r.statusCode() + " " + r.body();
        }

        String body(String path) {
            var r = send(request(path).GET());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
