import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drills against the cluster that cluster/cluster.sh started (bench/cluster/README.md). Each drill creates work
 * orders through HAProxy with N clients, kills one part with kill -9 (through cluster.sh), keeps the load on, and
 * prints: time until HTTP errors stopped, requests failed, lease hand-over, SSE reconnect, and the acked orders
 * found in the database afterwards (each exactly once, or the drill fails).
 *
 *   java -cp postgresql.jar bench/cluster/ClusterDrill.java node|db|kamailio|pause|scale|phone [clients] [seconds-after]
 */
public class ClusterDrill {

    static final int B = Integer.parseInt(env("CLUSTER_BASE_PORT", "17000"));
    static final String FRONT = "http://127.0.0.1:" + (B + 30);
    static final String[] NODES = {"http://127.0.0.1:" + (B + 40), "http://127.0.0.1:" + (B + 50)};
    static final String DB = "jdbc:postgresql://127.0.0.1:" + (B + 32) + "/hotline";
    static final String PASSWORD = System.getenv("DEMO_PASSWORD");
    static final String SCRIPT = System.getenv("CLUSTER_SCRIPT");

    record Outcome(long seq, long atNanos, int status) {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "node";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int after = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        System.out.printf("drill %s: %d clients through HAProxy %s, load average %s%n", kind, clients, FRONT, load());
        switch (kind) {
            case "node" -> nodeDrill(clients, after);
            case "db" -> dbDrill(clients, after);
            case "kamailio" -> kamailioDrill(clients, after);
            case "pause" -> pauseDrill(clients, after);
            case "scale" -> scale(clients, Math.max(after, 20));
            case "phone" -> phoneDrill();
            case "cut" -> cutDrill(clients, after);
            default -> throw new IllegalArgumentException("node | db | kamailio | pause | cut | scale | phone");
        }
    }

    // ---- drills ------------------------------------------------------------------------------------------------

    static void nodeDrill(int clients, int after) throws Exception {
        int holder = holder();
        System.out.printf("lease holder before: node%d%n", holder + 1);
        var sse = new SseWatch(FRONT + "/api/callcenter/seat-wall/stream", Client.login(FRONT, "teamleader1"));
        sse.start();
        var load = new Load(FRONT, clients);
        load.start();
        Sipp sipp = new Sipp(Path.of(System.getProperty("java.io.tmpdir"), "cluster-drill-sipp-node"));
        sipp.start(after + 10);
        pause(10);
        long killedAt = System.nanoTime();
        long killedAtMicros = epochMicros();
        sh("kill", "node" + (holder + 1));
        long handOver = waitFor(Duration.ofSeconds(60), () -> infoHeld(NODES[1 - holder]));
        System.out.printf("lease hand-over to node%d: %.1f s after kill -9 as /actuator/info shows it (must be <= 10 s: %s)%n",
                2 - holder, secs(handOver - killedAt), secs(handOver - killedAt) <= 10 ? "ok" : "SLOW");
        leaseRow(killedAtMicros);
        pause(after);
        load.stop();
        sse.stop();
        report(load, killedAt);
        System.out.printf("SSE (seat wall via HAProxy): streams opened %d; reconnected %.1f s after kill -9%n",
                sse.opened.get(), sse.reopenedAfter(killedAt));
        System.out.println(sipp.finish() + " (calls on the killed node drop; new ones go to the new holder)");
        sh("revive", "node" + (holder + 1));
        verify(load);
    }

