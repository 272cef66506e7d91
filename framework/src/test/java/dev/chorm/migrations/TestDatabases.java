package dev.chorm.migrations;

import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.testing.TestEngine;
import java.util.Map;

/** Open fresh databases of the shared test engine and read tables back. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** Create a fresh database and return its name. */
    static String fresh(String prefix) {
        return TestEngine.freshDatabase(prefix);
    }

    /** Open {@code name} on its own connection pool; close it. */
    static Database open(String name) {
        return open(name, Map.of());
    }

    /** Open {@code name} with ClickHouse {@code settings} on every query; close it. */
    static Database open(String name, Map<String, String> settings) {
        EmbeddedClickHouse engine = TestEngine.shared();
        return Database.open("test", engine.jdbcUrl(name), engine.jdbcProperties(), settings);
    }

    /** Return the live table named like {@code model}, or null when it does not exist. */
    static TableSpec live(Database db, TableSpec model) {
        return db.schemaEditor().introspect(model).orElse(null);
    }

    /** Return {@code model} with its expressions formatted as the engine stores them. */
    static TableSpec canonical(Database db, TableSpec model) {
        SchemaEditor editor = db.schemaEditor();
        return editor.canonicalize(model);
    }

    /** Return the single number a query returns. */
    static long count(Database db, String sql) {
        return Long.parseLong(db.query(sql).get(0).values().iterator().next().toString());
    }
}
