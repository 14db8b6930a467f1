package org.openhotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every platform a test starts (TimersAcrossRestartTest's by hand, too) gets a free SIP port instead of the
 * production default 5060, which another program on a CI machine may hold; a port the test names itself wins.
 */
class TestPortsTest {

    @Test
    void aPlatformStartedByATestGetsAFreeSipPortNot5060() throws Exception {
        StringBuilder factories = new StringBuilder();
        for (var url : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            try (var in = url.openStream()) {
                factories.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(factories.toString()).as("registered for every SpringApplication in the test JVM")
                .contains("org.springframework.boot.EnvironmentPostProcessor=org.openhotline.testing.TestPorts");
        StandardEnvironment env = new StandardEnvironment();
        new TestPorts().postProcessEnvironment(env, new SpringApplication());
        int port = Integer.parseInt(env.getProperty("hotline.sip.port"));
        assertThat(port).isBetween(25000, 27999);
        try (var free = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertThat(free.getLocalPort()).isEqualTo(port);
        }
        assertThat(env.getProperty("hotline.sip.rtp-min")).isEqualTo(String.valueOf(TestPorts.RTP_MIN));
    }

    @Test
    void aPortTheTestNamesWins() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("hotline.sip.port", "47001")));
        new TestPorts().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("hotline.sip.port")).isEqualTo("47001");
    }
}
