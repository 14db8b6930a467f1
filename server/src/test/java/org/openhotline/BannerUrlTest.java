package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up banner names the port the server bound, not the ":0" it was asked for (issue 20, a newcomer's find). */
class BannerUrlTest {

    private static DemoData demoData(String publicUrl, MockEnvironment environment) {
        var properties = new HotlineProperties("Asia/Shanghai", Path.of("data"), publicUrl, null,
                new HotlineProperties.Demo(false, null, false));
        return new DemoData(properties, List.of(), List.of(), null, Clock.systemUTC(), environment, event -> { });
    }

    @Test
    void aFreePortIsPrintedAsTheOneTheServerBound() {
        var environment = new MockEnvironment().withProperty("local.server.port", "41234");
        assertThat(demoData("http://localhost:0", environment).url()).isEqualTo("http://localhost:41234");
    }

    @Test
    void aConfiguredPublicUrlIsPrintedAsConfigured() {
        var environment = new MockEnvironment().withProperty("local.server.port", "8080");
        assertThat(demoData("https://12345.example.gov.cn", environment).url()).isEqualTo("https://12345.example.gov.cn");
        assertThat(demoData("http://localhost:8080", new MockEnvironment()).url()).isEqualTo("http://localhost:8080");
    }
}
