package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.category;
import static org.openhotline.knowledge.KnowledgeFixtures.draft;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 items 8 and 21: what the knowledge base takes in. Text fields have limits (a 30 MB body once cost 514 MB
 * of heap) and attachments are the listed formats, judged by name and by their first bytes.
 */
@HotlineTest
class KnowledgeInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final byte[] DOCX = {'P', 'K', 3, 4, 20, 0, 6, 0};

    private static ApiClient.Response upload(ApiClient client, long article, String name, byte[] content) {
        String boundary = "----kb" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/knowledge/articles/" + article
                        + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private long attachmentsOf(long article) {
        return jdbc.sql("select count(*) from kb_attachment where article_id = ?").param(article)
                .query(Long.class).single();
    }

    @Test
    void listedFormatsWhoseContentMatchesAreAttachedAndDownloadedAsTheyWereSent() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long article = draft(editor, category(editor, "PUBLIC", List.of()), "附件格式测试", "<p>附件。</p>");
        var pdf = ok(upload(editor, article, "办事指南.pdf", PDF)).json();
        assertThat(pdf.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(pdf.path("size").asLong()).isEqualTo(PDF.length);
        var docx = ok(upload(editor, article, "申请表.DOCX", DOCX)).json();
        assertThat(docx.path("contentType").asString()).as("the extension's type, not the browser's claim")
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        ok(upload(editor, article, "说明.txt", "受理时间：工作日 9:00–17:00".getBytes(StandardCharsets.UTF_8)));
        ok(upload(editor, article, "示意图.png", PNG));

        var listed = ok(editor.get("/api/knowledge/articles/" + article + "?countView=false")).json().path("attachments");
        assertThat(listed.size()).isEqualTo(4);
        var download = editor.get("/api/knowledge/attachments/" + pdf.path("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(PDF);
    }

    @Test
    void otherFormatsAndRenamedFilesAreRefusedInChineseAndNothingIsStored() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long article = draft(editor, category(editor, "PUBLIC", List.of()), "附件拒收测试", "<p>附件。</p>");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        var cases = Map.of(
                "setup.exe", exe,
                "页面.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "伪装.pdf", exe,
                "伪装.png", PDF,
                "伪装.docx", PDF,
                "二进制.txt", new byte[] {'a', 0, 'b'},
                "没有扩展名", PDF);
        cases.forEach((name, bytes) -> {
            var r = upload(editor, article, name, bytes);
            assertThat(r.status()).as(name).isEqualTo(415);
            assertThat(r.detail()).as(name).contains("可上传的格式").doesNotContain("java");
        });
        var empty = upload(editor, article, "空.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.detail()).contains("20 MB");
        assertThat(attachmentsOf(article)).isZero();
    }

    @Test
    void anOverLongBodyOrTitleIsRefusedWithA400BeforeAnythingIsStored() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = category(editor, "PUBLIC", List.of());
        long before = jdbc.sql("select count(*) from kb_article where category_id = ?").param(cat).query(Long.class).single();

        String huge = "<p>" + "超长正文".repeat(150_000) + "</p>"; // 600,000 characters, about 1.8 MB of UTF-8
        var body = editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "超长正文", "bodyHtml", huge));
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.detail()).contains("正文过长");

        var title = editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "长".repeat(201),
                "bodyHtml", "<p>正文</p>"));
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.detail()).contains("标题不超过 200 个字");

        var keywords = editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "关键词过长",
                "bodyHtml", "<p>正文</p>", "keywords", "词".repeat(501)));
        assertThat(keywords.status()).isEqualTo(400);
        assertThat(keywords.detail()).contains("关键词");

        var question = editor.post("/api/knowledge/questions", Map.of("question", "问".repeat(301)));
        assertThat(question.status()).isEqualTo(400);
        var search = editor.get("/api/knowledge/search?q=" + KnowledgeFixtures.q("搜".repeat(201)));
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.detail()).contains("检索词不超过 200 个字");

        assertThat(jdbc.sql("select count(*) from kb_article where category_id = ?").param(cat).query(Long.class).single())
                .isEqualTo(before);
        // Just under the limit is still a valid article: the limit is not a typo of a smaller one.
        String large = "<p>" + "政策原文".repeat(45_000) + "</p>";
        assertThat(ok(editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "长篇政策原文",
                "bodyHtml", large))).json().path("bodyText").asString()).hasSize(180_000);
    }
}
