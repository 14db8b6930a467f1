package org.openhotline.shared;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows gathered in PostgreSQL's COPY text format and written in one COPY on the current transaction's connection:
 * what bulk writes (the demo history, benchmarks) use instead of one INSERT per row. Nulls are {@code \N}, instants
 * UTC timestamps, string arrays array literals.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private long rows;

    public CopyRows row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object v = values[i];
            switch (v) {
                case null -> text.append("\\N");
                case Instant at -> text.append(at);
                case String[] array -> {
                    StringBuilder literal = new StringBuilder("{");
                    for (int j = 0; j < array.length; j++) {
                        literal.append(j > 0 ? "," : "").append('"')
                                .append(array[j].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    }
                    escape(literal.append('}').toString());
                }
                // bytea (blind indexes) in hex input format; the backslash is COPY's escape, hence doubled
                case byte[] bytes -> text.append("\\\\x").append(java.util.HexFormat.of().formatHex(bytes));
                default -> escape(v.toString());
            }
        }
        text.append('\n');
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Copies the rows into {@code table (columns)} and answers how many were written. */
    public long into(DataSource dataSource, String table, String columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
