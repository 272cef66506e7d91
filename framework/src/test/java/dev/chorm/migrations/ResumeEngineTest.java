package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.count;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.db.Database;
import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RunSql;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stop migrate at every boundary of a multi-operation migration (as a killed process would) and
 * at a failing statement, then run it again: it continues where it stopped and reaches the same end
 * state as an uninterrupted run, with no operation lost and none applied twice.
 */
class ResumeEngineTest {
    private static final TableSpec ITEM = TableSpec.builder("item")
            .column(ColumnSpec.builder("id", DataType.int64()).build())
            .column(ColumnSpec.builder("name", DataType.string()).build())
            .engine(EngineSpec.of("MergeTree")).orderBy("id").build();
    private static final ColumnSpec PRICE = ColumnSpec.builder("price", DataType.uint32())
            .defaultExpression(DefaultKind.DEFAULT, "0").build();
    private static final Migration SHOP = Migration.of(new MigrationKey("shop", "0001_initial"), List.of(), List.of(
            new CreateModel("Item", ITEM),
            new AddField("Item", PRICE, null),
            new RunSql(List.of("INSERT INTO item (id, name) VALUES (1, 'a')", "INSERT INTO item (id, name) VALUES (2, 'b')",
                    "INSERT INTO item (id, name) VALUES (3, 'c')"), List.of("TRUNCATE TABLE item")),
            new AddIndex("Item", IndexSpec.of("name_idx", "name", "bloom_filter(0.01)", 1)),
            new AlterModelSettings("Item", Map.of("merge_with_ttl_timeout", "100")),
            new AlterModelComment("Item", "items"),
            new AlterField("Item", PRICE.toBuilder().type(DataType.uint64()).build()),
            new AddConstraint("Item", ConstraintSpec.check("price_positive", "price >= 0"))), true);
    private static final int OPERATIONS = SHOP.operations().size();
    private static TableSpec uninterrupted;

    /** Thrown by the hook to stop a run, as a kill would. */
    static final class Killed extends RuntimeException {
        Killed(String where) {
            super("killed " + where);
        }
    }

