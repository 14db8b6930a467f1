package org.openhotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The malformed requests a security probe answered with 500 or with Java type names, one by one: each must get a
 * 4xx RFC 9457 problem body whose title and detail are Chinese and name no Java type.
 */
@HotlineTest
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private record Problem(int status, String contentType, JsonNode body, String raw) {
        String detail() {
            return body.path("detail").asString();
        }
    }

    /** Sends a raw request as {@code username} (session and CSRF token included). */
    private Problem send(String username, String method, String target, String contentType, byte[] body) {
        ApiClient client = ApiClient.loggedIn(port, username);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", client.sessionCookieHeader() + "; XSRF-TOKEN=" + client.csrfToken());
        headers.put("X-XSRF-TOKEN", client.csrfToken());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        RawHttp.Answer answer = new RawHttp(port).send(method, target, headers, body);
        JsonNode json;
        try {
            json = JsonMapper.builder().build().readTree(answer.bytes());
        } catch (RuntimeException notJson) {
            json = JsonMapper.builder().build().createObjectNode();
        }
        return new Problem(answer.status(), answer.contentType(), json, answer.body());
    }

    private static void assertChineseProblem(Problem p, int status) {
        assertThat(p.status()).as(p.raw()).isEqualTo(status);
        assertThat(p.contentType()).as(p.raw()).startsWith("application/problem+json");
        assertThat(p.body().path("title").asString()).as(p.raw()).containsPattern("\\p{IsHan}");
        assertThat(p.detail()).as(p.raw()).containsPattern("\\p{IsHan}");
        assertThat(p.raw()).doesNotContain("java.", "Exception", "org.springframework", "tools.jackson");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long agentId(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void aNulByteInJsonTextIsRefusedNamingTheField() {
        // PostgreSQL cannot store U+0000 in text: this message used to fail in the database with a 500.
        String body = "{\"toAccountId\":" + agentId("agent2") + ",\"text\":\"你好\\u0000\"}";
        Problem p = send("agent1", "POST", "/api/callcenter/messages", "application/json", utf8(body));
        assertChineseProblem(p, 400);
        assertThat(p.detail()).contains("text", "空字符");
    }

    @Test
    void aWildcardContentTypeIsUnsupported() {
        Problem p = send("manager", "POST", "/api/work-orders/categories", "*/*", utf8("{\"name\":\"通配符\"}"));
        assertChineseProblem(p, 415);
    }

    @Test
    void multipartWithoutBoundaryIsABadRequest() {
        Problem p = send("sysadmin", "POST", "/api/org/units/import", "multipart/form-data", utf8("--x\r\n\r\n"));
        assertChineseProblem(p, 400);
        assertThat(p.detail()).contains("multipart");
    }

    @Test
    void aMultipartBodyOnAJsonEndpointIsABadRequestNotAServerError() {
        Problem p = send("manager", "DELETE", "/api/calendar/time-limits/900000001", "multipart/form-data", utf8("x"));
        assertChineseProblem(p, 400);
    }

    @Test
    void brokenPercentEncodingInThePathOrQueryIsABadRequest() {
        assertChineseProblem(send("manager", "GET", "/api/work-orders/%zz", null, null), 400);
        assertChineseProblem(send("manager", "GET", "/api/work-orders/%", null, null), 400);
        assertChineseProblem(send("manager", "GET", "/api/work-orders?q=%zz", null, null), 400);
    }

    @Test
    void aBrokenFormBodyIsABadRequest() {
        Problem p = send("manager", "DELETE", "/api/calendar/time-limits/900000001", "application/x-www-form-urlencoded",
                utf8("a=1&b=%zz"));
        assertChineseProblem(p, 400);
    }

    @Test
    void aFirewallRefusalIsAChineseProblem() {
        // Spring Security's firewall refuses an encoded NUL and a semicolon before any controller runs.
        assertChineseProblem(send("manager", "GET", "/api/work-orders/1%00", null, null), 400);
        assertChineseProblem(send("manager", "GET", "/api/work-orders;x=1", null, null), 400);
    }

    @Test
    void aWrongParameterTypeSaysWhichParameterAndWhatItShouldBe() {
        Problem query = send("manager", "GET", "/api/work-orders?page=abc", null, null);
        assertChineseProblem(query, 400);
        assertThat(query.detail()).contains("参数 page 应为整数");

        Problem path = send("sysadmin", "POST", "/api/org/nodes/abc/disable", "application/json", utf8("{}"));
        assertChineseProblem(path, 400);
        assertThat(path.detail()).isEqualTo("参数 id 应为整数");

        Problem field = send("manager", "POST", "/api/work-orders/categories", "application/json",
                utf8("{\"name\":\"类型\",\"parentId\":\"abc\"}"));
        assertChineseProblem(field, 400);
        assertThat(field.detail()).isEqualTo("字段 parentId 应为整数");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        Problem p = send("agent1", "POST", "/api/callcenter/me/state", "application/json", utf8("{\"state\":\"ASLEEP\"}"));
        assertChineseProblem(p, 400);
        assertThat(p.detail()).contains("字段 state 应为以下之一", "READY");
    }

    @Test
    void brokenJsonAndAMissingBodyAreBadRequests() {
        assertChineseProblem(send("manager", "POST", "/api/work-orders/categories", "application/json", utf8("{\"name\":")), 400);
        Problem missing = send("manager", "POST", "/api/work-orders/categories", "application/json", new byte[0]);
        assertChineseProblem(missing, 400);
        assertThat(missing.detail()).contains("缺少请求内容");
    }

    @Test
    void aTextLongerThanItsFieldAllowsIsRefusedWithTheLimit() {
        Problem p = send("manager", "POST", "/api/callcenter/admin/blacklist", "application/json",
                utf8("{\"number\":\"13900000000\",\"reason\":\"" + "骚".repeat(300) + "\"}"));
        assertChineseProblem(p, 400);
        assertThat(p.body().path("errors").path("reason").asString()).isEqualTo("拉黑原因最长 200 个字");
    }

    @Test
    void aConstraintWithoutItsOwnMessageIsWordedInChinese() {
        Problem p = send("manager", "POST", "/api/calendar/time-limits", "application/json",
                utf8("{\"stage\":\"HANDLE\",\"appealType\":\"" + "x".repeat(30) + "\",\"amount\":5,\"unit\":\"WORKING_DAYS\"}"));
        assertChineseProblem(p, 400);
        assertThat(p.body().path("errors").path("appealType").asString()).isEqualTo("字段 appealType 长度不能超过 20");
    }

    @Test
    void aValueTheDatabaseCannotHoldIsABadRequestEvenWithoutAFieldLimit() {
        // A knowledge template's name is varchar(60) in the database; the request type sets no limit of its own.
        Problem p = send("kbeditor1", "POST", "/api/knowledge/templates", "application/json",
                utf8("{\"name\":\"" + "模".repeat(100) + "\",\"bodyHtml\":\"<p>x</p>\"}"));
        assertChineseProblem(p, 400);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        Problem p = send("manager", "POST", "/api/work-orders/categories", "application/json", utf8(huge));
        assertChineseProblem(p, 413);
    }

    @Test
    void anUnparseableAcceptHeaderIsABadRequest() {
        ApiClient client = ApiClient.loggedIn(port, "manager");
        RawHttp.Answer answer = new RawHttp(port).send("GET", "/api/auth/me",
                Map.of("Cookie", client.sessionCookieHeader(), "Accept", "garbage"), null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("Accept");
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() {
        Problem method = send("manager", "DELETE", "/api/auth/me", null, null);
        assertChineseProblem(method, 405);
        Problem unknown = send("manager", "POST", "/api/no-such-thing", "application/json", utf8("{}"));
        assertChineseProblem(unknown, 404);
    }
}
