package org.openhotline.channels.internal.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official account's API: the access token (GET /cgi-bin/token) kept until five minutes before it expires and
 * fetched again when the API says it is invalid or expired (40001, 40014, 42001); customer-service text messages
 * (POST /cgi-bin/message/custom/send) to a follower who wrote within WeChat's 48 hours.
 */
@Component
class WeChatApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final WeChatProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    WeChatApi(WeChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a text; throws when WeChat refuses (the caller's event stays incomplete and is retried). */
    void sendText(String openId, String text) {
        String body = JSON.writeValueAsString(Map.of("touser", openId, "msgtype", "text", "text", Map.of("content", text)));
        JsonNode answer = post("/cgi-bin/message/custom/send", body, false);
        int code = answer.path("errcode").asInt(0);
        if (code == 40001 || code == 40014 || code == 42001) {
            answer = post("/cgi-bin/message/custom/send", body, true);
            code = answer.path("errcode").asInt(0);
        }
        if (code != 0) {
            throw new IllegalStateException("WeChat custom/send errcode " + code + " " + answer.path("errmsg").asString(""));
        }
    }

    /**
     * Sends a template message (模板消息): unlike a customer-service message it reaches a follower who has not written
     * in the last 48 hours. {@code data} maps the template's keys to their values.
     */
    void sendTemplate(String openId, String templateId, Map<String, String> data) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> fields.put(k, Map.of("value", v)));
        String body = JSON.writeValueAsString(Map.of("touser", openId, "template_id", templateId, "data", fields));
        JsonNode answer = post("/cgi-bin/message/template/send", body, false);
        int code = answer.path("errcode").asInt(0);
        if (code == 40001 || code == 40014 || code == 42001) {
            answer = post("/cgi-bin/message/template/send", body, true);
            code = answer.path("errcode").asInt(0);
        }
        if (code != 0) {
            throw new IllegalStateException("WeChat template/send errcode " + code + " " + answer.path("errmsg").asString(""));
        }
    }

    private JsonNode post(String path, String body, boolean freshToken) {
        String t = accessToken(freshToken);
        return call(HttpRequest.newBuilder(URI.create(properties.apiBase() + path + "?access_token=" + enc(t)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    synchronized String accessToken(boolean fresh) {
        Instant now = clock.instant();
        if (fresh || token == null || now.isAfter(tokenExpires.minus(EARLY))) {
            JsonNode r = call(HttpRequest.newBuilder(URI.create(properties.apiBase()
                    + "/cgi-bin/token?grant_type=client_credential&appid=" + enc(properties.appId()) + "&secret="
                    + enc(properties.secret()))).GET());
            if (!r.hasNonNull("access_token")) {
                throw new IllegalStateException("WeChat token errcode " + r.path("errcode").asInt(-1));
            }
            token = r.get("access_token").asString();
            tokenExpires = now.plusSeconds(r.path("expires_in").asLong(7200));
        }
        return token;
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("WeChat API HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("WeChat API unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
