package org.openhotline.shared.crypto;

import java.util.List;
import java.util.Map;

/**
 * A module's declaration that columns of one of its tables hold sealed personal data: {@code columns} are sealed
 * with {@link PersonalData#seal}, and each entry of {@code phoneIndexes} names a sealed phone column and the
 * {@code bytea} column that holds its blind index. {@link Resealing} walks the table by {@code key} (a unique
 * column) to seal rows written before encryption and to re-seal rows after a key rotation. Declared as a bean
 * by the module that owns the table.
 */
public record SealedColumns(String table, String key, List<String> columns, Map<String, String> phoneIndexes) {

    public SealedColumns {
        columns = List.copyOf(columns);
        phoneIndexes = Map.copyOf(phoneIndexes);
        for (String name : columns) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException(name);
            }
        }
    }
}
