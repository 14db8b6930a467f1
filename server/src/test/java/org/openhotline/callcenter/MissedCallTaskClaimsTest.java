package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Working a callback task at the desk: two agents claim the same task at the same moment and exactly one gets it
 * (the other a 409 in Chinese); only the claimer records tries; no answer, busy and no answer again (the default
 * limit of 3) close the task as 多次未接通, off the open list, with the three tries on its timeline; a claim on a
 * closed task, an unknown outcome and a stale version are refused. The task is the test's own row.
 */
@HotlineTest
@Timeout(60)
class MissedCallTaskClaimsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneAgentAtATimeAndThreeUnsuccessfulTriesMakeTheCallerUnreachable() throws Exception {
        String number = "13901392001";
        long id = jdbc.sql("""
                insert into cc_missed_task (number, day, first_missed_at, last_missed_at) values (?, ?, ?, ?) returning id""")
                .params(number, LocalDate.now(), OffsetDateTime.now().minusMinutes(30), OffsetDateTime.now().minusMinutes(30))
                .query(Long.class).single();
        var four = ApiClient.loggedIn(port, "agent4");
        var five = ApiClient.loggedIn(port, "agent5");
        int version = task(four, id).path("version").asInt();

        CountDownLatch start = new CountDownLatch(1);
        var a = CompletableFuture.supplyAsync(() -> claim(four, id, version, start));
        var b = CompletableFuture.supplyAsync(() -> claim(five, id, version, start));
        start.countDown();
        List<ApiClient.Response> answers = List.of(a.get(), b.get());
        assertThat(answers.stream().map(ApiClient.Response::status).sorted().toList()).as("one claim wins, the other is refused")
                .containsExactly(204, 409);
        ApiClient winner = answers.get(0).status() == 204 ? four : five;
        ApiClient loser = winner == four ? five : four;
        assertThat(answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().detail())
                .isIn("回拨任务已被他人处理，请刷新后重试", "该回拨任务已由其他坐席认领");
        assertThat(task(loser, id).path("mine").asBoolean()).isFalse();
        assertThat(task(winner, id).path("mine").asBoolean()).isTrue();

        var notMine = loser.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", "NO_ANSWER"));
        assertThat(notMine.status()).isEqualTo(409);
        assertThat(notMine.detail()).isEqualTo("请先认领该回拨任务");
        var again = loser.post("/api/callcenter/missed-tasks/" + id + "/claim", Map.of("version", task(loser, id).path("version").asInt()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("该回拨任务已由其他坐席认领");
        assertThat(winner.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", "NONSENSE")).status()).isEqualTo(400);
        assertThat(winner.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", "BUSY", "note", "长".repeat(201)))
                .status()).isEqualTo(400);

        for (String outcome : List.of("NO_ANSWER", "BUSY")) {
            var tried = winner.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", outcome));
            assertThat(tried.status()).as(tried.body()).isEqualTo(204);
        }
        JsonNode open = task(winner, id);
        assertThat(open.path("status").asString()).as("two tries are not yet the limit").isEqualTo("OPEN");
        assertThat(open.path("failedTries").asInt()).isEqualTo(2);
        assertThat(open.path("lastOutcomeLabel").asString()).isEqualTo("占线");

        assertThat(winner.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", "NO_ANSWER", "note", "关机"))
                .status()).isEqualTo(204);
        assertThat(task(winner, id)).as("off the open list").isNull();
        assertThat(jdbc.sql("select status from cc_missed_task where id = ?").param(id).query(String.class).single())
                .isEqualTo("UNREACHABLE");
        var timeline = winner.get("/api/callcenter/missed-tasks/" + id + "/timeline").json().valueStream()
                .map(e -> e.path("text").asString()).toList();
        assertThat(timeline).hasSize(4);
        assertThat(timeline.subList(0, 3)).allMatch(t -> t.startsWith("回拨（坐席 "));
        assertThat(timeline.get(2)).endsWith("无人接听，关机");
        assertThat(timeline.get(3)).isEqualTo("关闭：多次未接通");
        var closed = winner.post("/api/callcenter/missed-tasks/" + id + "/claim", Map.of("version", 99));
        assertThat(closed.status()).isEqualTo(409);
        var unreachable = winner.get("/api/callcenter/missed-tasks?status=UNREACHABLE&size=100").json().path("items")
                .valueStream().filter(t -> t.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(unreachable.path("attempts").asLong()).isEqualTo(3);
        assertThat(ApiClient.loggedIn(port, "kbeditor1").get("/api/callcenter/missed-tasks").status()).isEqualTo(403);
        assertThat(winner.get("/api/callcenter/missed-tasks?status=BOGUS").status()).isEqualTo(400);
    }

    private static ApiClient.Response claim(ApiClient who, long id, int version, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return who.post("/api/callcenter/missed-tasks/" + id + "/claim", Map.of("version", version));
    }

    /** The task as the open list shows it to {@code who}, or null when it is not open. */
    private static JsonNode task(ApiClient who, long id) {
        var list = who.get("/api/callcenter/missed-tasks?size=100");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("items").valueStream().filter(t -> t.path("id").asLong() == id).findFirst().orElse(null);
    }
}
