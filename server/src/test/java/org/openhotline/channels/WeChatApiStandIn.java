package org.openhotline.channels;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for api.weixin.qq.com as the official-account API documents it: {@code GET /cgi-bin/token}
 * issues access tokens for the right AppID/secret, {@code POST /cgi-bin/message/custom/send} accepts
 * customer-service messages with a valid token and answers errcode 40001 for a stale one. {@link #expireTokens()}
 * makes every issued token stale, as WeChat does when a token is refreshed elsewhere.
 */
public final class WeChatApiStandIn {

    public static final String APP_ID = "wx5823bf96d3bd56c7";
    public static final String SECRET = "test-app-secret";
    public static final String TOKEN = "QDG6eK";
    public static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    public record Sent(String toUser, String text) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WeChatApiStandIn shared;

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> valid = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    private WeChatApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", ex -> {
            String q = ex.getRequestURI().getQuery();
            String body;
            if (q != null && q.contains("appid=" + APP_ID) && q.contains("secret=" + SECRET)
                    && q.contains("grant_type=client_credential")) {
                String token = "token-" + tokensIssued.incrementAndGet();
                valid.add(token);
                body = "{\"access_token\":\"" + token + "\",\"expires_in\":7200}";
            } else {
                body = "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}";
            }
            answer(ex, body);
        });
        server.createContext("/cgi-bin/message/custom/send", ex -> {
            String q = ex.getRequestURI().getQuery();
            String token = q == null ? "" : q.replaceFirst(".*access_token=([^&]*).*", "$1");
            JsonNode m = JSON.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!valid.contains(token)) {
                answer(ex, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            sent.add(new Sent(m.path("touser").asString(), m.path("text").path("content").asString()));
            answer(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.createContext("/cgi-bin/message/template/send", ex -> {
            String q = ex.getRequestURI().getQuery();
            String token = q == null ? "" : q.replaceFirst(".*access_token=([^&]*).*", "$1");
            JsonNode m = JSON.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!valid.contains(token)) {
                answer(ex, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            templates.add(new Template(m.path("touser").asString(), m.path("template_id").asString(), m.path("data")));
            answer(ex, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}");
        });
        server.start();
    }

    /** A template message (模板消息) as WeChat received it. */
    public record Template(String toUser, String templateId, JsonNode data) {}

    public static final String TEMPLATE_ACCEPTED = "tpl-accepted-7Xb2";
    public static final String TEMPLATE_REPLIED = "tpl-replied-9Qc4";

    private final List<Template> templates = new CopyOnWriteArrayList<>();

    public List<Template> templates() {
        return List.copyOf(templates);
    }

    public static synchronized WeChatApiStandIn shared() {
        if (shared == null) {
            try {
                shared = new WeChatApiStandIn();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public Map<String, Object> properties() {
        return Map.of("hotline.wechat.token", TOKEN, "hotline.wechat.app-id", APP_ID, "hotline.wechat.secret", SECRET,
                "hotline.wechat.aes-key", AES_KEY,
                "hotline.wechat.api-base", "http://127.0.0.1:" + server.getAddress().getPort(),
                "hotline.wechat.template-accepted", TEMPLATE_ACCEPTED, "hotline.wechat.template-replied", TEMPLATE_REPLIED);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public void expireTokens() {
        valid.clear();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}
