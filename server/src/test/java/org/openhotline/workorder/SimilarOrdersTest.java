package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Similar orders by meaning while an agent types, the dispatcher's groups of likely duplicates with 并单, and the
 * reviewer's 答非所问 check — each on wordings that share few words, so that only the embeddings can link them.
 */
@HotlineTest
class SimilarOrdersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrderFixture f;
    ApiClient agent;
    ApiClient dispatcher;
    ApiClient zjj;

    @BeforeEach
    void logIn() {
        f = new OrderFixture(port, jdbc);
        agent = ApiClient.loggedIn(port, "agent1");
        dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        zjj = ApiClient.loggedIn(port, "zjj1");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }

    /** What the look-up filters on, for a failure's message (it failed once under stress-ng with an empty list). */
    private String stored(long id) {
        return jdbc.sql("""
                select state, created_at, now() as db_now, owner_path, cardinality(grams) as grams,
                       (select count(*) from wo_order_vector v where v.work_order_id = w.id) as vectors
                  from work_order w where id = ?""").param(id).query().singleRow().toString();
    }

    @Test
    void anAppealWordedDifferentlyFindsTheOpenOrderOfTheSameMatterButNotAnUnrelatedOne() {
        String street = "樟树湾" + Math.floorMod(System.nanoTime(), 10_000) + "号";
        var body = f.order(street + "小区门口的下水道井盖不见了，晚上路过的人很容易掉下去");
        body.put("address", street);
        long manhole = f.create(agent, body).path("id").asLong();
        var other = f.order(street + "小区门口的早餐店占道经营，桌子摆到了马路上");
        other.put("address", street);
        long stall = f.create(agent, other).path("id").asLong();

        // The citizen's words share few with the order's. Their cosine moves by ±0.02 with the street's random number;
        // the first wording ("小区大门口那个窨井盖丢了，黑灯瞎火的有人踩空") sat at 0.676–0.711 with the address (an order
        // at the same address is shown from 0.685: score 0.6 × text + 0.2 rounds to 0.40) and 0.752–0.780 by text alone
        // (shown from 0.752), so 47 of 435 street numbers failed the test (three times in suite runs). This one: at
        // least 0.740 and 0.853 over the same 435 numbers; the stall stays at 0.47–0.50 and 0.62–0.68.
        String words = "小区门口的窨井没有盖子了，天一黑走路的人就容易掉进去";
        var similar = agent.get("/api/work-orders/duplicates?phone=&address=" + enc(street) + "&text=" + enc(words)).json();
        assertThat(ids(similar)).as(() -> "found " + similar + "; the order as stored: " + stored(manhole)).contains(manhole);
        var first = similar.get(ids(similar).indexOf(manhole));
        assertThat(first.path("number").asString()).isNotBlank(); // the order's own fields stay at the top level
        assertThat(first.path("reasons").toString()).contains("内容相似度").contains("地址");
        var stallRow = ids(similar).contains(stall) ? similar.get(ids(similar).indexOf(stall)) : null;
        if (stallRow != null) {
            assertThat(stallRow.path("score").asDouble()).isLessThan(first.path("score").asDouble());
        }

        // Without the address, text alone: the same matter is found, the stall is not.
        var byText = agent.get("/api/work-orders/duplicates?text=" + enc(words + " " + street)).json();
        assertThat(ids(byText)).contains(manhole).doesNotContain(stall);
    }

    @Test
    void likelyDuplicatesAreGroupedForTheDispatcherAndMergedIntoTheEarliest() {
        String place = "枫林苑" + Math.floorMod(System.nanoTime(), 10_000) + "栋";
        var a = f.order(place + "楼下的路灯坏了一个多月了，晚上一片漆黑");
        a.put("address", place);
        long first = f.create(agent, a).path("id").asLong();
        var b = f.order(place + "旁边那盏路灯一直不亮，夜里走路看不见");
        b.put("address", place);
        long second = f.create(agent, b).path("id").asLong();
        var c = f.order(place + "对面的饭店油烟直排，熏得窗户都不敢开");
        c.put("address", place);
        long fumes = f.create(agent, c).path("id").asLong();

        var groups = dispatcher.get("/api/work-orders/duplicate-groups?days=1").json();
        JsonNode mine = null;
        for (JsonNode g : groups) {
            List<Long> members = new ArrayList<>();
            g.path("orders").forEach(m -> members.add(m.path("order").path("id").asLong()));
            if (members.contains(first)) {
                mine = g;
                assertThat(members).contains(second).doesNotContain(fumes);
            }
        }
        assertThat(mine).as("a group with both street-light orders").isNotNull();
        assertThat(mine.path("intoId").asLong()).isEqualTo(first);
        assertThat(agent.get("/api/work-orders/duplicate-groups").status()).isEqualTo(403);

        f.ok(dispatcher, "/api/work-orders/" + second + "/merge", Map.of("intoId", first));
        assertThat(f.state(dispatcher, second)).isEqualTo("MERGED");
        var after = dispatcher.get("/api/work-orders/duplicate-groups?days=1").json();
        assertThat(after.toString()).doesNotContain("\"id\":" + second + ",");
    }

    @Test
    void aReplyAboutSomethingElseIsFlaggedForTheReviewer() {
        long onTopic = replied("小区电梯经常停运，老人上下楼很困难，物业一直不修",
                "已督促物业公司更换电梯控制柜，电梯已恢复运行，并要求物业每月维保");
        long offTopic = replied("小区电梯经常停运，老人上下楼很困难，物业一直不修",
                "已对该路段流动摊贩进行劝离，并加强早晚高峰巡查");

        var good = dispatcher.get("/api/work-orders/" + onTopic + "/reply-check").json();
        assertThat(good).hasSize(1);
        assertThat(good.get(0).path("offTopic").asBoolean()).as(good.toString()).isFalse();
        var bad = dispatcher.get("/api/work-orders/" + offTopic + "/reply-check").json();
        assertThat(bad.get(0).path("offTopic").asBoolean()).as(bad.toString()).isTrue();
        assertThat(bad.get(0).path("reason").asString()).contains("答非所问");
        assertThat(bad.get(0).path("similarity").asDouble()).isLessThan(good.get(0).path("similarity").asDouble());
    }

    private long replied(String appeal, String reply) {
        long id = f.created(agent, appeal);
        f.dispatch(dispatcher, id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", reply));
        return id;
    }
}
