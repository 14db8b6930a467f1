package org.openhotline.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Fixes, once per test context, the values that must be unique per run: a fresh data directory. (A
 * {@code ${random...}} placeholder would give every reader a different value.) Ports: see {@link TestPorts}.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("hotline.data-dir", "target/test-data/" + UUID.randomUUID()));
        // SMS goes to the CMPP simulator every test context shares (notification tests read what it received).
        properties.putAll(org.openhotline.notification.SmscSimulator.shared().properties());
        // The official account's API host is a local stand-in (the WeChat tests read the messages it got).
        properties.putAll(org.openhotline.channels.WeChatApiStandIn.shared().properties());
        // The carrier port of HotlineTest's probed trunk (operations' alarm test answers there with sipp).
        properties.put("hotline.test.ops-trunk-port", String.valueOf(org.openhotline.telephony.sip.FreePorts.sip()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hotline-test", properties));
    }
}
