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
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hotline-test",
                Map.of("hotline.data-dir", "target/test-data/" + UUID.randomUUID())));
    }
}
