package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chorm.MigrationException;
import dev.chorm.db.Database;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Progress of long operations on the embedded engine, which runs one query at a time: a mutation over
 * millions of rows and a rebuild's copy report soon, then about once a second, never the same line
 * twice; a failing mutation stops migrate with ClickHouse's reason.
 */
class ProgressEngineTest {
    private static final ColumnSpec VALUE = ColumnSpec.builder("value", DataType.uint64()).build();
    private static final TableSpec READING = TableSpec.builder("reading")
            .column(ColumnSpec.builder("id", DataType.uint64()).build()).column(VALUE)
            .engine(EngineSpec.of("MergeTree")).orderBy("id").build();
    private static final Migration INITIAL = Migration.of(new MigrationKey("meter", "0001_initial"), List.of(),
            List.of(new CreateModel("Reading", READING)), true);
    private static final long ROWS = 2_000_000;

    /** A progress line as the listener got it, with when (ms since the operation started). */
    record Line(String text, long atMillis) {
    }

    private static List<Line> migrateRecording(Database db, Migration next) {
        List<Line> lines = new ArrayList<>();
        long[] started = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void operationStarting(MigrationKey migration, int index, int count, String description) {
                started[0] = System.nanoTime();
            }

            @Override
            public void operationProgress(MigrationKey migration, int index, long done, long total, String unit) {
                lines.add(new Line(done + "/" + total + " " + unit, (System.nanoTime() - started[0]) / 1_000_000));
            }
        };
        MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(INITIAL, next))).build()
                .migrate(MigrateOptions.latest().withListener(listener));
        return lines;
    }

    private static void loadReadings(Database db) {
        MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(INITIAL))).build().migrate(MigrateOptions.latest());
        // Several inserts, so that there are several parts, as in a table written over time.
        for (long from = 0; from < ROWS; from += ROWS / 4) {
            db.execute("INSERT INTO reading SELECT number + %d, number FROM numbers(%d)".formatted(from, ROWS / 4));
        }
    }

    private static void assertProgressLines(List<Line> lines, String last) {
        assertThat(lines.size()).as("progress lines %s", lines).isGreaterThan(1);
        assertThat(new HashSet<>(lines.stream().map(Line::text).toList())).as("no line twice: %s", lines).hasSize(lines.size());
        assertThat(lines.get(0).atMillis()).as("first line soon: %s", lines).isLessThan(3000);
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo(last);
        for (int i = 1; i < lines.size() - 1; i++) {
            assertThat(lines.get(i).atMillis() - lines.get(i - 1).atMillis()).as("about once a second: %s", lines)
                    .isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void mutationOverMillionsOfRowsShowsProgressSoonAndThenAboutOnceASecond() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("progress"))) {
            loadReadings(db);
            // A slow codec makes the rewrite take seconds on few rows.
            Migration retype = Migration.of(new MigrationKey("meter", "0002_retype"), List.of(INITIAL.key()), List.of(
                    new AlterField("Reading", VALUE.toBuilder().type(DataType.string()).codec("ZSTD(20)").build())), false);

            List<Line> lines = migrateRecording(db, retype);
            System.out.println("mutation progress: " + lines);

            assertProgressLines(lines, ROWS + "/" + ROWS + " rows mutated");
            assertThat(TestDatabases.count(db, "SELECT count() FROM reading WHERE value = toString(id % " + (ROWS / 4) + ")"))
                    .isEqualTo(ROWS);
        }
    }

    @Test
    void rebuildCopyReportsRowsCopiedChunkByChunk() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("progress"))) {
            loadReadings(db);
            Migration rebuild = Migration.of(new MigrationKey("meter", "0002_replacing"), List.of(INITIAL.key()), List.of(
                    new AlterModelEngine("Reading", READING.toBuilder().engine(EngineSpec.of("ReplacingMergeTree")).build(), true)),
                    false);

            List<Line> lines = migrateRecording(db, rebuild);
            System.out.println("rebuild progress: " + lines);

            assertProgressLines(lines, ROWS + "/" + ROWS + " rows copied");
            assertThat(lines.get(0).text()).isEqualTo("0/" + ROWS + " rows copied");
            assertThat(TestDatabases.count(db, "SELECT count() FROM reading")).isEqualTo(ROWS);
            assertThat(TestDatabases.count(db, "SELECT uniqExact(id) FROM reading")).isEqualTo(ROWS);
        }
    }

    @Test
    void failingMutationIsReportedWithClickHousesReason() {
        ColumnSpec code = ColumnSpec.builder("code", DataType.string()).build();
        TableSpec label = TableSpec.builder("label").column(ColumnSpec.builder("id", DataType.uint64()).build()).column(code)
                .engine(EngineSpec.of("MergeTree")).orderBy("id").build();
        Migration create = Migration.of(new MigrationKey("tags", "0001_initial"), List.of(), List.of(new CreateModel("Label", label)), true);
        Migration retype = Migration.of(new MigrationKey("tags", "0002_numeric"), List.of(create.key()), List.of(
                new AlterField("Label", code.toBuilder().type(DataType.uint64()).build())), false);
        try (Database db = TestDatabases.open(TestDatabases.fresh("progress"))) {
            MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(create))).build().migrate(MigrateOptions.latest());
            db.execute("INSERT INTO label VALUES (1, '1'), (2, 'abc')");
            try {
                Throwable failure = catchThrowable(() -> MigrationExecutor.builder(db.executor(),
                        new MigrationGraph(List.of(create, retype))).build().migrate(MigrateOptions.latest()));

                assertThat(failure).isInstanceOf(MigrationException.class);
                assertThat(failure.getMessage())
                        .startsWith("Migration tags/0002_numeric failed at operation 1 of 1 (Alter field code on Label): Mutation ")
                        .contains(" of table label fails: Code: 6. DB::Exception: Cannot parse string 'abc' as UInt64")
                        .contains("Fix the data or the migration, stop the mutation with KILL MUTATION WHERE database = '"
                                + db.query("SELECT currentDatabase() AS d").get(0).get("d") + "' AND table = 'label' AND mutation_id = ")
                        .endsWith("Fix the cause and run migrate again: it continues with this operation.");
            } finally {
                // A failing mutation is retried for ever; stop it so that it does not load the shared engine.
                db.execute("KILL MUTATION WHERE database = currentDatabase() AND table = 'label'");
            }
        }
    }
}
