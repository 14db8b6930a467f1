package org.openhotline.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Every platform a test starts — an {@code @HotlineTest} context or a {@code SpringApplicationBuilder} run by
 * hand — listens for SIP on a free loopback port, never on the production default 5060 (another program or
 * another build on the machine may hold it), and takes RTP from a range apart from the ports the tests' peers
 * use ({@code FreePorts}); the engine skips RTP ports another process holds. Registered for the whole test
 * class path in {@code META-INF/spring.factories}. A port a test passes itself ({@code --hotline.sip.port=…}
 * or a test property) wins.
 */
public class TestPorts implements EnvironmentPostProcessor {

    /**
     * RTP of platforms under test: above the platform SIP ports (25000–27999), apart from the peers' ranges
     * ({@code FreePorts}) and below the ephemeral ports (32768+), which any outgoing connection may take.
     */
    static final int RTP_MIN = 28000, RTP_MAX = 32699;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> ports = new HashMap<>();
        if (!givenByTheTest(environment, "hotline.sip.port")) {
            ports.put("hotline.sip.port", String.valueOf(freeSipPort()));
            ports.put("hotline.sip.bind-address", "127.0.0.1"); // where the port was found free
        }
        if (!givenByTheTest(environment, "hotline.sip.rtp-min")) {
            ports.put("hotline.sip.rtp-min", String.valueOf(RTP_MIN));
            ports.put("hotline.sip.rtp-max", String.valueOf(RTP_MAX));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("hotline-test-ports", ports));
    }

    private static boolean givenByTheTest(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            String name = source.getName();
            if ((name.equals("commandLineArgs") || name.startsWith("Inlined Test Properties")) && source.containsProperty(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A loopback port free for both UDP and TCP, outside the ranges sipp, phones and RTP use in tests and below the
     * ephemeral ports.
     */
    static int freeSipPort() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(25000, 28000);
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
