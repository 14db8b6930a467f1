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
        // EXCHANGE_BENCH_BASELINE: seconds of the both-up phase (60), also after EXCHANGE_BENCH_ATTACH (which skips it
        // unless this is set).
        String baselineSetting = System.getenv().getOrDefault("EXCHANGE_BENCH_BASELINE", "");
        int baselineSeconds = baselineSetting.isBlank() ? 60 : Integer.parseInt(baselineSetting);
        Path root = Path.of(System.getenv().getOrDefault("EXCHANGE_BENCH_DATA", "/tmp/openhotline-exchange-bench"));
        // EXCHANGE_BENCH_ATTACH=cityPort,cityPid,provincePort,provincePid: use two platforms a run left up (their
        // first start takes long on a loaded machine) and go straight to the flapping phase.
        String[] attach = System.getenv().getOrDefault("EXCHANGE_BENCH_ATTACH", "").isBlank() ? null
                : System.getenv("EXCHANGE_BENCH_ATTACH").split(",");
        int cycles = Integer.parseInt(System.getenv().getOrDefault("EXCHANGE_BENCH_CYCLES", "0")); // 0: by minutes
        if (attach == null) {
            deleteTree(root);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        int cityPort = attach == null ? freePort() : Integer.parseInt(attach[0]);
        int provincePort = attach == null ? freePort() : Integer.parseInt(attach[2]);
        boolean kill9Only = "kill9".equals(System.getenv("EXCHANGE_BENCH_STOP"));
        System.out.printf("machine: %d cores, load %s; rate %d orders/min each way; flapping %d min, cycle %d s down / %d s up%n",
                Runtime.getRuntime().availableProcessors(), load(), perMinute, flapMinutes, cycleSeconds, cycleSeconds);

        Side city = new Side("city", java, jar, root.resolve("city"), cityPort, "CITY", "JZ", "江州市12345", "NJ",
                "PROVINCE", "南江省12345", String.valueOf(provincePort));
        Side province = new Side("province", java, jar, root.resolve("province"), provincePort, "PROVINCE", "NJ",
                "南江省12345", "JZ", "CITY", "江州市12345", String.valueOf(cityPort));
        if (attach == null) {
            city.start();
            province.start();
        } else {
            city.handle = ProcessHandle.of(Long.parseLong(attach[1])).orElseThrow();
            province.handle = ProcessHandle.of(Long.parseLong(attach[3])).orElseThrow();
        }
        city.waitUp();
        province.waitUp();
        System.out.printf("both up (first start with demo data: city %.0f s, province %.0f s), load %s%n",
                city.lastStart, province.lastStart, load());

        if (attach != null) {
            drain(cityPort, provincePort); // what an earlier run left in the queues is not this run's traffic
        }
        AtomicBoolean stop = new AtomicBoolean();
        Generator fromCity = new Generator(cityPort, "PROVINCE", perMinute, stop, city.up);
        Generator fromProvince = new Generator(provincePort, "OTHER_CITY", perMinute, stop, province.up);
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        pool.submit(fromCity);
        pool.submit(fromProvince);

        Instant t0 = Instant.now();
        Thread.sleep((attach == null || !baselineSetting.isBlank() ? baselineSeconds : 0) * 1000L);
        stop.set(true);
        Thread.sleep(2000);
        drain(cityPort, provincePort);
        report("baseline, city → province", fromCity.created.get(), flow(cityPort, "NJ", t0), flow(provincePort, "JZ", t0));
        report("baseline, province → city", fromProvince.created.get(), flow(provincePort, "JZ", t0), flow(cityPort, "NJ", t0));
        System.out.println("load " + load());

        // Flapping: each cycle one side goes down — province kill -9, city kill -9, province SIGTERM, city SIGTERM, …
        // — stays down for a cycle while the other side keeps creating, is started again and stays up for a cycle.
        Instant t1 = Instant.now();
        stop.set(false);
        fromCity.created.set(0);
        fromProvince.created.set(0);
        pool.submit(fromCity);
        pool.submit(fromProvince);
        long end = System.nanoTime() + flapMinutes * 60_000_000_000L;
        int cycle = 0;
        List<String> restarts = new ArrayList<>();
        while (cycles > 0 ? cycle < cycles : System.nanoTime() < end) {
            Thread.sleep(cycleSeconds * 1000L);
            Side down = cycle % 2 == 0 ? province : city;
            boolean kill9 = cycle / 2 % 2 == 0 || kill9Only;
            cycle++;
            down.stop(kill9);
            System.out.printf("  %s stopped (%s) at +%ds, load %s%n", down.name, kill9 ? "kill -9" : "SIGTERM",
                    Duration.between(t1, Instant.now()).toSeconds(), load());
            Thread.sleep(cycleSeconds * 1000L);
            down.start();
            down.waitUp();
            restarts.add(String.format("%s %.0f s", down.name, down.lastStart));
            System.out.printf("  %s up again after a %.1f s start at +%ds%n", down.name, down.lastStart,
                    Duration.between(t1, Instant.now()).toSeconds());
        }
        stop.set(true);
        Thread.sleep(2000);
        drain(cityPort, provincePort);
        report("flapping, city → province", fromCity.created.get(), flow(cityPort, "NJ", t1), flow(provincePort, "JZ", t1));
        report("flapping, province → city", fromProvince.created.get(), flow(provincePort, "JZ", t1), flow(cityPort, "NJ", t1));

        // The day in Asia/Shanghai, and the day before when the run crossed its midnight (16:00 UTC).
        List<String> days = new ArrayList<>(List.of(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        String started = t0.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        if (!days.contains(started)) {
            days.addFirst(started);
        }
        for (String day : days) {
            System.out.println("reconciliation " + day + " (city with NJ): " + differences(Client.login(cityPort, "sysadmin")
                    .postBody("/api/exchange/reconciliations", "{\"counterpart\":\"NJ\",\"day\":\"" + day + "\"}")));
            System.out.println("reconciliation " + day + " (province with JZ): " + differences(Client.login(provincePort, "sysadmin")
                    .postBody("/api/exchange/reconciliations", "{\"counterpart\":\"JZ\",\"day\":\"" + day + "\"}")));
        }
        System.out.printf("restarts: %d cycles, start times %s; load at the end %s%n", restarts.size(), restarts, load());
        pool.shutdownNow();
        province.stop(false);
        city.stop(false);
    }

    /** One platform process and whether it is up (its generator creates only while it is). */
    static final class Side {
        final String name;
        final String java;
        final String jar;
        final Path dir;
        final int port;
        final String[] exchange;
        final AtomicBoolean up = new AtomicBoolean();
        ProcessHandle handle;
        long startedAt;
        double lastStart;

        Side(String name, String java, String jar, Path dir, int port, String... exchange) {
            this.name = name;
            this.java = java;
            this.jar = jar;
            this.dir = dir;
            this.port = port;
            this.exchange = exchange;
        }

        void start() throws Exception {
            startedAt = System.nanoTime();
            handle = ExchangeBench.start(java, jar, dir, port, exchange[0], exchange[1], exchange[2], exchange[3],
                    exchange[4], exchange[5], Integer.parseInt(exchange[6])).toHandle();
        }

        void waitUp() throws Exception {
            ExchangeBench.waitUp(port, handle, 1800);
            lastStart = (System.nanoTime() - startedAt) / 1e9;
            up.set(true);
        }

        void stop(boolean kill9) throws Exception {
            up.set(false);
            if (kill9) {
                handle.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close of anything
            } else {
                handle.destroy();
            }
            try {
                handle.onExit().get(180, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get();
            }
        }
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

    /**
     * One direction's figures: {@code committed} is what the sender's outbox holds (the forwards that committed,
     * also those whose 201 a kill -9 cut off), {@code received} the distinct orders the receiver made of them.
     */
    static void report(String what, int answered, String sender, String receiver) {
        long committed = number(sender, "ordersHandedOver");
        long applied = number(receiver, "transfersApplied");
        long distinct = number(receiver, "distinctOrders");
        System.out.printf("%s: 201 answers %d, forwards committed %d, received %d orders (%d transfers applied), "
                        + "lost %d, duplicated %d, answered but not committed %d, lag p50 %s ms, p99 %s ms, max %s ms%n",
                what, answered, committed, distinct, applied, committed - distinct, applied - distinct,
                Math.max(0, answered - committed), text(receiver, "lagP50Ms"), text(receiver, "lagP99Ms"),
                text(receiver, "lagMaxMs"));
    }

    /** The outbox and inbox counts by state of a queues answer, e.g. {"SENT":320} / {"APPLIED":320}. */
    static String states(String queues) {
        Matcher m = Pattern.compile("\"outbox\":(\\{[^}]*\\}),\"inbox\":(\\{[^}]*\\})").matcher(queues);
        return m.find() ? "outbox " + m.group(1) + " inbox " + m.group(2) : queues;
    }

    static String differences(String reconciliation) {
        Matcher m = Pattern.compile("\"differences\":(\\d+)").matcher(reconciliation);
        return (m.find() ? m.group(1) + " differences — " : "") + reconciliation;
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
            String a;
            String b;
            try {
                a = citySys.body("/api/exchange/queues");
                b = provinceSys.body("/api/exchange/queues");
            } catch (IllegalStateException slow) {
                continue; // a request timed out on the loaded machine: ask again
            }
            if (!a.contains("\"PENDING\"") && !a.contains("\"RECEIVED\"") && !b.contains("\"PENDING\"") && !b.contains("\"RECEIVED\"")) {
                System.out.printf("  drained in %.1f s; city queues %s; province queues %s%n", (System.nanoTime() - s) / 1e9,
                        states(a), states(b));
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("queues not drained in 10 minutes");
    }

    static Process start(String java, String jar, Path dir, int port, String role, String self, String selfName,
                         String other, String otherKind, String otherName, int otherPort) throws Exception {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m"));
        // EXCHANGE_BENCH_JVM_OPTS: extra JVM options for both platforms, {side} replaced by city/province — e.g. a
        // flight recording per side: -XX:StartFlightRecording=filename=/tmp/{side}.jfr,settings=profile
        String extra = System.getenv().getOrDefault("EXCHANGE_BENCH_JVM_OPTS", "").trim();
        if (!extra.isEmpty()) {
            for (String option : extra.split("\\s+")) {
                command.add(option.replace("{side}", dir.getFileName().toString()));
            }
        }
        command.addAll(List.of("-jar", jar, "--hotline.data-dir=" + dir, "--server.port=" + port,
                "--hotline.sip.enabled=false", "--hotline.demo.password=" + PASSWORD, "--hotline.demo.history=false",
                "--hotline.security.login-throttle.exempt-addresses=127.0.0.1,::1",
                "--hotline.exchange.role=" + role, "--hotline.exchange.self=" + self, "--hotline.exchange.self-name=" + selfName,
                "--hotline.exchange.report-all=false",
                "--hotline.exchange.counterparts[0].code=" + other, "--hotline.exchange.counterparts[0].name=" + otherName,
                "--hotline.exchange.counterparts[0].kind=" + otherKind,
                "--hotline.exchange.counterparts[0].base-url=http://127.0.0.1:" + otherPort,
                "--hotline.exchange.counterparts[0].secret=" + SECRET, "--hotline.exchange.max-backoff=PT5S"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile()))
                .start();
    }

    static void waitUp(int port, ProcessHandle p, int seconds) throws Exception {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < seconds * 4; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the platform exited");
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
            for (int attempt = 1; ; attempt++) {
                try {
                    return loginOnce(port, user);
                } catch (IllegalStateException e) {
                    // 503: no database connection came free in time — a platform saturated by the bench is busy,
                    // not wrong (a run on a loaded machine stopped here at the drain).
                    boolean busy = e.getCause() instanceof java.io.IOException || e.getMessage().contains("answered 503");
                    if (attempt == 5 || !busy) {
                        throw e;
                    }
                    try {
                        Thread.sleep(2000L * attempt);
                    } catch (InterruptedException i) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        static Client loginOnce(int port, String user) {
            var cookies = new CookieManager();
            var c = new Client(HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build(),
                    cookies, "http://localhost:" + port);
            c.send(c.request("/api/auth/me").GET());
            int status = c.post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            if (status != 200) {
                throw new IllegalStateException("login failed: " + user + " answered " + status);
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