    /**
     * A phone registers once (docs/adr/050-cluster.md, decision 7): agent1's phone (sipp) registers extension 8001
     * through Kamailio for an hour, Kamailio adds its Path, the holder keeps the registration on record. The holder is
     * killed; the node that takes over must know the phone at once (the phone bar says registered) and ring it through
     * Kamailio when agent1 dials out from the desk — without the phone registering again.
     */
    static void phoneDrill() throws Exception {
        int holder = holder();
        System.out.printf("lease holder before: node%d%n", holder + 1);
        waitFor(Duration.ofSeconds(180), () -> infoAnswers(NODES[1 - holder])); // the other node is up (after a revive)
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cluster-drill-phone");
        Files.createDirectories(dir);
        try (Connection c = db()) {
            c.createStatement().execute("delete from cc_phone_registration where extension in ('8001', '8002')");
        }
        // agent1's phone (8001) and agent2's (8002) register once, through Kamailio, for an hour
        Process phone1 = registeredPhone(dir, "8001", B + 72, B + 74);
        Process phone2 = registeredPhone(dir, "8002", B + 73, B + 76);
        Client agent = Client.login(FRONT, "agent1");
        agent.post("/api/callcenter/me/sign-in", "{}");
        System.out.println("phone bar before the kill (signed in): phoneRegistered=" + phoneRegistered(agent));

        long killedAt = System.nanoTime();
        sh("kill", "node" + (holder + 1));
        long handOver = waitFor(Duration.ofSeconds(60), () -> infoHeld(NODES[1 - holder]));
        System.out.printf("lease hand-over to node%d: %.1f s after kill -9%n", 2 - holder, secs(handOver - killedAt));
        // the new holder starts with every agent signed out (ADR 050): agent1 signs in again, as at a real desk
        long known = waitFor(Duration.ofSeconds(30), () -> {
            try {
                if (agent.get("/api/callcenter/me") == null) agent.relogin();
            } catch (RuntimeException notYet) {
                return false; // HAProxy has no ready node for a moment
            }
            agent.post("/api/callcenter/me/sign-in", "{}");
            return "true".equals(phoneRegistered(agent));
        });
        System.out.printf("the new holder knows the phone %.1f s after the kill (%.1f s after the hand-over), "
                + "without a new REGISTER (the phone's next one is due in an hour)%n", secs(known - killedAt),
                secs(known - handOver));
        long dialedAt = System.nanoTime();
        int dial = agent.post("/api/callcenter/me/dial", "{\"number\":\"8002\"}");
        boolean talking = false;
        try {
            if (dial == 200) {
                waitFor(Duration.ofSeconds(20), () -> {
                    String me = agent.get("/api/callcenter/me");
                    return me != null && me.contains("\"state\":\"TALKING\"");
                });
                talking = true;
            }
        } catch (IllegalStateException notConnected) {
            // reported below
        }
        System.out.printf("agent1 dials 8002 from the desk on the new holder: HTTP %d; %s %.1f s after the dial%n", dial,
                talking ? "both phones rang through Kamailio and agent1 talks with 8002" : "NOT CONNECTED",
                secs(System.nanoTime() - dialedAt));
        agent.post("/api/callcenter/me/hangup", "{}");
        boolean ended1 = phone1.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        boolean ended2 = phone2.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        boolean ok = talking && ended1 && ended2 && phone1.exitValue() == 0 && phone2.exitValue() == 0;
        System.out.printf("phones (sipp uas): 8001 %s, 8002 %s%n", ended1 ? "exit " + phone1.exitValue() : "still waiting",
                ended2 ? "exit " + phone2.exitValue() : "still waiting");
        phone1.destroy();
        phone2.destroy();
        agent.post("/api/callcenter/me/state", "{\"state\":\"SIGNED_OUT\"}");
        sh("revive", "node" + (holder + 1));
        if (!ok) {
            throw new IllegalStateException("the phones registered once were not reached from the new holder: " + dir);
        }
    }

