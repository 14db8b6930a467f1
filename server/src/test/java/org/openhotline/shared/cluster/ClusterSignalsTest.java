package org.openhotline.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change made on another node reaches a big screen connected to this one: "node B" (a second signal sender on the
 * same database, as a second platform process would be) writes a fact and signals; the platform ("node A") hears the
 * NOTIFY, re-reads its figures and pushes them to the screen's event stream.
 */
@HotlineTest
class ClusterSignalsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PostgresSignals signals;

    @Autowired
    Clock clock;

    @Test
    void aChangeSignalledByAnotherNodeIsPushedToABigScreenOnThisNode() throws Exception {
        Wait.until("node A listens", signals::listening, Duration.ofSeconds(10), () -> "");
        long orderId = -ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        String channel = "CL" + (-orderId);
        var leader = ApiClient.loggedIn(port, "leader");
        var request = HttpRequest.newBuilder(URI.create(leader.baseUrl() + "/api/reports/bigscreen/stream"))
                .header("Cookie", leader.sessionCookieHeader()).header("Accept", "text/event-stream").build();
        CompletableFuture<String> pushed = new CompletableFuture<>();
        CompletableFuture<String> first = new CompletableFuture<>();
        try (HttpClient http = HttpClient.newHttpClient();
             var lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            Thread.ofVirtual().start(() -> lines.filter(line -> line.startsWith("data:")).filter(line -> {
                first.complete(line);
                return line.contains("\"" + channel + "\"");
            }).findFirst().ifPresent(pushed::complete));
            assertThat(first.get(10, TimeUnit.SECONDS)).doesNotContain(channel);

            // node B: its reporting listener wrote the fact in its own process, then signals the other nodes
            jdbc.sql("insert into rpt_order_fact (order_id, number, channel, created_at) values (?, ?, ?, ?)")
                    .params(orderId, "CLTEST", channel, Timestamp.from(clock.instant())).update();
            new PostgresSignals(dataSource, "node-b", false).send("big-screen", null);

            assertThat(pushed.get(10, TimeUnit.SECONDS)).contains(channel);
        } finally {
            jdbc.sql("delete from rpt_order_fact where order_id = ?").param(orderId).update();
        }
    }
}
