package org.openhotline.notification.internal.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTPS SMS gateway (the shape most cloud SMS services share): {@code POST url} with
 * {@code {"phone", "text"}} and {@code Authorization: Bearer token}; a 2xx answer {@code {"ids": [...]}} (or
 * {@code {"id": ...}}) accepts, 4xx rejects for good, anything else is retried. Delivery reports and incoming
 * messages come back through {@link HttpGatewayCallbackController}.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsProperties.Http settings;
    private final HttpClient http;

    public HttpSmsGateway(SmsProperties.Http settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public CompletableFuture<List<String>> send(String phone, String text) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url())).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.token())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("phone", phone, "text", text))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() >= 400 && r.statusCode() < 500) {
                throw new Rejected("gateway rejected: HTTP " + r.statusCode());
            }
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("gateway answered HTTP " + r.statusCode());
            }
            JsonNode body = JSON.readTree(r.body());
            if (body.has("ids")) {
                return body.get("ids").valueStream().map(JsonNode::asString).toList();
            }
            return List.of(body.path("id").asString(""));
        });
    }
}
