package org.openhotline.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Fixes, once per test context, the values that must be unique per run: a fresh data directory and a free SIP
 * port. (A {@code ${random...}} placeholder would give every reader a different value.)
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hotline-test", Map.of(
                "hotline.data-dir", "target/test-data/" + UUID.randomUUID(),
                "hotline.sip.port", String.valueOf(freeSipPort()))));
    }

    /** A loopback port free for both UDP and TCP, outside the ranges sipp and RTP use in tests. */
    static int freeSipPort() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(35000, 39999);
            try (var udp = new DatagramSocket(port, InetAddress.getLoopbackAddress());
                 var tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free SIP port");
    }
}
