package org.openhotline.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The embedded PostgreSQL's files, for base backups: its data directory and a superuser connection (only the
 * superuser may start and stop a backup). Provided by the platform's database configuration; empty for an external
 * PostgreSQL, whose backups its operators run with pg_basebackup (docs/operations.md).
 */
public interface DatabaseFiles {

    /** The data directory (PGDATA) of the embedded database; empty when the database is external. */
    Optional<Path> dataDirectory();

    Connection superuser() throws SQLException;

    /** Where PostgreSQL's archive_command copies finished WAL segments (null when archiving is off). */
    Path walArchive();
}
