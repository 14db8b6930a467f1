package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 热点诉求 on a scenario computed by hand: orders of a category of the test's own, taken through the API on five
 * same weekdays (the clock moved a week at a time), rise against the four weeks before with
 * (today − mean) / max(sd, 1); a word on some of them rises the same way; each topic opens exactly its orders.
 */
@HotlineTest
class HotTopicsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    long category;

    @AfterEach
    void restore() {
        clock.reset();
        jdbc.sql("update wo_category set enabled = false where id = ?").param(category).update();
    }

    @Test
    void aCategoryAndAWordRiseAgainstTheFourSameWeekdaysBeforeAndOpenTheirOrders() {
        var f = new ReportingFixture(port, jdbc, clock);
        var manager = ApiClient.loggedIn(port, "manager");
        var created = manager.post("/api/work-orders/categories", Map.of("name", "热点测试" + System.nanoTime() % 1_000_000));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        category = created.json().path("id").asLong();
        var agent = ApiClient.loggedIn(port, "agent4");

        LocalDate day = f.ownDay(301);
        // orders of the category on day −28, −21, −14, −7 and the day: 1, 2, 1, 2, 6 — mean 1.5, sd 0.5 → score 4.5;
        // the word 垃圾桶 on 0, 1, 0, 1, 4 of them — mean 0.5, sd 0.5 → score 3.5
        int[] orders = {1, 2, 1, 2, 6};
        int[] withWord = {0, 1, 0, 1, 4};
        List<Long> today = new ArrayList<>();
        List<Long> todayWithWord = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            f.clock.set(day.minusWeeks(4 - w).atTime(10, 0).atZone(clock.getZone()).toInstant());
            for (int i = 0; i < orders[w]; i++) {
                boolean word = i < withWord[w];
                long id = order(agent, word ? "小区门口的垃圾桶满了没人清运，气味很大" : "楼道里的路灯坏了晚上看不见");
                if (w == 4) {
                    today.add(id);
                    if (word) {
                        todayWithWord.add(id);
                    }
                }
            }
        }
        f.awaitFacts();

        var leader = ApiClient.loggedIn(port, "leader");
        var r = leader.get("/api/reports/hot-topics?day=" + day);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("comparedWith").toString()).isEqualTo("[\"%s\",\"%s\",\"%s\",\"%s\"]".formatted(
                day.minusWeeks(4), day.minusWeeks(3), day.minusWeeks(2), day.minusWeeks(1)));
        JsonNode cat = topic(r.json().path("categories"), String.valueOf(category));
        assertThat(cat.path("rise").path("today").asLong()).isEqualTo(6);
        assertThat(cat.path("rise").path("previous").toString()).isEqualTo("[1,2,1,2]");
        assertThat(cat.path("rise").path("mean").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(cat.path("rise").path("sd").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(cat.path("rise").path("score").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(cat.path("rise").path("rising").asBoolean()).isTrue();
        assertThat(cat.path("label").asString()).startsWith("热点测试");

        JsonNode word = topic(r.json().path("words"), "垃圾桶");
        assertThat(word.path("rise").path("today").asLong()).isEqualTo(4);
        assertThat(word.path("rise").path("previous").toString()).isEqualTo("[0,1,0,1]");
        assertThat(word.path("rise").path("score").decimalValue()).isEqualByComparingTo("3.5");

        var behindCategory = leader.get("/api/reports/hot-topics/orders?day=" + day + "&category=" + category);
        assertThat(behindCategory.status()).as(behindCategory.body()).isEqualTo(200);
        assertThat(ids(behindCategory.json())).containsExactlyInAnyOrderElementsOf(today);
        var behindWord = leader.get("/api/reports/hot-topics/orders?day=" + day + "&word=垃圾桶");
        assertThat(ids(behindWord.json())).containsAll(todayWithWord).doesNotContainAnyElementsOf(
                today.stream().filter(id -> !todayWithWord.contains(id)).toList());

        var neither = leader.get("/api/reports/hot-topics/orders?day=" + day);
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.detail()).contains("分类");
        assertThat(leader.get("/api/reports/hot-topics?day=明天").status()).isEqualTo(400);
        assertThat(ApiClient.loggedIn(port, "agent4").get("/api/reports/hot-topics").status()).isEqualTo(403);
    }

    private long order(ApiClient agent, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("appealType", "COMPLAINT");
        body.put("categoryId", category);
        body.put("content", content);
        body.put("callerName", "周女士");
        body.put("callerPhone", "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static JsonNode topic(JsonNode topics, String key) {
        for (JsonNode t : topics) {
            if (t.path("key").asString().equals(key)) {
                return t;
            }
        }
        throw new AssertionError("no topic " + key + " in " + topics);
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("orderId").asLong()));
        return ids;
    }
}