    @BeforeAll
    static void runUninterrupted() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume_ref"))) {
            executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());
            uninterrupted = live(db, ITEM);
            assertThat(count(db, "SELECT count() FROM item")).isEqualTo(3);
        }
    }

    static MigrationExecutor executor(Database db, BoundaryHook hook) {
        return MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(SHOP))).boundaryHook(hook).build();
    }

    /** Return a hook that throws once, at the boundary {@code operations}/{@code statements} of {@code backwards}. */
    static BoundaryHook killAt(boolean backwards, int operations, int statements) {
        return (m, b, ops, stmts) -> {
            if (b == backwards && ops == operations && stmts == statements) {
                throw new Killed("at %d/%d".formatted(ops, stmts));
            }
        };
    }

    static IntStream operationBoundaries() {
        return IntStream.range(1, OPERATIONS);
    }

    @ParameterizedTest(name = "killed after operation {0}")
    @MethodSource("operationBoundaries")
    void forwardsRunKilledAtAnOperationBoundaryResumes(int boundary) {
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            assertKilled(() -> executor(db, killAt(false, boundary, 0)).migrate(MigrateOptions.latest()));
            MigrationStatus status = executor(db, BoundaryHook.NONE).showMigrations().get(0);
            assertThat(status.progress()).isEqualTo(boundary);
            assertThat(executor(db, BoundaryHook.NONE).migrationPlan(MigrateOptions.latest()).display(false))
                    .isEqualTo("Planned operations:\nApply shop/0001_initial (resumes at operation %d of %d)"
                            .formatted(boundary + 1, OPERATIONS));

            MigrateResult result = executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());

            assertThat(result.applied()).containsExactly(SHOP.key());
            assertEndState(db);
        }
    }

    @Test
    void forwardsRunKilledBetweenTwoStatementsOfAnOperationResumesAfterTheFirst() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            assertKilled(() -> executor(db, killAt(false, 2, 1)).migrate(MigrateOptions.latest()));
            assertThat(count(db, "SELECT count() FROM item")).isEqualTo(1);

            executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());

            assertEndState(db);
        }
    }

    @Test
    void failingStatementStopsTheRunAndTheNextRunContinuesWithIt() {
        Migration load = Migration.of(new MigrationKey("shop", "0002_load"), List.of(SHOP.key()), List.of(
                new RunSql(List.of("INSERT INTO item (id, name) VALUES (10, 'x')", "INSERT INTO item (id, name) SELECT id, name FROM staging",
                        "INSERT INTO item (id, name) VALUES (12, 'z')"), List.of())), false);
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            MigrationGraph graph = new MigrationGraph(List.of(SHOP, load));
            MigrationExecutor executor = MigrationExecutor.builder(db.executor(), graph).build();
            assertThatThrownBy(() -> executor.migrate(MigrateOptions.latest()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migration shop/0002_load failed at operation 1 of 1 (Raw SQL: INSERT INTO item (id, name) VALUES (10, 'x') (+2 more)): ")
                    .hasMessageContaining("staging")
                    .hasMessageEndingWith("Fix the cause and run migrate again: it continues with this operation.");
            // stopped inside its only operation: no operation is done, yet the migration is partial
            assertThat(MigrationStatus.render(executor.showMigrations())).contains(" [~] 0002_load (0 of 1 operations done");
            db.execute("CREATE TABLE staging (id Int64, name String) ENGINE = Memory");
            db.execute("INSERT INTO staging VALUES (11, 'y')");

            MigrateResult result = MigrationExecutor.builder(db.executor(), graph).build().migrate(MigrateOptions.latest());

            assertThat(result.applied()).containsExactly(load.key());
            assertThat(db.query("SELECT id FROM item WHERE id >= 10 ORDER BY id")).extracting(r -> r.get("id").toString())
                    .containsExactly("10", "11", "12");
        }
    }

    /**
     * The window a kill can hit: a statement ran on the server, but the process died before it recorded
     * it. Stop after each schema statement and put the record back to what it was before the statement;
     * the next run issues that statement again, which must be harmless. (RunSQL statements are the
     * user's to make idempotent, so they are left out.)
     */
    @Test
    void statementThatRanButWasNotRecordedRunsAgainHarmlessly() {
        List<int[]> boundaries = new java.util.ArrayList<>();
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            executor(db, (m, b, ops, stmts) -> boundaries.add(new int[] {ops, stmts})).migrate(MigrateOptions.latest());
        }
        List<int[]> statements = boundaries.stream().filter(at -> at[1] > 0)
                .filter(at -> !(SHOP.operations().get(at[0]) instanceof RunSql)).toList();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(OPERATIONS - 1);
        for (int[] at : statements) {
            try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
                assertKilled(() -> executor(db, killAt(false, at[0], at[1])).migrate(MigrateOptions.latest()));
                executor(db, BoundaryHook.NONE).recorder().recordProgress(SHOP, at[0], at[1] - 1, false);

                executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());

                assertEndState(db);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("statement %d of operation %d (%s) run again: %s".formatted(at[1], at[0] + 1,
                        SHOP.operations().get(at[0]).describe(), e.getMessage()), e);
            }
        }
    }

    /** A rebuild stopped after any of its statements (create, copy chunks, exchange, drop) is run again as a whole. */
    @Test
    void rebuildStoppedAfterAnyStatementIsFinishedByTheNextRun() {
        TableSpec replacing = ITEM.toBuilder().engine(EngineSpec.of("ReplacingMergeTree")).build();
        Migration rebuild = Migration.of(new MigrationKey("shop", "0002_replacing"), List.of(SHOP.key()),
                List.of(new dev.chorm.migrations.operations.AlterModelEngine("Item", replacing, true)), false);
        MigrationGraph graph = new MigrationGraph(List.of(SHOP, rebuild));
        List<Integer> statements = new java.util.ArrayList<>();
        TableSpec expected;
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            MigrationExecutor.builder(db.executor(), graph).boundaryHook((m, b, ops, stmts) -> {
                if (m.equals(rebuild.key()) && stmts > 0) {
                    statements.add(stmts);
                }
            }).build().migrate(MigrateOptions.latest());
            expected = live(db, ITEM);
        }
        assertThat(expected.engine()).isEqualTo(EngineSpec.of("ReplacingMergeTree"));
        assertThat(statements).hasSizeGreaterThanOrEqualTo(7);
        for (int at : statements) {
            try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
                assertKilled(() -> MigrationExecutor.builder(db.executor(), graph).boundaryHook((m, b, ops, stmts) -> {
                    if (m.equals(rebuild.key()) && stmts == at) {
                        throw new Killed("at statement " + at);
                    }
                }).build().migrate(MigrateOptions.latest()));

                MigrationExecutor.builder(db.executor(), graph).build().migrate(MigrateOptions.latest());

                assertThat(live(db, ITEM)).as("stopped after statement %d", at).isEqualTo(expected);
                assertThat(count(db, "SELECT count() FROM item")).as("stopped after statement %d", at).isEqualTo(3);
                assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'item%'"))
                        .as("stopped after statement %d", at).hasSize(1);
            }
        }
    }

    static IntStream backwardBoundaries() {
        return IntStream.range(1, OPERATIONS);
    }

    @ParameterizedTest(name = "unapply killed with {0} operations left")
    @MethodSource("backwardBoundaries")
    void backwardsRunKilledAtAnOperationBoundaryResumes(int boundary) {
        try (Database db = TestDatabases.open(TestDatabases.fresh("resume"))) {
            executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());
            assertKilled(() -> executor(db, killAt(true, boundary, 0)).migrate(MigrateOptions.to("shop/zero")));

            MigrateResult result = executor(db, BoundaryHook.NONE).migrate(MigrateOptions.to("shop/zero"));

            assertThat(result.unapplied()).containsExactly(SHOP.key());
            assertThat(live(db, ITEM)).isNull();
            assertThat(executor(db, BoundaryHook.NONE).recorder().records()).isEmpty();
            executor(db, BoundaryHook.NONE).migrate(MigrateOptions.latest());
            assertEndState(db);
        }
    }

    private static void assertKilled(org.assertj.core.api.ThrowableAssert.ThrowingCallable run) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(run);
        Throwable root = thrown;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).as("stopped by the hook: %s", thrown).isInstanceOf(Killed.class);
    }

    private static void assertEndState(Database db) {
        assertThat(live(db, ITEM)).isEqualTo(uninterrupted);
        assertThat(count(db, "SELECT count() FROM item")).isEqualTo(3);
        assertThat(count(db, "SELECT uniqExact(id) FROM item")).isEqualTo(3);
        MigrationRecord record = executor(db, BoundaryHook.NONE).recorder().records().get(SHOP.key());
        assertThat(record.applied()).isTrue();
        assertThat(record.checksum()).isEqualTo(SHOP.checksum());
    }
}
