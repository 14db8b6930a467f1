package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 19, transport: the security headers of the web UI and the XSRF token rotated at login. */
@HotlineTest
class WebSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void theWebUiAndTheApiCarryTheSecurityHeaders() {
        for (String path : new String[] {"/", "/api/auth/me"}) {
            var response = new ApiClient(port).get(path);
            assertThat(response.header("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(response.header("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        }
    }

    /**
     * Behind a TLS-terminating proxy: a request the trusted proxy (loopback, the platform's default
     * {@code server.tomcat.remoteip.internal-proxies}; the suite runs with {@code server.forward-headers-strategy=native})
     * marks as HTTPS gets HSTS and a {@code Secure} XSRF cookie; the same header from any other address is ignored.
     */
    @Test
    void hstsAndSecureCookiesBehindATlsProxyOnlyWhenTheTrustedProxySaysHttps() {
        var viaProxy = new ApiClient(port);
        var proxied = viaProxy.send(HttpRequest.newBuilder(URI.create(viaProxy.baseUrl() + "/api/auth/me"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET());
        assertThat(proxied.header("Strict-Transport-Security")).as("HSTS behind the TLS proxy")
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(xsrfCookie(proxied)).as("the XSRF cookie behind the TLS proxy").containsIgnoringCase("; Secure");

        var direct = ApiClient.fromOwnAddress(port); // 127.x.y.z: not a configured proxy
        var forged = direct.send(HttpRequest.newBuilder(URI.create(direct.baseUrl() + "/api/auth/me"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(forged.header("Strict-Transport-Security")).as("X-Forwarded-Proto from an untrusted address").isEmpty();
        assertThat(xsrfCookie(forged)).doesNotContainIgnoringCase("; Secure");
    }

    private static String xsrfCookie(ApiClient.Response response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + response.headers()));
    }

    @Test
    void theXsrfTokenChangesAtLoginAndTheOldOneIsRefused() throws Exception {
        var client = new ApiClient(port);
        String before = client.csrfToken();
        assertThat(client.login("agent6", ApiClient.DEMO_PASSWORD).status()).isEqualTo(200);
        String after = client.csrfToken();
        assertThat(after).isNotEqualTo(before);

        var http = HttpClient.newHttpClient();
        HttpRequest.Builder logout = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/auth/logout"))
                .header("Cookie", client.sessionCookieHeader() + "; XSRF-TOKEN=" + after)
                .POST(HttpRequest.BodyPublishers.noBody());
        var stale = http.send(logout.copy().header("X-XSRF-TOKEN", before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).as("the token from before login").isEqualTo(403);
        assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
        var fresh = http.send(logout.copy().header("X-XSRF-TOKEN", after).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.statusCode()).isEqualTo(204);
    }
}
