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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchange benchmark (issue 15): two platform processes — a city (JZ) and its province (NJ) — each creating orders
 * that it forwards to the other (city → province 转省平台, province → city 省交办件) at a fixed rate. Phase 1 (baseline):
 * both up. Phase 2: the province is stopped every cycle (alternately SIGTERM and SIGKILL), stays down, is started
 * again and stays up, while the city keeps creating. After each phase both queues are drained and the receivers
 * count what arrived: lost = created by the sender − distinct orders the receiver made; duplicated = transfers
 * applied − distinct orders. Then each side reconciles the day with the other.
 */
public class ExchangeBench {

    static final String PASSWORD = "Bench-Pass-2026";
    static final String SECRET = "bench-shared-key-0123456789";

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "server/target/openhotline.jar";
        int perMinute = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int flapMinutes = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int cycleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int baselineSeconds = 60;
        Path root = Path.of(System.getenv().getOrDefault("EXCHANGE_BENCH_DATA", "/tmp/openhotline-exchange-bench"));
        deleteTree(root);
        String java = ProcessHandle.current().info().command().orElse("java");
        int cityPort = freePort();
        int provincePort = freePort();
        System.out.printf("machine: %d cores, load %s; rate %d orders/min each way; flapping %d min, cycle %d s down / %d s up%n",
                Runtime.getRuntime().availableProcessors(), load(), perMinute, flapMinutes, cycleSeconds, cycleSeconds);

        Process city = start(java, jar, root.resolve("city"), cityPort, "CITY", "JZ", "江州市12345", "NJ", "PROVINCE",
                "南江省12345", provincePort);
        Process[] province = {start(java, jar, root.resolve("province"), provincePort, "PROVINCE", "NJ", "南江省12345",
                "JZ", "CITY", "江州市12345", cityPort)};
        waitUp(cityPort, city, 900);
        waitUp(provincePort, province[0], 900);
        System.out.println("both up");

        Client citySys = Client.login(cityPort, "sysadmin");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean provinceUp = new AtomicBoolean(true);
        Generator fromCity = new Generator(cityPort, "PROVINCE", perMinute, stop, new AtomicBoolean(true));
        Generator fromProvince = new Generator(provincePort, "OTHER_CITY", perMinute, stop, provinceUp);
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        pool.submit(fromCity);
        pool.submit(fromProvince);

        Instant t0 = Instant.now();
        Thread.sleep(baselineSeconds * 1000L);
        stop.set(true);
        Thread.sleep(2000);
        int[] baseCreated = {fromCity.created.get(), fromProvince.created.get()};
        drain(cityPort, provincePort);
        String baseUp = flow(provincePort, "JZ", t0);
        String baseDown = flow(cityPort, "NJ", t0);
        report("baseline, city → province", baseCreated[0], baseUp);
        report("baseline, province → city", baseCreated[1], baseDown);

