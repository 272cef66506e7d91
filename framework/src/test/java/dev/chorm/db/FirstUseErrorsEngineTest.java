package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt16;
import dev.chorm.QueryException;
import dev.chorm.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The errors a new user meets first: querying before migrating, and createTables over another table's shape. */
class FirstUseErrorsEngineTest {
    private static Database db;
    private static String database;

    @Table(name = "first_use_hit")
    @MergeTree(orderBy = "id")
    public static class Hit extends Model {
        @UInt16 public int port;
        public String path = "";
    }

    @BeforeAll
    static void open() {
        database = TestEngine.freshDatabase("first_use");
        db = Database.open("test", TestEngine.shared().jdbcUrl(database), TestEngine.shared().jdbcProperties(), Map.of());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void queryingAModelBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);

        assertThatThrownBy(() -> db.objects(Hit.class).filter("port", 80).count())
                .isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(60))
                .hasMessageStartingWith("ClickHouse rejected: SELECT count() FROM `first_use_hit`")
                .hasMessageContaining("Code: 60.")
                .hasMessageEndingWith("\nA table that this query of model " + Hit.class.getName() + " (table first_use_hit) reads "
                        + "does not exist: apply the migrations first with `mvn clickhouse:migrate`, or "
                        + "Migrations.builder(config, db, loader, directory).build().migrate(MigrateOptions.latest()) in code.");
    }

    @Test
    void createTablesOverATableOfAnotherShapeNamesTheModelAndTheDifferences() {
        db.dropTables(Hit.class);
        db.execute("CREATE TABLE first_use_hit (id Int64, port UInt32, referrer String) ENGINE = MergeTree ORDER BY id");

        assertThatThrownBy(() -> db.createTables(Hit.class))
                .isInstanceOf(ChormException.class)
                .hasMessage("""
                        Cannot create the table of model %s: first_use_hit already exists with another shape:
                          - column port: model UInt16, live UInt32
                          - column path: missing from the live table
                          - column referrer: not in the model
                        Drop it (db.dropTables(Hit.class)) to start afresh, or change it with a migration \
                        (`mvn clickhouse:makemigrations` and `mvn clickhouse:migrate`).""", Hit.class.getName());
    }

    @Test
    void createTablesTwiceWithTheSameShapeIsFine() {
        db.dropTables(Hit.class);
        db.createTables(Hit.class);
        db.createTables(Hit.class);

        assertThat(db.compareTable(Hit.class).matches()).isTrue();
    }
}