    /** Registers {@code extension} through Kamailio (sipp, digest) and starts the phone answering at {@code port}. */
    static Process registeredPhone(Path dir, String extension, int registerPort, int port) throws Exception {
        // the telephony tests' scenario of a phone registering with digest (sipp -au/-ap), here for an hour
        Path scenario = Path.of(SCRIPT).getParent().getParent().resolve("telephony/src/test/resources/sipp/register.xml");
        Files.writeString(dir.resolve("register-" + extension + ".xml"), Files.readString(scenario)
                .replace("${EXT}", extension).replace("${CONTACT_PORT}", String.valueOf(port))
                .replace("${EXPIRES}", "3600").replace("${EXPECT}", "200"));
        Process register = new ProcessBuilder("sipp", "-sf", "register-" + extension + ".xml", "-s", extension, "-au",
                extension, "-ap", PASSWORD, "-i", "127.0.0.1", "-p", String.valueOf(registerPort), "-m", "1", "-nostdin",
                "-timeout", "20s", "127.0.0.1:" + (B + 60)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("register-" + extension + ".log").toFile()).directory(dir.toFile()).start();
        if (register.waitFor() != 0) {
            throw new IllegalStateException(extension + " did not register: " + dir.resolve("register-" + extension + ".log"));
        }
        try (Connection c = db()) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                // the record is written a moment after the 200 OK (queued off the SIP threads)
                try (ResultSet row = c.createStatement().executeQuery(
                        "select contact_uri, path from cc_phone_registration where extension = '" + extension + "'")) {
                    if (row.next()) {
                        System.out.printf("%s registered once through Kamailio: contact %s, path %s%n", extension,
                                row.getString(1), row.getString(2));
                        break;
                    }
                }
                if (System.nanoTime() > until) throw new IllegalStateException(extension + " is not on record");
                Thread.sleep(100);
            }
        }
        return new ProcessBuilder("sipp", "-sn", "uas", "-i", "127.0.0.1", "-p", String.valueOf(port), "-m", "1",
                "-nostdin", "-timeout", "120s").redirectErrorStream(true)
                .redirectOutput(dir.resolve("phone-" + extension + ".log").toFile()).directory(dir.toFile()).start();
    }

    static String phoneRegistered(Client agent) {
        String body = agent.get("/api/callcenter/me");
        if (body == null) return "?";
        var m = java.util.regex.Pattern.compile("\"phoneRegistered\"\\s*:\\s*(true|false)").matcher(body);
        return m.find() ? m.group(1) : "?";
    }


    /**
     * A partition as the holder sees it: the node holding the lease stops (SIGSTOP: a long GC pause, a VM frozen, a
     * node cut off) for {@code after} seconds while the other takes over, then runs on believing nothing happened.
     * It must not act as the holder after it wakes (its own belief ran out; fencing refuses what it was committing),
     * and no acked order may be lost or doubled.
     */
    static void pauseDrill(int clients, int after) throws Exception {
        int holder = holder();
        String paused = "node" + (holder + 1);
        System.out.printf("lease holder before: %s%n", paused);
        var load = new Load(FRONT, clients);
        load.start();
        pause(10);
        long stoppedAt = System.nanoTime();
        long stoppedAtMicros = epochMicros();
        sh("pause", paused);
        long handOver = waitFor(Duration.ofSeconds(60), () -> infoHeld(NODES[1 - holder]));
        System.out.printf("lease hand-over to node%d: %.1f s after SIGSTOP as /actuator/info shows it (must be <= 10 s: %s)%n",
                2 - holder, secs(handOver - stoppedAt), secs(handOver - stoppedAt) <= 10 ? "ok" : "SLOW");
        leaseRow(stoppedAtMicros);
        pause(Math.max(0, after - (int) secs(System.nanoTime() - stoppedAt)));
        sh("resume", paused);
        long resumedAt = System.nanoTime();
        // the woken node answers as soon as it is scheduled again; it must say it does not hold the lease
        long answered = waitFor(Duration.ofSeconds(60), () -> infoAnswers(NODES[holder]));
        boolean claims = infoHeld(NODES[holder]);
        System.out.printf("%s woke: answered %.1f s after SIGCONT, claims the lease: %s (must be false: %s)%n",
                paused, secs(answered - resumedAt), claims, claims ? "FAIL" : "PASS");
        pause(10);
        load.stop();
        report(load, stoppedAt);
        leaseRow(stoppedAtMicros);
        verify(load);
    }

    /**
     * A real network cut: every SIP packet to and from the lease holder's engine is dropped (iptables), while its HTTP
     * and database stay. Kamailio's probes stop reaching it; it must give the call center to the other node within
     * the probe time-out (6 s) plus a try, and calls through Kamailio must be answered there again. After the cut
     * heals, the old holder stays a standby. Orders are created through HAProxy all along.
     */
    static void cutDrill(int clients, int after) throws Exception {
        int holder = holder();
        String cut = "node" + (holder + 1);
        System.out.printf("lease holder before: %s%n", cut);
        waitFor(Duration.ofSeconds(180), () -> infoAnswers(NODES[1 - holder]));
        var load = new Load(FRONT, clients);
        load.start();
        Sipp sipp = new Sipp(Path.of(System.getProperty("java.io.tmpdir"), "cluster-drill-sipp-cut"));
        sipp.start(after + 20);
        pause(10);
        long cutAt = System.nanoTime();
        long cutAtMicros = epochMicros();
        sh("cut", cut);
        try {
            long handOver = waitFor(Duration.ofSeconds(60), () -> infoHeld(NODES[1 - holder]));
            System.out.printf("lease hand-over to node%d: %.1f s after the cut as /actuator/info shows it%n", 2 - holder,
                    secs(handOver - cutAt));
            leaseRow(cutAtMicros);
            long answered = waitFor(Duration.ofSeconds(60), ClusterDrill::oneCallAnswered);
            System.out.printf("a new call through Kamailio answered again %.1f s after the cut%n", secs(answered - cutAt));
            pause(Math.max(0, after - (int) secs(System.nanoTime() - cutAt)));
        } finally {
            sh("heal", cut);
        }
        long healedAt = System.nanoTime();
        pause(5);
        boolean claims = infoHeld(NODES[holder]);
        System.out.printf("%s reachable again: claims the lease %.1f s after the heal: %s (must be false: %s)%n", cut,
                secs(System.nanoTime() - healedAt), claims, claims ? "FAIL" : "PASS");
        pause(5);
        load.stop();
        report(load, cutAt);
        System.out.println(sipp.finish() + " (calls on the cut node drop; new ones go to the new holder)");
        verify(load);
        if (claims) throw new IllegalStateException(cut + " claims the lease after the heal");
    }

    /** One sipp call to 12345 through Kamailio, 1 s long: whether it was answered. */
    static boolean oneCallAnswered() {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cluster-drill-one-call");
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("sipp", "-sn", "uac", "-s", "12345", "-m", "1", "-d", "1000", "-i", "127.0.0.1",
                    "-p", String.valueOf(B + 71), "-nostdin", "-recv_timeout", "3000", "-timeout", "8s", "-timeout_error",
                    "127.0.0.1:" + (B + 60)).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.log").toFile())
                    .directory(dir.toFile()).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean infoAnswers(String node) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(node + "/actuator/info")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static void dbDrill(int clients, int after) throws Exception {
        var load = new Load(FRONT, clients);
        load.start();
        pause(10);
        long killedAt = System.nanoTime();
        String killed = sh("kill", "pg-primary").lines().filter(l -> l.matches("pg\\d")).findFirst().orElse("?");
        pause(after);
        load.stop();
        report(load, killedAt);
        sh("revive", killed);
        verify(load);
    }

    static void kamailioDrill(int clients, int after) throws Exception {
        var load = new Load(FRONT, clients);
        load.start();
        Sipp sipp = new Sipp(Path.of(System.getProperty("java.io.tmpdir"), "cluster-drill-sipp"));
        sipp.start(after + 15);
        pause(5);
        long killedAt = System.nanoTime();
        sh("kill", "kamailio");
        sh("revive", "kamailio");
        System.out.printf("kamailio restarted in %.1f s%n", secs(System.nanoTime() - killedAt));
        pause(after);
        load.stop();
        report(load, killedAt);
        System.out.println(sipp.finish());
        verify(load);
    }

    static void scale(int clients, int seconds) throws Exception {
        for (String[] target : new String[][] {{"1 node (node1 directly)", NODES[0]}, {"2 nodes (HAProxy)", FRONT}}) {
            var load = new Load(target[1], clients);
            load.start();
            pause(5);
            long from = System.nanoTime();
            long before = load.acked.get();
            long cpuBefore = nodesCpuMillis();
            pause(seconds);
            long done = load.acked.get() - before;
            long cpu = nodesCpuMillis() - cpuBefore;
            double s = secs(System.nanoTime() - from);
            load.stop();
            System.out.printf("creates, %s, %d clients: %.0f/s over %.0f s (failed %d), platform CPU %.0f ms per create "
                            + "(both JVMs), load average %s%n", target[0], clients, done / s, s, load.failed(),
                    done == 0 ? Double.NaN : cpu / (double) done, load());
            verify(load);
        }
    }

    // ---- load and checks ---------------------------------------------------------------------------------------

    /** Clients creating orders in a loop; each order carries its sequence number, so the database can be checked. */
    static final class Load {
        final String base;
        final int clients;
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final AtomicLong next = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool;
        List<Long> categories;
        List<Long> regions;

        Load(String base, int clients) {
            this.base = base;
            this.clients = clients;
        }

        void start() throws Exception {
            try (Connection c = db()) {
                categories = longs(c, "select id from wo_category where level >= 3 order by id limit 50");
                regions = longs(c, "select id from org_node where kind in ('DISTRICT', 'STREET') order by id");
            }
            pool = Executors.newFixedThreadPool(clients);
            List<Client> logged = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                logged.add(Client.login(base, "agent" + (1 + i % 8)));
            }
            System.out.printf("%d clients logged in, load starts%n", clients);
            for (Client client : logged) {
                pool.submit(() -> {
                    var random = new Random();
                    while (running.get()) {
                        long seq = next.incrementAndGet();
                        String body = "{\"channel\":\"PHONE\",\"appealType\":\"COMPLAINT\",\"content\":\"集群演练 " + run + "-" + seq
                                + " 小区门口垃圾堆放多日无人清理\",\"callerName\":\"王先生\",\"callerPhone\":\"139"
                                + (10_000_000 + random.nextInt(89_999_999)) + "\",\"address\":\"东湖路" + (1 + random.nextInt(300))
                                + "号\",\"categoryId\":" + categories.get(random.nextInt(categories.size())) + ",\"regionId\":"
                                + regions.get(random.nextInt(regions.size())) + "}";
                        int status = client.post("/api/work-orders", body);
                        if (status == 401 || status == 403) {
                            // the session is in PostgreSQL; a 401 here means it was lost: log in again, counted as failed
                            try {
                                client.relogin();
                            } catch (RuntimeException e) {
                                status = -1;
                            }
                        }
                        outcomes.add(new Outcome(seq, System.nanoTime(), status));
                        if (status == 201) {
                            acked.incrementAndGet();
                        } else {
                            pauseMillis(200); // a client waits a little before its next try
                        }
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        }

        long failed() {
            return outcomes.stream().filter(o -> o.status() != 201).count();
        }
    }

    static void report(Load load, long faultAt) {
        List<Outcome> all = new ArrayList<>(load.outcomes);
        long failed = all.stream().filter(o -> o.status() != 201).count();
        long lastFailure = all.stream().filter(o -> o.status() != 201 && o.atNanos() >= faultAt).mapToLong(Outcome::atNanos).max().orElse(faultAt);
        long firstOkAfter = all.stream().filter(o -> o.status() == 201 && o.atNanos() >= lastFailure).mapToLong(Outcome::atNanos).min().orElse(-1);
        Map<Integer, Long> byStatus = new HashMap<>();
        all.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
        System.out.printf("requests %d, acked %d, failed %d %s%n", all.size(), load.acked.get(), failed, byStatus);
        System.out.printf("HTTP errors stopped %.1f s after the kill; next acked create %.1f s after the kill%n",
                secs(lastFailure - faultAt), firstOkAfter < 0 ? Double.NaN : secs(firstOkAfter - faultAt));
    }

    /** Every acked order is in the database exactly once; no order appears twice. */
    static void verify(Load load) throws Exception {
        var acked = load.outcomes.stream().filter(o -> o.status() == 201).map(Outcome::seq).toList();
        Map<Long, Integer> found = new HashMap<>();
        try (Connection c = db(); var st = c.prepareStatement(
                "select substring(content from ' " + load.run + "-([0-9]+) ')::bigint, count(*) from work_order "
                        + "where content like ? group by 1")) {
            st.setString(1, "集群演练 " + load.run + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        long lost = acked.stream().filter(s -> !found.containsKey(s)).count();
        long doubled = found.values().stream().filter(n -> n > 1).count();
        long unackedStored = found.keySet().stream().filter(s -> !acked.contains(s)).count();
        System.out.printf("acked orders %d: lost %d, doubled %d (must both be 0: %s); failed requests whose order was stored anyway: %d%n",
                acked.size(), lost, doubled, lost == 0 && doubled == 0 ? "PASS" : "FAIL", unackedStored);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A stream that reconnects like a browser's EventSource (1 s after it broke) and notes when it (re)opened. */
    static final class SseWatch {
        final String url;
        final Client client;
        final AtomicLong opened = new AtomicLong();
        final ConcurrentLinkedQueue<Long> openedAt = new ConcurrentLinkedQueue<>();
        volatile boolean running = true;
        Thread thread;

        SseWatch(String url, Client client) {
            this.url = url;
            this.client = client;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    try {
                        var request = client.builder(url).header("Accept", "text/event-stream").GET().build();
                        var response = client.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        if (response.statusCode() == 200) {
                            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                                String line;
                                boolean counted = false;
                                while (running && (line = in.readLine()) != null) {
                                    if (!counted && line.startsWith("data:")) {
                                        opened.incrementAndGet();
                                        openedAt.add(System.nanoTime());
                                        counted = true;
                                    }
                                }
                            }
                        }
                    } catch (Exception e) {
                        // broken: reconnect as EventSource does
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        double reopenedAfter(long at) {
            return openedAt.stream().filter(t -> t > at).mapToLong(t -> t - at).min().stream().mapToDouble(n -> n / 1e9).findFirst().orElse(Double.NaN);
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }

    /** sipp calling 12345 through Kamailio at 2 calls/s, each 2 s long. */
    static final class Sipp {
        final Path dir;
        Process process;

        Sipp(Path dir) {
            this.dir = dir;
        }

        void start(int seconds) throws Exception {
            Files.createDirectories(dir);
            int calls = seconds * 2;
            process = new ProcessBuilder("sipp", "-sn", "uac", "-s", "12345", "-r", "2", "-m", String.valueOf(calls), "-d", "2000",
                    "-i", "127.0.0.1", "-p", String.valueOf(B + 70), "-nostdin", "-recv_timeout", "10000", "127.0.0.1:" + (B + 60))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sipp.log").toFile()).directory(dir.toFile()).start();
        }

        /** The final totals sipp prints: successful and failed calls. */
        String finish() throws Exception {
            process.waitFor();
            List<String> lines = Files.readAllLines(dir.resolve("sipp.log"));
            String ok = last(lines, "Successful call");
            String failed = last(lines, "Failed call");
            return "sipp calls through Kamailio (2/s, 2 s each): successful " + ok + ", failed " + failed;
        }

        private static String last(List<String> lines, String label) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(label)) {
                    String[] cells = lines.get(i).split("\\|");
                    return cells[cells.length - 1].trim();
                }
            }
            return "?";
        }
    }

    static final class Client {
        final String base;
        final String user;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;

        Client(String base, String user) {
            this.base = base;
            this.user = user;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(3)).build();
        }

        static Client login(String base, String user) {
            Client c = new Client(base, user);
            for (int attempt = 1; ; attempt++) {
                try {
                    c.relogin();
                    return c;
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    System.out.println("login " + user + " again: " + e.getMessage());
                }
            }
        }

        void relogin() {
            send(builder(base + "/api/auth/me").GET());
            int status = post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            if (status != 200) {
                throw new IllegalStateException("login " + user + ": " + status + (status < 0 ? " " + lastError : ""));
            }
        }

        HttpRequest.Builder builder(String url) {
            var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            return b;
        }

        int post(String path, String json) {
            return send(builder(base + path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        volatile String lastError;

        /** The body of a 200 answer to GET {@code path}, else null. */
        String get(String path) {
            try {
                var r = http.send(builder(base + path).GET().build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? r.body() : null;
            } catch (Exception e) {
                lastError = e.toString();
                return null;
            }
        }

        int send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                lastError = e.toString();
                return -1;
            }
        }
    }

    static int holder() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            for (int i = 0; i < NODES.length; i++) {
                if (infoHeld(NODES[i])) {
                    return i;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no node holds the lease");
    }

    static boolean infoHeld(String node) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            var r = http.send(HttpRequest.newBuilder(URI.create(node + "/actuator/info")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"singletons\":true");
        } catch (Exception e) {
            return false;
        }
    }

    static long waitFor(Duration max, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not within " + max);
    }

    static String sh(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(SCRIPT);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.print(out);
        return out;
    }

    /** Microseconds since 1970 on this machine's clock, the one PostgreSQL's now() reads here too (loopback). */
    static long epochMicros() {
        var now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /**
     * The hand-over in the database's own terms, without the HTTP poll's delay: when the new holder's epoch began
     * (acquired_at) and when the killed holder's row would have expired (its last expiry = new acquired_at at the
     * earliest), both relative to the kill. Same machine, same clock.
     */
    static void leaseRow(long killedAtMicros) {
        try (Connection c = db(); var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select holder, epoch, (extract(epoch from acquired_at) * 1000000)::bigint
                  from cluster_lease where name = 'singletons'""")) {
            if (rs.next()) {
                System.out.printf("lease row: %s took epoch %d %.2f s after the fault (database clock)%n",
                        rs.getString(1), rs.getLong(2), (rs.getLong(3) - killedAtMicros) / 1e6);
            }
        } catch (Exception e) {
            System.out.println("lease row: cannot read (" + e.getMessage() + ")");
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(DB, "hotline", System.getenv("DB_APP_PASSWORD"));
    }

    static List<Long> longs(Connection c, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    static void pauseMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    /** CPU time (user + system) of both platform JVMs so far, from /proc (their pids are in cluster.sh's folder). */
    static long nodesCpuMillis() {
        long total = 0;
        for (String node : new String[] {"node1", "node2"}) {
            try {
                String pid = Files.readString(Path.of(env("CLUSTER_DIR", "/tmp/openhotline-cluster"), "pids", node + ".pid")).trim();
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
            } catch (Exception e) {
                // a node not running costs nothing
            }
        }
        return total;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
