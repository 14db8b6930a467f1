package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded PostgreSQL on its own (no platform): who may log in, what its files allow others, a stale
 * {@code postmaster.pid}, and a data directory of an earlier version that trusted every local login.
 */
class EmbeddedPostgresServerTest {

    private static EmbeddedPostgresServer server(Path dataDir) {
        return new EmbeddedPostgresServer(dataDir, Map.of("fsync", "off"), Duration.ofSeconds(60));
    }

    @Test
    void loginsNeedThePasswordAndTheFilesAreTheServiceUsersAlone() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
        var server = server(dataDir);
        server.start();
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "hotline_app", "wrong"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (var c = server.connect(DatabasePasswords.APP, server.passwords().app())) {
                assertThat(c.isValid(1)).isTrue();
            }

            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("postgres.passwords"))).isEqualTo("rw-------");
            assertThat(mode(dataDir.resolve("postgres"))).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("pg-bin"))).isEqualTo("rwx------");
            try (Stream<Path> binaries = Files.walk(dataDir.resolve("pg-bin"))) {
                assertThat(binaries.filter(p -> !Files.isSymbolicLink(p)).filter(p -> {
                    var permissions = permissions(p);
                    return permissions.contains(PosixFilePermission.OTHERS_WRITE)
                            || permissions.contains(PosixFilePermission.GROUP_WRITE);
                })).as("files under pg-bin writable by group or others").isEmpty();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aStalePidFileOfAnotherProcessIsRemovedAndThatProcessLives() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
        var first = server(dataDir);
        first.start();
        first.stop();
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(dataDir.resolve("postgres/postmaster.pid"), sleep.pid() + "\n" + dataDir.resolve("postgres") + "\n");
            var second = server(dataDir);
            second.start();
            try {
                assertThat(sleep.isAlive()).as("the process whose PID was in the stale file").isTrue();
                try (var c = second.connect(DatabasePasswords.APP, second.passwords().app())) {
                    assertThat(c.isValid(1)).isTrue();
                }
            } finally {
                second.stop();
            }
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryLoginGetsPasswordsAndTheOwnerRole() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-pg-old-");
        // What earlier versions left: trust logins, the tables owned by the superuser.
        try (var old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            JdbcClient.create(old.getPostgresDatabase()).sql("create table earlier_orders (id bigserial primary key, content text)").update();
            JdbcClient.create(old.getPostgresDatabase()).sql("insert into earlier_orders (content) values ('路灯不亮')").update();
        }
        var server = server(dataDir);
        server.start();
        try {
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null)).isInstanceOf(SQLException.class);
            try (var c = server.connect(DatabasePasswords.SUPERUSER, server.passwords().superuser())) {
                var db = JdbcClient.create(new SingleConnectionDataSource(c, true));
                assertThat(db.sql("select tableowner from pg_tables where tablename = 'earlier_orders'").query(String.class).single())
                        .isEqualTo(DatabasePasswords.OWNER);
                assertThat(db.sql("select content from earlier_orders").query(String.class).single()).isEqualTo("路灯不亮");
            }
        } finally {
            server.stop();
        }
    }

    private static String mode(Path path) {
        return PosixFilePermissions.toString(permissions(path));
    }

    private static java.util.Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
