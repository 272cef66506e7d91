package dev.chorm.query;

import dev.chorm.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Run every statement of {@link ClauseSqlTest} against the engine. */
class ClauseEngineTest extends ClauseSqlTest {
    private static Database db;

    @BeforeAll
    static void open() {
        db = SqlEngineTest.withFixtures("clauses");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    void ran(String sql) {
        db.query(sql);
    }
}
