package org.openhotline.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/** Open311 GeoReport v2 as a client speaks it: form-encoded POSTs with an API key, JSON and XML answers. */
@HotlineTest
class Open311Test {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient client;
    String apiKey;
    long keyId;
    int keyVersion;
    long category;

    @BeforeEach
    void issueKey() {
        client = new ApiClient(port);
        var admin = ApiClient.loggedIn(port, "sysadmin");
        var issued = admin.post("/api/channels/open311-keys", Map.of("name", "江州随手拍 App"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        apiKey = issued.json().path("secret").asString();
        keyId = issued.json().path("key").path("id").asLong();
        keyVersion = issued.json().path("key").path("version").asInt();
        assertThat(admin.get("/api/channels/open311-keys").body()).doesNotContain(apiKey);
        category = jdbc.sql("select id from wo_category where name = '施工噪音'").query(Long.class).single();
    }

    @Test
    void discoveryServicesAndARequestCreatedAndReadInJsonAndXml() throws Exception {
        var discovery = client.get("/open311/v2/discovery.json");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json().path("endpoints").get(0).path("specification").asString())
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml(client.get("/open311/v2/discovery.xml").body()).getElementsByTagName("endpoint").getLength()).isEqualTo(1);

        var services = client.get("/open311/v2/services.json");
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body()).contains("\"service_code\":\"" + category + "\"").contains("\"group\":\"城乡建设\"");
        Document servicesXml = xml(client.get("/open311/v2/services.xml").body());
        assertThat(servicesXml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(servicesXml.getElementsByTagName("service").getLength()).isGreaterThan(10);
        assertThat(client.get("/open311/v2/services/" + category + ".json").json().path("service_code").asString())
                .isEqualTo(String.valueOf(category));

        var created = post("json", form("api_key", apiKey, "service_code", String.valueOf(category), "lat", "28.6812",
                "long", "115.8579", "address_string", "东湖区八一大道 100 号", "description", "工地夜间施工噪音很大，凌晨还在作业",
                "first_name", "伟", "last_name", "王", "phone", "13800001234", "email", "wang@example.com",
                "device_id", "device-wang-0613"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().get(0).path("service_request_id").asString();
        var order = jdbc.sql("select channel, caller_name, category_id from work_order where number = ?").param(number)
                .query().singleRow();
        assertThat(order).containsEntry("channel", "OPEN311").containsEntry("category_id", category);
        assertThat(org.openhotline.shared.crypto.PersonalData.open((String) order.get("caller_name"))).isEqualTo("王伟");

        var one = client.get("/open311/v2/requests/" + number + ".json");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get(0).path("status").asString()).isEqualTo("open");
        assertThat(one.json().get(0).path("status_notes").asString()).isEqualTo("已受理，待派单");
        assertThat(one.json().get(0).path("lat").asDouble()).isEqualTo(28.6812);
        assertThat(one.body()).doesNotContain("13800001234");
        Document oneXml = xml(client.get("/open311/v2/requests/" + number + ".xml").body());
        assertThat(oneXml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(oneXml.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
        assertThat(oneXml.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(number);

        String token = jdbc.sql("select r.token::text from ch_open311_request r join work_order w on w.id = r.work_order_id where w.number = ?")
                .param(number).query(String.class).single();
        // the requester's e-mail and device id are sealed at rest (ADR 041): the row holds them only as ciphertexts
        var stored = jdbc.sql("select r.email, r.device_id, r::text as whole from ch_open311_request r join work_order w on w.id = r.work_order_id where w.number = ?")
                .param(number).query().singleRow();
        assertThat((String) stored.get("whole")).doesNotContain("wang@example.com").doesNotContain("device-wang-0613");
        assertThat(org.openhotline.shared.crypto.PersonalData.open((String) stored.get("email"))).isEqualTo("wang@example.com");
        assertThat(org.openhotline.shared.crypto.PersonalData.open((String) stored.get("device_id"))).isEqualTo("device-wang-0613");
        assertThat(client.get("/open311/v2/tokens/" + token + ".json").json().get(0).path("service_request_id").asString())
                .isEqualTo(number);
        assertThat(client.get("/open311/v2/requests.json?status=open").body()).contains(number);

        // the citizen withdraws it at the hotline: closed, with the note saying how it ended
        long id = jdbc.sql("select id from work_order where number = ?").param(number).query(Long.class).single();
        var agent = ApiClient.loggedIn(port, "agent1");
        var withdrawn = agent.post("/api/work-orders/" + id + "/withdraw", org.openhotline.testing.StepVersions
                .withCurrentVersion(jdbc, "/api/work-orders/" + id + "/withdraw", Map.of("text", "问题已自行解决")));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        var closed = client.get("/open311/v2/requests.json?service_request_id=" + number).json().get(0);
        assertThat(closed.path("status").asString()).isEqualTo("closed");
        assertThat(closed.path("status_notes").asString()).isEqualTo("已撤销");
    }

    @Test
    void aMissingOrDisabledKeyAndBadInputGetChineseErrorsInTheSpecificationsFormatAndStoreNothing() throws Exception {
        long before = jdbc.sql("select count(*) from work_order where channel = 'OPEN311'").query(Long.class).single();
        var noKey = post("json", form("service_code", String.valueOf(category), "lat", "28.1", "long", "115.1",
                "description", "没有密钥的请求"));
        assertThat(noKey.status()).isEqualTo(403);
        assertThat(noKey.json().get(0).path("code").asInt()).isEqualTo(403);
        assertThat(noKey.json().get(0).path("description").asString()).startsWith("缺少 api_key");

        var badService = post("xml", form("api_key", apiKey, "service_code", "999999", "lat", "28.1", "long", "115.1",
                "description", "分类不存在的请求"));
        assertThat(badService.status()).isEqualTo(400);
        Document err = xml(badService.body());
        assertThat(err.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(err.getElementsByTagName("description").item(0).getTextContent()).startsWith("service_code 无效");

        var noPlace = post("json", form("api_key", apiKey, "service_code", String.valueOf(category), "description", "没有位置"));
        assertThat(noPlace.status()).isEqualTo(400);
        assertThat(noPlace.json().get(0).path("description").asString()).isEqualTo("请提供位置：lat 和 long，或 address_string");
        var noText = post("json", form("api_key", apiKey, "service_code", String.valueOf(category), "lat", "28.1", "long", "115.1"));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().get(0).path("description").asString()).isEqualTo("请填写诉求内容");
        var badLat = post("json", form("api_key", apiKey, "service_code", String.valueOf(category), "lat", "北纬", "long", "115.1",
                "description", "坐标不是数字"));
        assertThat(badLat.status()).isEqualTo(400);
        assertThat(badLat.json().get(0).path("description").asString()).isEqualTo("参数 lat 缺失或格式不正确");

        var admin = ApiClient.loggedIn(port, "sysadmin");
        assertThat(admin.put("/api/channels/open311-keys/" + keyId + "/enabled", Map.of("enabled", false, "version", keyVersion))
                .status()).isEqualTo(200);
        var disabled = post("json", form("api_key", apiKey, "service_code", String.valueOf(category), "lat", "28.1",
                "long", "115.1", "description", "停用密钥后的请求"));
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.json().get(0).path("description").asString()).isEqualTo("api_key 无效或已停用");
        assertThat(client.get("/open311/v2/requests/000.json").status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from work_order where channel = 'OPEN311'").query(Long.class).single())
                .isEqualTo(before);
        // keys are an administrator's: an agent may not issue one
        assertThat(ApiClient.loggedIn(port, "agent1").post("/api/channels/open311-keys", Map.of("name", "x")).status())
                .isEqualTo(403);
    }

    private ApiClient.Response post(String format, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/open311/v2/requests." + format))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
