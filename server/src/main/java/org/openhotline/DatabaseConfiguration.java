package org.openhotline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: an external PostgreSQL 14+ when {@code HOTLINE_DB_URL} is set, otherwise a real
 * PostgreSQL started from the embedded binaries with its data under {@code HOTLINE_DATA_DIR/postgres}, kept
 * across restarts. A postmaster left running by a killed JVM is stopped first so that a restart recovers by
 * itself.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(HotlineProperties properties, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("hotline");
        config.setMaximumPoolSize(Integer.getInteger("hotline.db.pool", 20));
        if (properties.db().external()) {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(HotlineProperties properties,
                                      @org.springframework.beans.factory.annotation.Value("${hotline.db.embedded-fsync:true}") boolean fsync)
            throws IOException {
        if (properties.db().external()) {
            return new EmbeddedDatabase(null, new java.util.concurrent.CountDownLatch(0));
        }
        Path dir = properties.dataDir().toAbsolutePath().normalize();
        Path pgData = dir.resolve("postgres");
        Files.createDirectories(dir);
        stopLeftoverPostmaster(pgData);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        var pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring stops it after the connection pool (see EmbeddedDatabase.close); a JVM hook of its own
                // would stop it while beans still need the database on the way down.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(dir.resolve("pg-bin").toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // The embedded binaries' builder turns fsync off by default: then a committed order is not on disk
                // and a power cut can lose it (or corrupt the cluster) whatever synchronous_commit says. Only the
                // test suite, whose database is thrown away, may switch it off (hotline.db.embedded-fsync=false).
                .setServerConfig("fsync", fsync ? "on" : "off")
                .setServerConfig("synchronous_commit", "on")
                // Group commit: with many intakes at once a committing backend waits up to 0.2 ms for others
                // (when at least 5 are in a transaction) so that one WAL flush makes several commits durable.
                .setServerConfig("commit_delay", "200")
                .setServerConfig("commit_siblings", "5")
                // A million orders (≈ 1.5 GB with indexes) want more than the default 128 MB of cache, and fewer
                // checkpoints (each one makes the next change of every page write the whole page to the WAL).
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(pg, new java.util.concurrent.CountDownLatch(1));
        // Spring normally stops PostgreSQL after the pool. Should the context never be closed (a JVM that exits
        // without closing it), this hook still stops it, after giving Spring time to finish with the database.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgres-stop").unstarted(() -> {
            try {
                if (!database.closed().await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    database.close();
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return database;
    }

    /** A JVM killed with -9 leaves its postmaster behind holding the data directory: end it. */
    private static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            log.warn("Stopping PostgreSQL process {} left running on {}", pid, pgData);
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    /** Holder of the embedded server (or none) so that it is closed after the pool. */
    record EmbeddedDatabase(EmbeddedPostgres postgres, java.util.concurrent.CountDownLatch closed) implements AutoCloseable {
        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public synchronized void close() throws IOException {
            if (postgres != null && closed.getCount() > 0) {
                postgres.close();
            }
            closed.countDown();
        }
    }
}
