package org.openhotline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.openhotline.operations.DatabaseFiles;

/**
 * The embedded PostgreSQL's data directory and superuser, for the operations module's base backups; nothing for an
 * external database (its operators back it up with pg_basebackup). The WAL archive lives under
 * {@code HOTLINE_BACKUP_DIR} (default {@code data-dir/backup}) — point it at another disk in production.
 */
final class EmbeddedDatabaseFiles implements DatabaseFiles {

    private final EmbeddedPostgresServer server;
    private final Path walArchive;

    EmbeddedDatabaseFiles(EmbeddedPostgresServer server, Path walArchive) {
        this.server = server;
        this.walArchive = server == null ? null : walArchive;
    }

    static Path walArchive(Path backupDir) {
        return backupDir.toAbsolutePath().normalize().resolve("wal");
    }

    @Override
    public Optional<Path> dataDirectory() {
        return server == null ? Optional.empty() : Optional.of(server.pgData());
    }

    @Override
    public Connection superuser() throws SQLException {
        if (server == null) {
            throw new SQLException("external database: no embedded superuser");
        }
        return server.connect(DatabasePasswords.SUPERUSER, server.passwords().superuser());
    }

    @Override
    public Path walArchive() {
        return walArchive;
    }
}
