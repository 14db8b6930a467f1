package org.openhotline;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings read from {@code hotline.*} (each backed by a {@code HOTLINE_*} environment variable). */
@ConfigurationProperties("hotline")
public record HotlineProperties(String timeZone, Path dataDir, String publicUrl, Db db, Demo demo) {

    /** An external PostgreSQL; when {@code url} is blank the platform starts its embedded one. */
    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Demo city and accounts seeded on first start; {@code password} blank means "generate one"; {@code history}
     * adds a year of calls, orders and agent states ending yesterday (off in tests).
     */
    public record Demo(boolean enabled, String password, boolean history) {}
}
