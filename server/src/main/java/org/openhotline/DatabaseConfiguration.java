package org.openhotline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: an external PostgreSQL 14+ when {@code HOTLINE_DB_URL} is set, otherwise a real
 * PostgreSQL started from the embedded binaries with its data under {@code HOTLINE_DATA_DIR/postgres}, kept
 * across restarts, watched and restarted when it dies ({@link PostgresWatchdog}). The application connects to
 * the embedded one as {@code hotline_app} and migrates as {@code hotline_owner} ({@link DatabaseRoles}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(HotlineProperties properties, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("hotline");
        config.setMaximumPoolSize(Integer.getInteger("hotline.db.pool", 20));
        // A request waits at most 5 s for a connection (not 30 s) while the database restarts; a borrowed
        // connection is checked within 1 s, so the pool replaces the dead ones by itself afterwards.
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        if (properties.db().external()) {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(DatabasePasswords.APP);
            config.setPassword(embedded.server().passwords().app());
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(HotlineProperties properties, ApplicationEventPublisher events,
                                      @Value("${hotline.db.embedded-fsync:true}") boolean fsync,
                                      @Value("${hotline.db.restart-attempts:10}") int restartAttempts,
                                      @Value("${hotline.db.shared-buffers:128MB}") String sharedBuffers,
                                      @Value("${hotline.backup.wal-archive:true}") boolean walArchive,
                                      @Value("${hotline.backup.dir}") java.nio.file.Path backupDir) throws IOException {
        if (properties.db().external()) {
            return new EmbeddedDatabase(null, null, new CountDownLatch(0));
        }
        var settings = new LinkedHashMap<String, String>();
        settings.put("max_connections", "200");
        // A committed order must be on disk: a power cut must not lose it (or corrupt the cluster). Only the test
        // suite, whose database is thrown away, may switch it off (hotline.db.embedded-fsync=false).
        settings.put("fsync", fsync ? "on" : "off");
        settings.put("synchronous_commit", "on");
        // Group commit: with many intakes at once a committing backend waits up to 0.2 ms for others (when at
        // least 5 are in a transaction) so that one WAL flush makes several commits durable.
        settings.put("commit_delay", "200");
        settings.put("commit_siblings", "5");
        // The cache is PostgreSQL's default, 128 MB: the demo city's year fits, and the platform with it stays under
        // 1 GB (JVM + PostgreSQL, issue 11; writing the demo year fills every buffer, so 512 MB of buffers alone made
        // 1.3 GB after a first start). A city with a million orders (≈ 1.5 GB with indexes) sets more
        // (hotline.db.shared-buffers=512MB, a quarter of the RAM at most; docs/deployment.md). Fewer checkpoints: each
        // one makes the next change of every page write the whole page to the WAL.
        if (!sharedBuffers.matches("\\d{1,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("hotline.db.shared-buffers 应写作数字加单位，如 128MB、1GB，而不是“" + sharedBuffers + "”");
        }
        settings.put("shared_buffers", sharedBuffers);
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "15min");
        // After a crash PostgreSQL first flushes the whole data directory: one syncfs() instead of an fsync() per
        // file cut that step from seconds to a fraction on the test machines (see PostgresWatchdog).
        settings.put("recovery_init_sync_method", "syncfs");
        // PostgreSQL's own log: postgres/log/postgresql-<weekday>.log, a week kept, 0600.
        settings.put("logging_collector", "on");
        settings.put("log_filename", "postgresql-%a.log");
        settings.put("log_truncate_on_rotation", "on");
        settings.put("log_rotation_age", "1d");
        settings.put("log_rotation_size", "0");
        if (walArchive) {
            // Point-in-time recovery (docs/operations.md): every finished WAL segment is copied beside the base
            // backups; at least every 5 minutes, so a lost disk loses at most 5 minutes of work.
            java.nio.file.Path archive = EmbeddedDatabaseFiles.walArchive(backupDir);
            java.nio.file.Files.createDirectories(archive);
            settings.put("archive_mode", "on");
            settings.put("archive_command", "test ! -f '" + archive + "/%f' && cp %p '" + archive + "/%f'");
            settings.put("archive_timeout", "300");
        }
        var server = new EmbeddedPostgresServer(properties.dataDir(), settings, Duration.ofSeconds(60));
        server.start();
        var watchdog = new PostgresWatchdog(server, events, restartAttempts, Duration.ofMillis(500)).start();
        var database = new EmbeddedDatabase(server, watchdog, new CountDownLatch(1));
        // Spring normally stops PostgreSQL after the pool. Should the context never be closed (a JVM that exits
        // without closing it), this hook still stops it, after giving Spring time to finish with the database.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgres-stop").unstarted(() -> {
            try {
                if (!database.closed().await(20, TimeUnit.SECONDS)) {
                    database.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return database;
    }

    /** The embedded database's files for the operations module's base backups. */
    @Bean
    org.openhotline.operations.DatabaseFiles databaseFiles(EmbeddedDatabase embedded,
                                                           @Value("${hotline.backup.wal-archive:true}") boolean walArchive,
                                                           @Value("${hotline.backup.dir}") java.nio.file.Path backupDir) {
        return new EmbeddedDatabaseFiles(embedded.server(), walArchive ? EmbeddedDatabaseFiles.walArchive(backupDir) : null);
    }

    /** Flyway migrates the embedded database as the owner role, not as the application's role. */
    @Bean
    FlywayConfigurationCustomizer embeddedFlywayOwner(EmbeddedDatabase embedded) {
        return configuration -> {
            if (embedded.server() != null) {
                configuration.dataSource(embedded.server().jdbcUrl(), DatabasePasswords.OWNER,
                        embedded.server().passwords().owner());
            }
        };
    }

    /** After every migration (also when there was none to apply) the application role gets its row rights. */
    @Bean
    Callback embeddedAppGrants(EmbeddedDatabase embedded) {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE && embedded.server() != null;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try (Statement sql = context.getConnection().createStatement()) {
                    sql.execute(DatabaseRoles.APP_GRANTS);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not grant the application role its rights", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "embeddedAppGrants";
            }
        };
    }

    /** Replaces Spring's "db" health check, which could hang for the pool's whole connection timeout. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, EmbeddedDatabase embedded) {
        return new DatabaseHealth(dataSource, embedded.watchdog());
    }

    /** Holder of the embedded server (or none) so that it is closed after the pool. */
    record EmbeddedDatabase(EmbeddedPostgresServer server, PostgresWatchdog watchdog, CountDownLatch closed)
            implements AutoCloseable {

        @Override
        public synchronized void close() {
            if (server != null && closed.getCount() > 0) {
                watchdog.close();
                server.stop();
            }
            closed.countDown();
        }
    }
}
