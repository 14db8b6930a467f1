package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class KnowledgeImportTest {

    private static final List<String> HEADERS = List.of("栏目", "标题", "正文", "关键词", "适用区域", "政策依据", "生效日期", "失效日期");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response upload(ApiClient client, String path, String fileName, byte[] file) {
        String boundary = "----kb" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private long count(String prefix) {
        return jdbc.sql("select count(*) from kb_article where title like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void oneBadRowMeansNothingIsImportedAndEveryBadRowIsNamed() {
        byte[] sheet = ExcelSheets.write("知识导入", HEADERS, List.of(
                List.of("社会保障/社会保险", "导入甲：社保缴费基数调整", "每年7月调整缴费基数。", "缴费基数", "", "", "2026-07-01", ""),
                List.of("不存在的栏目", "导入甲：错误栏目", "正文", "", "", "", "", ""),
                List.of("社会保障/社会保险", "", "正文", "", "", "", "", ""),
                List.of("社会保障/社会保险", "导入甲：日期错", "正文", "", "", "", "2026年7月", "")));
        var r = upload(ApiClient.loggedIn(port, "kbeditor1"), "/api/knowledge/import", "k.xlsx", sheet);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.detail()).contains("3 行数据有误", "未导入任何数据");
        var errors = r.json().path("errors");
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("message").asString()).contains("不存在的栏目");
        assertThat(errors.get(1).path("message").asString()).contains("标题不能为空");
        assertThat(errors.get(2).path("message").asString()).contains("生效日期");
        assertThat(count("导入甲")).isZero();
    }

    @Test
    void aGoodSheetBecomesDraftsAndAColumnExportsBack() {
        // Titles of this run's own: a rerun on the same database finds the drafts of the first try.
        String prefix = "导入乙" + System.nanoTime() % 1_000_000;
        byte[] sheet = ExcelSheets.write("知识导入", HEADERS, List.of(
                List.of("社会保险", prefix + "：社保缴费基数调整", "每年7月调整缴费基数。", "缴费基数、社保", "DH", "", "2026-07-01", "2027-06-30"),
                List.of("社会保障/医疗保障", prefix + "：医保年度结转", "医保个人账户余额可结转使用。", "", "", "", "", "")));
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var r = ok(upload(editor, "/api/knowledge/import", "k.xlsx", sheet));
        assertThat(r.json().path("imported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from kb_article where title like ? and state = 'DRAFT'")
                .param(prefix + "%").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select keywords from kb_article where title = ?").param(prefix + "：社保缴费基数调整")
                .query(String.class).single()).isEqualTo("缴费基数,社保");

        long cat = jdbc.sql("select category_id from kb_article where title = ?").param(prefix + "：医保年度结转")
                .query(Long.class).single();
        var export = editor.get("/api/knowledge/categories/" + cat + "/export");
        assertThat(export.status()).isEqualTo(200);
        var rows = ExcelSheets.read(new ByteArrayInputStream(export.bytes()));
        assertThat(rows).anyMatch(row -> row.cell(1).equals(prefix + "：医保年度结转") && row.cell(8).equals("草稿"));
    }

    @Test
    void aWordDocumentBecomesOneDraftWithItsHeadingAsTitle() throws IOException {
        byte[] docx;
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var title = doc.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText("导入丙：电动自行车上牌");
            doc.createParagraph().createRun().setText("电动自行车应在购车后15日内到车管所登记上牌。");
            doc.createParagraph().createRun().setText("所需材料：身份证、购车发票、合格证。");
            doc.write(out);
            docx = out.toByteArray();
        }
        long cat = jdbc.sql("select id from kb_category where name = '交通出行'").query(Long.class).single();
        var r = ok(upload(ApiClient.loggedIn(port, "kbeditor1"), "/api/knowledge/import-docx?categoryId=" + cat,
                "上牌.docx", docx)).json();
        assertThat(r.path("title").asString()).isEqualTo("导入丙：电动自行车上牌");
        assertThat(r.path("bodyHtml").asString()).isEqualTo(
                "<p>电动自行车应在购车后15日内到车管所登记上牌。</p><p>所需材料：身份证、购车发票、合格证。</p>");
    }
}
