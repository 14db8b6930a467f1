package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the platform and start it again on the same data directory: what users did is still there and the demo
 * data is not seeded twice.
 */
class RestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(HotlineApplication.class).run(
                "--hotline.data-dir=" + dataDir, "--hotline.demo.password=" + ApiClient.DEMO_PASSWORD, "--hotline.demo.history=false",
                "--server.port=0", "--hotline.sip.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        long accountsBefore;
        try (var first = start(dataDir)) {
            var sysadmin = ApiClient.loggedIn(port(first), "sysadmin");
            var created = sysadmin.post("/api/org/nodes", Map.of("parentId", 2, "kind", "UNIT", "code", "RESTART-1",
                    "name", "重启验证单位"));
            assertThat(created.status()).isEqualTo(201);
            accountsBefore = sysadmin.get("/api/accounts?size=1").json().path("total").asLong();
        }
        try (var second = start(dataDir)) {
            var sysadmin = ApiClient.loggedIn(port(second), "sysadmin");
            var found = sysadmin.get("/api/org/nodes?q=RESTART-1").json();
            assertThat(found.path("total").asLong()).isEqualTo(1);
            assertThat(sysadmin.get("/api/accounts?size=1").json().path("total").asLong()).isEqualTo(accountsBefore);
        }
    }
}
