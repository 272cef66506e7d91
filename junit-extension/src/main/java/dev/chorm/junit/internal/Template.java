package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import java.util.List;

/**
 * A database migrated once per JVM for one alias, whose tables each test class copies (structure
 * only, CREATE TABLE ... AS) so that a class costs a few statements instead of a migration run.
 *
 * @param admin the connection that created it
 * @param database its name
 * @param tables its tables
 */
record Template(Database admin, String database, List<Tables.Table> tables) {
    /** Return whether every table can be copied; if not, classes are migrated directly. */
    boolean copyable() {
        return tables.stream().allMatch(Tables.Table::copyable);
    }

    /** Create the template's tables, empty, in {@code target}. */
    void copyInto(String target) {
        var editor = admin.schemaEditor();
        for (Tables.Table t : tables) {
            editor.createTableAs(target, t.name(), database, t.name(), "");
        }
    }

    /** Drop the template. */
    void drop() {
        admin.execute(admin.schemaEditor().renderer().dropDatabase(database, "", false));
    }
}
