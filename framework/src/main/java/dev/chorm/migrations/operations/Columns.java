package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.List;

/** Derive changed copies of a table's column list, for the operations' state changes. */
final class Columns {
    private Columns() {
    }

    /** Return {@code table} with {@code column} inserted after {@code after} (null: last, empty: first). */
    static TableSpec add(TableSpec table, ColumnSpec column, String after) {
        if (table.column(column.name()).isPresent()) {
            throw new MigrationException("Cannot add field %s to %s: it exists already.".formatted(column.name(), table.name()));
        }
        List<ColumnSpec> columns = new ArrayList<>(table.columns());
        int at = after == null ? columns.size() : after.isEmpty() ? 0 : indexOf(table, after) + 1;
        columns.add(at, column);
        return table.toBuilder().columns(columns).build();
    }

    /** Return {@code table} without the column {@code name}. */
    static TableSpec remove(TableSpec table, String name) {
        int at = indexOf(table, name);
        List<ColumnSpec> columns = new ArrayList<>(table.columns());
        columns.remove(at);
        return table.toBuilder().columns(columns).build();
    }

    /** Return {@code table} with the column named like {@code column} replaced by it. */
    static TableSpec replace(TableSpec table, String name, ColumnSpec column) {
        int at = indexOf(table, name);
        List<ColumnSpec> columns = new ArrayList<>(table.columns());
        columns.set(at, column);
        return table.toBuilder().columns(columns).build();
    }

    /** Return the column {@code name} of {@code table}, failing with a message naming both. */
    static ColumnSpec get(TableSpec table, String name) {
        return table.column(name).orElseThrow(() -> missing(table, name));
    }

    /** Return the name of the column before {@code name} (empty when it is the first). */
    static String previous(TableSpec table, String name) {
        int at = indexOf(table, name);
        return at == 0 ? "" : table.columns().get(at - 1).name();
    }

    private static int indexOf(TableSpec table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw missing(table, name);
    }

    private static MigrationException missing(TableSpec table, String name) {
        return new MigrationException("Table %s has no field %s at this point of the migrations.".formatted(table.name(), name));
    }
}