        Instant t1 = Instant.now();
        stop.set(false);
        fromCity.created.set(0);
        fromProvince.created.set(0);
        pool.submit(fromCity);
        pool.submit(fromProvince);
        long end = System.nanoTime() + flapMinutes * 60_000_000_000L;
        int cycle = 0;
        List<Double> restarts = new ArrayList<>();
        while (System.nanoTime() < end) {
            Thread.sleep(cycleSeconds * 1000L);
            provinceUp.set(false);
            boolean kill9 = cycle++ % 2 == 1;
            if (kill9) {
                province[0].destroyForcibly();
            } else {
                province[0].destroy();
            }
            province[0].waitFor(120, TimeUnit.SECONDS);
            System.out.printf("  province stopped (%s) at +%ds%n", kill9 ? "kill -9" : "SIGTERM", Duration.between(t1, Instant.now()).toSeconds());
            Thread.sleep(cycleSeconds * 1000L);
            long s = System.nanoTime();
            province[0] = start(java, jar, root.resolve("province"), provincePort, "PROVINCE", "NJ", "南江省12345",
                    "JZ", "CITY", "江州市12345", cityPort);
            waitUp(provincePort, province[0], 900);
            restarts.add((System.nanoTime() - s) / 1e9);
            provinceUp.set(true);
            System.out.printf("  province up again after %.1f s start at +%ds%n", restarts.getLast(), Duration.between(t1, Instant.now()).toSeconds());
        }
        stop.set(true);
        Thread.sleep(2000);
        drain(cityPort, provincePort);
        report("flapping, city → province", fromCity.created.get(), flow(provincePort, "JZ", t1));
        report("flapping, province → city", fromProvince.created.get(), flow(cityPort, "NJ", t1));

        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        System.out.println("reconciliation (city with NJ): " + citySys.postBody("/api/exchange/reconciliations",
                "{\"counterpart\":\"NJ\",\"day\":\"" + day + "\"}"));
        System.out.println("reconciliation (province with JZ): " + Client.login(provincePort, "sysadmin")
                .postBody("/api/exchange/reconciliations", "{\"counterpart\":\"JZ\",\"day\":\"" + day + "\"}"));
        System.out.printf("province restarts: %d, start times %s s%n", restarts.size(), restarts);
        pool.shutdownNow();
        province[0].destroy();
        city.destroy();
        province[0].waitFor(60, TimeUnit.SECONDS);
        city.waitFor(60, TimeUnit.SECONDS);
    }

    /** Creates orders forwarded to {@code platform} at {@code perMinute}, while {@code up}; counts the 201s. */
    static final class Generator implements Runnable {
        final int port;
        final String platform;
        final int perMinute;
        final AtomicBoolean stop;
        final AtomicBoolean up;
        final AtomicInteger created = new AtomicInteger();

        Generator(int port, String platform, int perMinute, AtomicBoolean stop, AtomicBoolean up) {
            this.port = port;
            this.platform = platform;
            this.perMinute = perMinute;
            this.stop = stop;
            this.up = up;
        }

        @Override
        public void run() {
            long interval = 60_000_000_000L / perMinute;
            long next = System.nanoTime();
            Client agent = null;
            int i = 0;
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                while (!stop.get()) {
                    if (!up.get()) {
                        agent = null;
                        Thread.sleep(200);
                        next = System.nanoTime();
                        continue;
                    }
                    if (agent == null) {
                        try {
                            agent = Client.login(port, "agent1");
                        } catch (RuntimeException notYet) {
                            Thread.sleep(500);
                            continue;
                        }
                    }
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += interval;
                    Client a = agent;
                    int n = i++;
                    senders.submit(() -> {
                        String body = "{\"channel\":\"PHONE\",\"appealType\":\"COMPLAINT\",\"content\":\"交换压测工单 " + n
                                + "\",\"callerPhone\":\"139" + String.format("%08d", n) + "\",\"finish\":{\"mode\":\"FORWARD\",\"platform\":\""
                                + platform + "\"}}";
                        if (a.post("/api/work-orders", body) == 201) {
                            created.incrementAndGet();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void report(String what, int created, String flow) {
        long applied = number(flow, "transfersApplied");
        long distinct = number(flow, "distinctOrders");
        System.out.printf("%s: created %d, received %d orders (%d transfers applied), lost %d, duplicated %d, lag p50 %s ms, p99 %s ms, max %s ms%n",
                what, created, distinct, applied, created - distinct, applied - distinct, text(flow, "lagP50Ms"),
                text(flow, "lagP99Ms"), text(flow, "lagMaxMs"));
    }

    static String flow(int port, String counterpart, Instant since) {
        return Client.login(port, "sysadmin").body("/api/exchange/flow?counterpart=" + counterpart + "&since=" + since);
    }

    /** Waits until neither side has anything pending or unapplied. */
    static void drain(int cityPort, int provincePort) throws Exception {
        long s = System.nanoTime();
        // One session per platform: logging in twice a second got the admin's login refused in the first run.
        Client citySys = Client.login(cityPort, "sysadmin");
        Client provinceSys = Client.login(provincePort, "sysadmin");
        for (int i = 0; i < 1200; i++) {
            String a = citySys.body("/api/exchange/queues");
            String b = provinceSys.body("/api/exchange/queues");
            if (!a.contains("\"PENDING\"") && !a.contains("\"RECEIVED\"") && !b.contains("\"PENDING\"") && !b.contains("\"RECEIVED\"")) {
                System.out.printf("  drained in %.1f s%n", (System.nanoTime() - s) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("queues not drained in 10 minutes");
    }

    static Process start(String java, String jar, Path dir, int port, String role, String self, String selfName,
                         String other, String otherKind, String otherName, int otherPort) throws Exception {
        Files.createDirectories(dir);
        return new ProcessBuilder(java, "-Xmx768m", "-jar", jar, "--hotline.data-dir=" + dir, "--server.port=" + port,
                "--hotline.sip.enabled=false", "--hotline.demo.password=" + PASSWORD, "--hotline.demo.history=false",
                "--hotline.security.login-throttle.exempt-addresses=127.0.0.1,::1",
                "--hotline.exchange.role=" + role, "--hotline.exchange.self=" + self, "--hotline.exchange.self-name=" + selfName,
                "--hotline.exchange.report-all=false",
                "--hotline.exchange.counterparts[0].code=" + other, "--hotline.exchange.counterparts[0].name=" + otherName,
                "--hotline.exchange.counterparts[0].kind=" + otherKind,
                "--hotline.exchange.counterparts[0].base-url=http://127.0.0.1:" + otherPort,
                "--hotline.exchange.counterparts[0].secret=" + SECRET, "--hotline.exchange.max-backoff=PT5S")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile()))
                .start();
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
                    try {
                        Client.login(port, "agent1");
                        return;
                    } catch (IllegalStateException notYet) {
                        // demo data still seeding
                    }
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not up in " + seconds + " s");
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":([^,}]+)").matcher(json);
        if (!m.find() || m.group(1).equals("null")) {
            return "—";
        }
        return String.format("%.0f", Double.parseDouble(m.group(1)));
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static int freePort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
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
