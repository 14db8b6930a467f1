package org.openhotline.telephony.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEngineBuilder;
import org.openhotline.telephony.Trunk;
import org.openhotline.telephony.ivr.ClasspathFlows;

/** An engine on loopback with a carrier trunk for 12345 and 12346, and extension 1001. */
public final class EngineFixture {
    public static final String EXTENSION = "1001";
    public static final String PASSWORD = "s3cret-1001";

    public static TelephonyConfig config(Path dir) {
        Trunk carrier = new Trunk("carrier", Set.of("12345", "12346", "12300", "12399"), Set.of("127.0.0.1"), null, null,
                null, 0, "077112345");
        return TelephonyConfig.defaults(dir.resolve("recordings"))
                .withAddresses("127.0.0.1", "127.0.0.1")
                .withSipPort(FreePorts.sip())
                .withRtpPorts(28000, 32699)
                .withTrunks(List.of(carrier))
                .withLimits(40, Duration.ofSeconds(10));
    }

    public static TelephonyEngineBuilder builder(Path dir, org.openhotline.telephony.TelephonyListener events) {
        return builder(dir, events, config(dir));
    }

    /** As {@link #builder(Path, org.openhotline.telephony.TelephonyListener)} with another configuration. */
    public static TelephonyEngineBuilder builder(Path dir, org.openhotline.telephony.TelephonyListener events,
                                                 TelephonyConfig config) {
        return TelephonyEngine.builder(config)
                .listener(events)
                .extensions(ExtensionDirectory.of(Map.of(EXTENSION, PASSWORD, "1002", "pw-1002")))
                .flows(new ClasspathFlows(Map.of("12345", "default-12345", "12346", "direct-to-agent")));
    }

    private EngineFixture() {
    }
}
