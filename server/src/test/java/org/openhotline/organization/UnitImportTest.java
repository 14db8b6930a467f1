package org.openhotline.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class UnitImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final List<String> HEADERS = List.of("单位编码", "单位名称", "上级编码", "职责", "联系人", "联系电话", "地址");

    private ApiClient.Response upload(ApiClient client, byte[] xlsx) {
        String boundary = "----hotline" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + xlsx.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(xlsx, 0, body, head.length, xlsx.length);
        System.arraycopy(tail, 0, body, head.length + xlsx.length, tail.length);
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/org/units/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void theTemplateDownloadsAsAnExcelFileWithTheColumns() {
        var response = ApiClient.loggedIn(port, "sysadmin").get("/api/org/units/import-template");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("spreadsheetml");
        var rows = ExcelSheets.read(new ByteArrayInputStream(response.bytes()));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().cell(2)).isEqualTo("DH");
    }

    @Test
    void oneBadRowMeansNothingIsImportedAndEachBadRowIsReported() {
        byte[] sheet = ExcelSheets.write("承办单位", HEADERS, List.of(
                List.of("IMP-A1", "东湖区测试局甲", "DH", "测试职责", "张三", "0771-1111111", "地址"),
                List.of("IMP-A2", "", "DH", "", "", "", ""),
                List.of("IMP-A3", "东湖区测试局丙", "NOPE", "", "", "", ""),
                List.of("IMP-A1", "重复编码", "DH", "", "", "", "")));
        var response = upload(ApiClient.loggedIn(port, "sysadmin"), sheet);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.detail()).contains("3 行数据有误", "未导入任何数据");
        var errors = response.json().path("errors");
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("message").asString()).contains("名称不能为空");
        assertThat(errors.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).path("message").asString()).contains("NOPE");
        assertThat(errors.get(2).path("row").asInt()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from org_node where code like 'IMP-A%'").query(Long.class).single()).isZero();
    }

    @Test
    void aGoodSheetImportsEveryRowIncludingSubUnitsOfNewUnits() {
        byte[] sheet = ExcelSheets.write("承办单位", HEADERS, List.of(
                List.of("IMP-B1", "西山区测试局", "XS", "测试职责", "李四", "0771-2222222", "西山区某路"),
                List.of("IMP-B2", "西山区测试局二科", "IMP-B1", "下属科室", "", "", "")));
        var response = upload(ApiClient.loggedIn(port, "sysadmin"), sheet);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isEqualTo(2);
        String parentOfB2 = jdbc.sql("select p.code from org_node c join org_node p on p.id = c.parent_id where c.code = 'IMP-B2'")
                .query(String.class).single();
        assertThat(parentOfB2).isEqualTo("IMP-B1");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'org.imported'").query(Long.class).single()).isPositive();
    }

    @Test
    void somethingThatIsNotAnExcelFileIsRefusedClearly() {
        var response = upload(ApiClient.loggedIn(port, "sysadmin"), "not a spreadsheet".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("无法读取 Excel 文件");
    }
}
