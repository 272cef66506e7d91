package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;

/** Drop tables the way migrations need: synchronously only where it matters. */
final class Drops {
    private Drops() {
    }

    /**
     * Drop {@code table} if it exists. Only a replicated table is dropped with SYNC (so that its Keeper
     * path is free at once); in an Atomic database a plain DROP frees the name immediately, and a SYNC
     * drop would wait for background merges of the table.
     */
    static void drop(SchemaEditor editor, TableSpec table) {
        editor.dropTable(table, true, table.engine().isReplicated());
    }
}
