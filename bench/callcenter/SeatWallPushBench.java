import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * State change to screen: agents change state through the phone-bar API of a running platform while a team
 * leader's seat wall listens on the server-sent event stream; the time from the agent's request to the tile
 * arriving on the wall is measured. Baseline in the same run, measured the same way: a second wall that polls the
 * real snapshot endpoint ({@code GET /api/callcenter/seat-wall}) every second, as a polling screen would; its latency
 * is the time from the agent's request to the first poll answer that shows the new state. The poller runs on its
 * own fixed 1 s schedule, independent of when the agents change state.
 * Usage: java SeatWallPushBench http://localhost:18080 <demo password> [rounds]
 */
public class SeatWallPushBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Client leader = Client.login(base, "teamleader1", password);
        List<Client> agents = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Client c = Client.login(base, "agent" + i, password);
            c.post("/api/callcenter/me/sign-in", "{}");
            agents.add(c);
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> pushNanos = Collections.synchronizedList(new ArrayList<>());
        var stream = HttpRequest.newBuilder(URI.create(base + "/api/callcenter/seat-wall/stream"))
                .header("Accept", "text/event-stream").GET();
        var lines = leader.http.send(leader.withCsrf(stream).build(), HttpResponse.BodyHandlers.ofLines()).body();
        Thread.ofPlatform().daemon().start(() -> lines.forEach(line -> {
            if (line.startsWith("data:") && line.contains("\"agentNo\"")) {
                long now = System.nanoTime();
                String agentNo = line.replaceAll(".*\"agentNo\":\"([^\"]+)\".*", "$1");
                String state = line.replaceAll(".*\"state\":\"([^\"]+)\".*", "$1");
                Long sent = sentAt.remove(agentNo + ":" + state);
                if (sent != null) {
                    pushNanos.add(now - sent);
                }
            }
        }));
        // The polling wall: every second, read the snapshot and settle every change it shows for the first time.
        Map<String, Long> pollSentAt = new ConcurrentHashMap<>();
        List<Long> pollNanos = Collections.synchronizedList(new ArrayList<>());
        Client poller = Client.login(base, "teamleader1", password);
        var tile = java.util.regex.Pattern.compile("\"agentNo\":\"([^\"]+)\"[^{}]*?\"state\":\"([^\"]+)\"");
        var polling = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        polling.scheduleAtFixedRate(() -> {
            String body = poller.get("/api/callcenter/seat-wall").body();
            long now = System.nanoTime();
            var m = tile.matcher(body);
            while (m.find()) {
                Long sent = pollSentAt.remove(m.group(1) + ":" + m.group(2));
                if (sent != null) {
                    pollNanos.add(now - sent);
                }
            }
        }, 0, 1, TimeUnit.SECONDS);
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Thread.sleep(500);
        for (int r = 0; r < rounds; r++) {
            // agents change state at any moment, not just after a poll: the next round starts 0–1 s later
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
            String state = r % 2 == 0 ? "READY" : "NOT_READY";
            CountDownLatch done = new CountDownLatch(agents.size());
            for (int i = 0; i < agents.size(); i++) {
                Client agent = agents.get(i);
                String agentNo = String.format("1%03d", i + 1);
                Thread.ofVirtual().start(() -> {
                    long now = System.nanoTime();
                    sentAt.put(agentNo + ":" + state, now);
                    pollSentAt.put(agentNo + ":" + state, now);
                    var answer = agent.post("/api/callcenter/me/state", "{\"state\":\"" + state + "\"}");
                    if (answer.statusCode() != 200) {
                        refused.add(agentNo + " " + state + ": " + answer.statusCode() + " " + answer.body());
                    }
                    done.countDown();
                });
            }
            done.await(10, TimeUnit.SECONDS);
            // the next round starts once both walls have seen every change (or after 5 s: a change lost counts as missing)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((!sentAt.isEmpty() || !pollSentAt.isEmpty()) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            sentAt.clear();
            pollSentAt.clear();
        }
        Thread.sleep(1000);
        report("SSE push (OpenHotline seat wall)", pushNanos);
        report("1 s snapshot polling (baseline)", pollNanos);
        polling.shutdownNow();
        System.out.printf("state changes refused by the server: %d%s%n", refused.size(),
                refused.isEmpty() ? "" : " (first: " + refused.getFirst() + ")");
        System.exit(0);
    }

    static void report(String name, List<Long> samples) {
        List<Long> s = new ArrayList<>(samples);
        Collections.sort(s);
        System.out.printf("%-34s samples %5d   p50 %7.1f ms   p99 %7.1f ms%n", name, s.size(),
                s.isEmpty() ? 0 : s.get(s.size() / 2) / 1e6, s.isEmpty() ? 0 : s.get((int) (s.size() * 0.99)) / 1e6);
    }

    /** A logged-in session with the CSRF cookie echoed as a header. */
    static final class Client {
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Client(String base) {
            this.base = base;
        }

        static Client login(String base, String user, String password) throws Exception {
            Client c = new Client(base);
            c.get("/api/auth/me");
            var r = c.post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
            }
            return c;
        }

        HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
            cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            return b;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(withCsrf(b).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
