package dev.chorm.query;

import dev.chorm.db.Database;
import dev.chorm.testing.TestEngine;
import java.util.Map;

/** Open a chorm {@link Database} on a fresh database of the shared test engine. */
final class EngineSupport {
    private EngineSupport() {
    }

    /** Return a Database whose default database is a new one named after {@code prefix}; close it. */
    static Database open(String prefix) {
        String name = TestEngine.freshDatabase(prefix);
        return Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(), Map.of());
    }
}
