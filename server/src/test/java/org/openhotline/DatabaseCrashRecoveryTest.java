package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded postmaster is killed with SIGKILL while agents create work orders: the platform restarts it,
 * serves again within 60 s, every order it acknowledged (before or after) is in the database, and its health
 * answers within a second throughout (not ready while the database is down, alive all along). Its own platform
 * and data directory, with fsync on as in production (the shared test context turns it off).
 */
class DatabaseCrashRecoveryTest {

    @Test
    void afterThePostmasterIsKilledThePlatformServesAgainAndLosesNoAcknowledgedOrder() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-");
        try (var app = new SpringApplicationBuilder(HotlineApplication.class).run("--hotline.data-dir=" + dataDir,
                "--hotline.demo.password=" + ApiClient.DEMO_PASSWORD, "--hotline.demo.history=false",
                "--server.port=0", "--hotline.sip.enabled=false",
                "--hotline.db.embedded-fsync=true")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var server = app.getBean(DatabaseConfiguration.EmbeddedDatabase.class).server();
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger acknowledgedAfterKill = new AtomicInteger();
            AtomicLong diedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicBoolean stop = new AtomicBoolean();
            // every answer other than 201 and 503 while the database is away, with its body: a 500 is a defect
            List<String> faults = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger unavailable = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ApiClient agent = ApiClient.loggedIn(port, "agent" + i);
                threads.add(Thread.ofVirtual().start(() -> {
                    while (!stop.get()) {
                        try {
                            long sent = System.nanoTime();
                            var r = agent.post("/api/work-orders", order());
                            if (r.status() == 201) {
                                acknowledged.add(r.json().path("id").asLong());
                                if (sent > diedAt.get()) {
                                    acknowledgedAfterKill.incrementAndGet();
                                }
                            } else if (r.status() == 503) {
                                unavailable.incrementAndGet();
                            } else {
                                faults.add(r.status() + " " + r.body());
                            }
                        } catch (RuntimeException e) {
                            // a refused or reset connection during the outage: try again
                        }
                    }
                }));
            }
            Health health = new Health(port);
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    health.probe();
                }
            }));

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            Process postmaster = server.process();
            health.measuring.set(true); // from here on, not while the platform warms up
            long killedAt = System.nanoTime();
            postmaster.destroyForcibly(); // SIGKILL
            postmaster.onExit().join();
            diedAt.set(System.nanoTime());
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedAfterKill.get() > 0);
            long servingAgainMillis = (System.nanoTime() - killedAt) / 1_000_000;
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedAfterKill.get() >= 20);
            health.measuring.set(false);
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }

            System.out.printf("Postmaster killed under load: serving again after %d ms (restart took %d ms); "
                            + "%d orders acknowledged, %d of them after the kill; slowest health answer %d ms (%s)%n",
                    servingAgainMillis, app.getBean(DatabaseConfiguration.EmbeddedDatabase.class).watchdog()
                            .lastRecovery().toMillis(), acknowledged.size(), acknowledgedAfterKill.get(),
                    health.slowestMillis.get(), health.slowest);
            System.out.printf("answers 503 while the database was away: %d; other failures: %s%n", unavailable.get(), faults);
            assertThat(faults).as("while the database is away a request gets 503 (try again), never a 500").isEmpty();
            assertThat(servingAgainMillis).isLessThan(60_000);
            assertThat(server.process().pid()).isNotEqualTo(postmaster.pid());
            var jdbc = app.getBean(JdbcClient.class);
            long stored = jdbc.sql("select count(*) from work_order where id in (:ids)")
                    .param("ids", List.copyOf(acknowledged)).query(Long.class).single();
            assertThat(stored).as("acknowledged orders in the database").isEqualTo(acknowledged.size());
            assertThat(health.slowestMillis.get()).as("slowest health answer (ms)").isLessThan(1000);
            assertThat(health.sawNotReady.get()).as("readiness DOWN while the database was down").isTrue();
            assertThat(health.sawNotLive.get()).as("liveness DOWN").isFalse();
            assertThat(health.get("/actuator/health/readiness")).isEqualTo(200);
        }
    }

    private static Map<String, Object> order() {
        return Map.of("channel", "PHONE", "appealType", "COMPLAINT", "content", "小区门口路灯不亮，晚上出行不便",
                "callerName", "王女士", "callerPhone", "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)),
                "address", "东湖区人民路1号");
    }

    /** Polls health, readiness and liveness, keeping the slowest answer and whether each was ever DOWN. */
    private static final class Health {
        final HttpClient http = HttpClient.newHttpClient();
        final String base;
        final AtomicLong slowestMillis = new AtomicLong();
        volatile String slowest = "";
        final AtomicBoolean measuring = new AtomicBoolean();
        final AtomicBoolean sawNotReady = new AtomicBoolean();
        final AtomicBoolean sawNotLive = new AtomicBoolean();

        Health(int port) {
            base = "http://localhost:" + port;
        }

        void probe() {
            boolean measured = measuring.get();
            get("/actuator/health", measured);
            if (get("/actuator/health/readiness", measured) != 200 && measured) {
                sawNotReady.set(true);
            }
            if (get("/actuator/health/liveness", measured) != 200 && measured) {
                sawNotLive.set(true);
            }
        }

        int get(String path) {
            return get(path, false);
        }

        int get(String path, boolean measured) {
            long start = System.nanoTime();
            try {
                var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return -1;
            } finally {
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (measured && millis > slowestMillis.get()) {
                    slowestMillis.set(millis);
                    slowest = path + " at " + java.time.LocalTime.now();
                }
            }
        }
    }
}
