package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachments: listed types only, content checked, served as downloads; demo orders exist on first start. */
@HotlineTest
class WorkOrderAttachmentTest {

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

    @Test
    void aPhotoIsAttachedAndDownloadedButAnExecutableOrAFakeImageIsRefused() {
        var f = new OrderFixture(port, jdbc);
        var agent = ApiClient.loggedIn(port, "agent1");
        long id = f.created(agent, "附件测试：占道经营照片");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        var ok = upload(agent, id, "现场照片.png", png);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        var detail = f.detail(agent, id);
        long attachment = detail.path("attachments").get(0).path("id").asLong();
        assertThat(detail.path("attachments").get(0).path("name").asString()).isEqualTo("现场照片.png");
        var download = agent.get("/api/work-orders/" + id + "/attachments/" + attachment);
        assertThat(download.bytes()).isEqualTo(png);
        assertThat(download.contentType()).isEqualTo("image/png");

        var exe = upload(agent, id, "virus.exe", new byte[] {'M', 'Z'});
        assertThat(exe.status()).isEqualTo(422);
        assertThat(exe.detail()).contains("不支持的附件类型");
        var fake = upload(agent, id, "fake.jpg", "<script>".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(422);
        var traversal = upload(agent, id, "../../etc/passwd.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(traversal.status()).isEqualTo(200);
        assertThat(jdbc.sql("select name from wo_attachment where work_order_id = ? order by id desc limit 1").param(id)
                .query(String.class).single()).isEqualTo("passwd.txt");
        assertThat(f.timeline(id)).containsExactly("created", "attachment-added", "attachment-added");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        assertThat(cgj.get("/api/work-orders/" + id + "/attachments/" + attachment).status()).isEqualTo(404);
    }

    @Test
    void theDemoCityHasOrdersInEveryStage() {
        // the demo orders' numbers begin 1380771; numbers are sealed, so they are opened here to tell them apart
        var states = jdbc.sql("select state, caller_phone from work_order where created_by = 'agent1'")
                .query((rs, n) -> org.openhotline.shared.crypto.PersonalData.open(rs.getString(2)) != null && org.openhotline.shared.crypto.PersonalData.open(rs.getString(2)).startsWith("1380771")
                        ? rs.getString(1) : null).list().stream().filter(java.util.Objects::nonNull).distinct().toList();
        assertThat(states).contains("PENDING_DISPATCH", "HANDLING", "REPLY_REVIEW", "PENDING_CALLBACK", "CLOSED");
    }
}
