package org.openhotline.channels.internal.portal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Portal submissions per second (goal ≥ 200/s) against the staff intake API as the baseline, same process, same
 * database, same concurrency: N appeals posted by C concurrent clients over loopback HTTP. Portal submissions carry a
 * captcha issued beforehand (issuing is timed on its own) and pass the rate limits (raised for the run). Run by
 * bench/channels/portal/run.sh; skipped by verify.
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "portal")
class PortalBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PortalAppeals appeals;

    @Test
    void submissionsPerSecond() throws Exception {
        int n = Integer.getInteger("bench.n", 1000);
        int c = Integer.getInteger("bench.concurrency", 16);
        PortalSettings saved = appeals.settings();
        appeals.use(new PortalSettings(1_000_000, 1_000_000, 1_000_000, 1_000_000, saved.reopenWithinDays()));
        HttpClient http = HttpClient.newBuilder().build();
        String base = "http://127.0.0.1:" + port;
        try {
            // warm-up of both paths (JIT, connection pools)
            run(c, 100, i -> portal(http, base, captcha(http, base), i));
            ApiClient agent = ApiClient.loggedIn(port, "agent1");
            run(c, 100, i -> staff(agent, i));

            long t0 = System.nanoTime();
            List<String[]> captchas = run(c, n, i -> captcha(http, base));
            double captchaSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            run(c, n, i -> portal(http, base, captchas.get(i), i));
            double portalSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            run(c, n, i -> staff(agent, i));
            double staffSeconds = (System.nanoTime() - t0) / 1e9;

            String report = String.format("""
                    Portal submissions benchmark: %d appeals per path, %d concurrent clients, loopback HTTP, %d cores, Java %s, load average %.1f
                      captchas issued (GET /api/portal/captcha, PNG drawn, answer read back by the client):  %7.1f /s
                      portal submissions (POST /api/portal/appeals multipart: limits, captcha, intake, receipt): %7.1f /s
                      baseline: staff intake (POST /api/work-orders as agent1, JSON):                            %7.1f /s
                    """, n, c, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    n / captchaSeconds, n / portalSeconds, n / staffSeconds);
            System.out.println(report);
            String out = System.getProperty("bench.out");
            if (out != null && !out.isBlank()) {
                Files.writeString(Path.of(out), report);
            }
        } finally {
            appeals.use(saved);
        }
    }

    private String[] captcha(HttpClient http, String base) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/portal/captcha")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(r.body()).path("id").asString();
        int answer = jdbc.sql("select answer from ch_captcha where id = ?").param(UUID.fromString(id)).query(Integer.class).single();
        return new String[] {id, String.valueOf(answer)};
    }

    private String portal(HttpClient http, String base, String[] captcha, int i) throws Exception {
        Map<String, Object> appeal = new HashMap<>();
        appeal.put("appealType", "COMPLAINT");
        appeal.put("content", "压测诉求：小区门口道路破损积水，出行不便，请尽快修复（" + i + "）");
        appeal.put("name", "压测市民");
        appeal.put("phone", "135" + String.format("%08d", Math.floorMod(System.nanoTime() + i, 100_000_000L)));
        appeal.put("address", "人民路 " + i + " 号");
        appeal.put("captchaId", captcha[0]);
        appeal.put("captchaAnswer", Integer.parseInt(captcha[1]));
        String boundary = "----bench" + i;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"appeal\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JSON.writeValueAsBytes(appeal));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/portal/appeals"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private String staff(ApiClient agent, int i) {
        var r = agent.post("/api/work-orders", Map.of("channel", "PHONE", "appealType", "COMPLAINT",
                "content", "压测基线：小区门口道路破损积水，出行不便，请尽快修复（" + i + "）", "callerName", "压测市民",
                "callerPhone", "135" + String.format("%08d", Math.floorMod(System.nanoTime() + i, 100_000_000L)),
                "address", "人民路 " + i + " 号"));
        if (r.status() != 201) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r.body();
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> run(int concurrency, int n, Task<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<T>) () -> task.run(k)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
