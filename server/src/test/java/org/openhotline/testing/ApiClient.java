package org.openhotline.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A logged-in browser-like HTTP client for tests: keeps the session cookie, sends the CSRF token from the
 * {@code XSRF-TOKEN} cookie as {@code X-XSRF-TOKEN} the way the web UI does.
 */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "Demo-Pass-2026";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String source;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.source = null;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    private ApiClient(int port, java.net.InetAddress local) {
        this.base = "http://127.0.0.1:" + port;
        this.source = local.getHostAddress();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).localAddress(local).build();
    }

    /**
     * A client whose requests come from a loopback address of its own (127.x.y.z), for tests of what the platform
     * counts per source address (the login throttle): their failures never add up with other tests'.
     */
    public static ApiClient fromOwnAddress(int port) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        byte[] address = {127, (byte) random.nextInt(2, 255), (byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255)};
        try {
            return new ApiClient(port, java.net.InetAddress.getByAddress(address));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client logged in as {@code username} with the demo password; fails the test if login fails. */
    public static ApiClient loggedIn(int port, String username) {
        ApiClient client = new ApiClient(port);
        Response r = client.login(username, DEMO_PASSWORD);
        if (r.status() != 200) {
            throw new AssertionError("login " + username + " failed: " + r.status() + " " + r.body());
        }
        return client;
    }

    public Response login(String username, String password) {
        return post("/api/auth/login", Map.of("username", username, "password", password));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(withJson(HttpRequest.newBuilder(URI.create(base + path)), "POST", body));
    }

    public Response put(String path, Object body) {
        return send(withJson(HttpRequest.newBuilder(URI.create(base + path)), "PUT", body));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Sends a prepared request (multipart uploads, raw bodies) with the session and CSRF token. */
    public Response send(HttpRequest.Builder request) {
        ensureCsrfCookie(request);
        csrf().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie as a Cookie header value, for tests that send a request by hand. */
    public String sessionCookieHeader() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("HOTLINE_SESSION"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
    }

    /** The source address of a {@link #fromOwnAddress} client (null for the others). */
    public String sourceAddress() {
        return source;
    }

    /** The CSRF token a state-changing request must echo as {@code X-XSRF-TOKEN}, for requests sent by hand. */
    public String csrfToken() {
        if (csrf().isEmpty()) {
            get("/api/auth/me");
        }
        return csrf().orElseThrow();
    }

    public String baseUrl() {
        return base;
    }

    private void ensureCsrfCookie(HttpRequest.Builder request) {
        if (csrf().isEmpty() && !request.build().method().equals("GET")) {
            get("/api/auth/me"); // any response sets the XSRF-TOKEN cookie
        }
    }

    private java.util.Optional<String> csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder b, String method, Object body) {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** A response with helpers to read its JSON body. */
    public record Response(int status, byte[] bytes, String contentType, java.net.http.HttpHeaders headers) {
        public Response(int status, byte[] bytes, String contentType) {
            this(status, bytes, contentType, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
        }

        /** A response header, or empty. */
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        /** The problem body's Chinese detail. */
        public String detail() {
            return json().path("detail").asString();
        }
    }
}
