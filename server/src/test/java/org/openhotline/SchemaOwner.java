package org.openhotline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/**
 * For tests and benchmarks that need what the application's role {@code hotline_app} may not do (DDL, VACUUM,
 * ANALYZE): a connection as the schema owner {@code hotline_owner}, whose password the platform keeps in the data
 * directory's {@code postgres.passwords} ({@link DatabasePasswords}). With an external database the platform has one
 * role, the application's.
 */
public final class SchemaOwner {

    private SchemaOwner() {}

    public static Connection connect(ApplicationContext context) throws SQLException, IOException {
        var properties = context.getBean(HotlineProperties.class);
        DataSource app = context.getBean(DataSource.class);
        if (properties.db().external()) {
            return app.getConnection();
        }
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve("postgres.passwords");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + ": the embedded database keeps its passwords there");
        }
        String url;
        try (Connection c = app.getConnection()) {
            url = c.getMetaData().getURL();
        }
        return DriverManager.getConnection(url, DatabasePasswords.OWNER, DatabasePasswords.loadOrCreate(file).owner());
    }
}
