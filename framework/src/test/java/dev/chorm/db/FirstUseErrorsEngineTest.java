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
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
    void bulkCreateBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);

        assertWriteSaysToMigrate(() -> db.objects(Hit.class).bulkCreate(List.of(new Hit(), new Hit())),
                "ClickHouse rejected the insert into `first_use_hit`: ", "insert");
    }

    @Test
    void createBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);

        assertWriteSaysToMigrate(() -> db.objects(Hit.class).create(new Hit()),
                "ClickHouse rejected the insert into `first_use_hit`: ", "insert");
    }

    @Test
    void saveOfAStoredObjectBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);
        Hit hit = new Hit();
        hit.setId(7);

        assertWriteSaysToMigrate(() -> db.objects(Hit.class).save(hit), "ClickHouse rejected: SELECT ", "save");
    }

    @Test
    void updateBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);

        assertWriteSaysToMigrate(() -> db.objects(Hit.class).filter("port", 80).update(Map.of("path", "/")),
                "ClickHouse rejected: UPDATE `first_use_hit`", "update");
    }

    @Test
    void deleteBeforeMigratingSaysToMigrate() {
        db.dropTables(Hit.class);

        assertWriteSaysToMigrate(() -> db.objects(Hit.class).filter("port", 80).delete(),
                "ClickHouse rejected: DELETE FROM `first_use_hit`", "delete");
    }

    /** Assert that {@code write} fails with code 60 and the same hint as a read, naming the {@code statement}. */
    private static void assertWriteSaysToMigrate(ThrowingCallable write, String start, String statement) {
        assertThatThrownBy(write)
                .isInstanceOf(ChormException.class)
                .satisfies(e -> assertThat(((ChormException) e).errorCode()).isEqualTo(60))
                .hasMessageStartingWith(start)
                .hasMessageContaining("Code: 60.")
                .hasMessageEndingWith("\nA table that this " + statement + " of model " + Hit.class.getName()
                        + " (table first_use_hit) writes does not exist: apply the migrations first with `mvn clickhouse:migrate`, or "
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
