package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 18 工单核实: the manager requires verification for a category; a reply without one is refused in Chinese. */
@HotlineTest
class OrderVerificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response upload(ApiClient client, long id, String name, byte[] content) {
        String boundary = "----hotline" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/work-orders/" + id + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A category tree of this test's own (parent, child), so the setting touches no other test's orders. */
    private long[] ownCategories() {
        String tag = String.valueOf(Math.floorMod(System.nanoTime(), 1_000_000));
        long parent = jdbc.sql("insert into wo_category (name, level, path) values (?, 1, '/') returning id")
                .param("核实测试" + tag).query(Long.class).single();
        jdbc.sql("update wo_category set path = '/' || id || '/' where id = ?").param(parent).update();
        long child = jdbc.sql("insert into wo_category (parent_id, name, level, path) values (?, ?, 2, '/') returning id")
                .params(parent, "核实测试子类" + tag).query(Long.class).single();
        jdbc.sql("update wo_category set path = '/' || ? || '/' || id || '/' where id = ?").params(parent, child).update();
        return new long[] {parent, child};
    }

    @Test
    void aCategoryThatRequiresVerificationRefusesARepliesWithoutOneAndTheReviewerSeesTheProof() {
        var f = new OrderFixture(port, jdbc);
        var manager = ApiClient.loggedIn(port, "manager");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        long[] cats = ownCategories();
        List<Long> before = new ArrayList<>();
        manager.get("/api/work-orders/verification-categories").json().path("categoryIds").forEach(n -> before.add(n.asLong()));
        List<Long> with = new ArrayList<>(before);
        with.add(cats[0]);
        try {
            var set = manager.put("/api/work-orders/verification-categories", Map.of("categoryIds", with));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(zjj.put("/api/work-orders/verification-categories", Map.of("categoryIds", List.of())).status()).isEqualTo(403);

            Map<String, Object> body = new HashMap<>(f.order("楼道堆放杂物存在消防隐患"));
            body.put("categoryId", cats[1]);
            long id = f.create(ApiClient.loggedIn(port, "agent2"), body).path("id").asLong();
            f.dispatch(dispatcher, id, "ZJJ");
            long a = f.assignment(zjj, id, "ZJJ");
            f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
            String reply = "/api/work-orders/" + id + "/assignments/" + a + "/reply";
            var refused = f.act(zjj, reply, Map.of("text", "已清理"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.detail()).contains("须先登记核实情况");

            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
            var uploaded = upload(zjj, id, "现场核实.png", png);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
            long photo = f.detail(zjj, id).path("attachments").get(0).path("id").asLong();
            String verify = "/api/work-orders/" + id + "/assignments/" + a + "/verifications";
            var noMeans = zjj.post(verify, Map.of("verifier", "张科长", "verifiedAt", Instant.now().toString()));
            assertThat(noMeans.status()).isEqualTo(400);
            assertThat(noMeans.detail()).contains("请选择核实方式");
            var recorded = zjj.post(verify, Map.of("verifier", "张科长", "verifiedAt", Instant.now().minusSeconds(3600).toString(),
                    "means", "ON_SITE", "note", "现场查看楼道已清空", "attachmentIds", List.of(photo)));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
            // another unit cannot record for this assignment
            assertThat(ApiClient.loggedIn(port, "cgj1").post(verify, Map.of("verifier", "x", "verifiedAt",
                    Instant.now().toString(), "means", "PHONE")).status()).isIn(403, 404);

            f.ok(zjj, reply, Map.of("text", "已清理"));
            JsonNode seen = dispatcher.get("/api/work-orders/" + id + "/verifications").json();
            assertThat(seen.get(0).path("meansLabel").asString()).isEqualTo("现场核实");
            assertThat(seen.get(0).path("verifier").asString()).isEqualTo("张科长");
            assertThat(seen.get(0).path("attachments").get(0).path("name").asString()).isEqualTo("现场核实.png");
            assertThat(f.timeline(id)).contains("verified", "replied");
        } finally {
            manager.put("/api/work-orders/verification-categories", Map.of("categoryIds", before));
        }
    }

    @Test
    void anOrderOfAnotherCategoryRepliesWithoutVerification() {
        var f = new OrderFixture(port, jdbc);
        var zjj = ApiClient.loggedIn(port, "zjj1");
        long id = f.created(ApiClient.loggedIn(port, "agent2"), "咨询住房公积金");
        f.dispatch(ApiClient.loggedIn(port, "dispatcher1"), id, "ZJJ");
        long a = f.assignment(zjj, id, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + id + "/assignments/" + a + "/reply", Map.of("text", "已电话答复"));
    }
}
