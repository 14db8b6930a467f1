package org.openhotline.shared.crypto;

import java.util.List;
import java.util.Map;

/**
 * A module's declaration that columns of one of its tables hold sealed personal data: {@code columns} are sealed
 * with {@link PersonalData#seal}, each entry of {@code phoneIndexes} names a sealed phone column and the
 * {@code bytea} column that holds its blind index, and each entry of {@code idIndexes} a sealed identifier column
 * (a WeChat openid) and its exact index ({@link PersonalData#idIndex}). {@link Resealing} walks the table by
 * {@code key} (a unique column) to seal rows written before encryption, fill their missing indexes and re-seal rows
 * after a key rotation. {@code rows}, when not null, is an SQL condition naming the rows whose columns hold personal
 * data (a column that holds a citizen's number on some rows and the platform's own on the others: {@code cc_call.called}
 * of outbound calls only); the others are left as they are. Declared as a bean by the module that owns the table.
 */
public record SealedColumns(String table, String key, List<String> columns, Map<String, String> phoneIndexes,
                            Map<String, IdIndex> idIndexes, String rows) {

    /** The {@code bytea} column holding {@link PersonalData#idIndex}{@code (kind, value)} of a sealed column. */
    public record IdIndex(String column, String kind) {}

    public SealedColumns {
        columns = List.copyOf(columns);
        phoneIndexes = Map.copyOf(phoneIndexes);
        idIndexes = Map.copyOf(idIndexes);
        for (String name : columns) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException(name);
            }
        }
        for (String name : idIndexes.keySet()) {
            if (!columns.contains(name) || !idIndexes.get(name).column().matches("[a-z_]+")) {
                throw new IllegalArgumentException(name);
            }
        }
        if (rows != null && rows.contains(";")) {
            throw new IllegalArgumentException(rows);
        }
    }

    public SealedColumns(String table, String key, List<String> columns, Map<String, String> phoneIndexes,
                         Map<String, IdIndex> idIndexes) {
        this(table, key, columns, phoneIndexes, idIndexes, null);
    }

    public SealedColumns(String table, String key, List<String> columns, Map<String, String> phoneIndexes) {
        this(table, key, columns, phoneIndexes, Map.of(), null);
    }
}
