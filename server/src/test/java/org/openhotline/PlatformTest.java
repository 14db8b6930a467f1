package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What operators and integrators rely on: health probes, metrics, the OpenAPI document, the web UI. */
@HotlineTest
class PlatformTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDatabaseKeepsTheCacheSizedForTheDemoCity() {
        // 128 MB by default (hotline.db.shared-buffers): the demo city with its year stays under 1 GB (issue 11)
        assertThat(jdbc.sql("show shared_buffers").query(String.class).single()).isEqualTo("128MB");
    }

    @Test
    void healthLivenessAndReadinessAreUp() {
        var client = new ApiClient(port);
        assertThat(client.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposedToTheSystemAdminOnly() {
        assertThat(new ApiClient(port).get("/actuator/prometheus").status()).as("not public unless configured").isEqualTo(401);
        assertThat(ApiClient.loggedIn(port, "agent1").get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = ApiClient.loggedIn(port, "sysadmin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiToLoggedInUsers() {
        assertThat(new ApiClient(port).get("/v3/api-docs").status()).as("not public unless configured").isEqualTo(401);
        assertThat(new ApiClient(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
        var client = ApiClient.loggedIn(port, "agent1");
        var doc = client.get("/v3/api-docs").json();
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/auth/login")).isTrue();
        assertThat(doc.path("paths").has("/api/accounts")).isTrue();
        assertThat(doc.path("paths").has("/api/org/units/import")).isTrue();
        assertThat(client.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theWebUiIsServedFromTheJar() {
        var index = new ApiClient(port).get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"app\"></div>");
    }

    @Test
    void unknownApiPathsAnswerWithAChineseProblem() {
        var response = ApiClient.loggedIn(port, "manager").get("/api/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detail()).isEqualTo("请求的地址不存在");
    }
}
