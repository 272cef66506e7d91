package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.OperationContext;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.migrations.operations.RemoveConstraint;
import dev.chorm.migrations.operations.RemoveField;
import dev.chorm.migrations.operations.RemoveIndex;
import dev.chorm.migrations.operations.RemoveProjection;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.migrations.operations.RenameIndex;
import dev.chorm.migrations.operations.RenameModel;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run every schema operation forwards and backwards against the real engine and compare the live
 * table with the project state after each step; check the SQL a few of them render.
 */
class OperationsEngineTest {
    private static final ColumnSpec NOTE = ColumnSpec.builder("note", DataType.string()).comment("free text").build();
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.open(TestDatabases.fresh("operations"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static List<Operation> chain() {
        return List.of(
                new CreateModel("Item", States.table("item").build()),
                new AddField("Item", NOTE, "ts"),
                new AlterField("Item", NOTE.toBuilder().defaultExpression(DefaultKind.DEFAULT, "'none'").comment("")
                        .codec("ZSTD(3)").build()),
                new RenameField("Item", "note", "remark"),
                new AddIndex("Item", IndexSpec.of("port_idx", "port", "minmax", 2)),
                new RenameIndex("Item", "port_idx", "port_minmax"),
                new AddConstraint("Item", ConstraintSpec.check("port_range", "port < 60000")),
                new AddProjection("Item", ProjectionSpec.of("by_port", "SELECT port, count() GROUP BY port")),
                new AlterModelSettings("Item", Map.of("merge_with_ttl_timeout", "3600")),
                new AlterModelTtl("Item", List.of("ts + toIntervalDay(30)")),
                new AlterModelComment("Item", "items"),
                new AlterModelOrderBy("Item", List.of("id", "region"), List.of(new AddField("Item",
                        ColumnSpec.builder("region", DataType.lowCardinality(DataType.string())).build(), "id"))),
                new RemoveProjection("Item", "by_port"),
                new RemoveConstraint("Item", "port_range"),
                new RemoveIndex("Item", "port_minmax"),
                new RemoveField("Item", "remark"),
                new AlterModelEngine("Item", States.table("item").engine(EngineSpec.of("ReplacingMergeTree", "ts"))
                        .partitionBy("toYYYYMM(ts)").build(), true),
                new RenameModel("Item", "Product"),
                new AlterModelTable("Product", "product"),
                new DeleteModel("Product"));
    }

    @Test
    void everyOperationRunsForwardsAndBackwardsToTheStateItDescribes() {
        List<Operation> ops = chain();
        ProjectState[] states = new ProjectState[ops.size() + 1];
        states[0] = new ProjectState();
        SchemaEditor editor = db.schemaEditor();
        OperationContext ctx = new OperationContext("shop", editor, db.executor(), null, null);
        for (int i = 0; i < ops.size(); i++) {
            states[i + 1] = states[i].copy();
            ops.get(i).stateForwards("shop", states[i + 1]);
            ops.get(i).databaseForwards(ctx, states[i], states[i + 1]);
            assertMatches(states[i + 1], ops.get(i), "forwards");
            insertRow(states[i + 1], i);
        }
        for (int i = ops.size() - 1; i >= 0; i--) {
            ops.get(i).databaseBackwards(ctx, states[i + 1], states[i]);
            assertMatches(states[i], ops.get(i), "backwards");
        }
    }

    /** Insert a row after each step, so that later steps (mutations, the rebuild) work on data. */
    private static void insertRow(ProjectState state, int id) {
        state.models("shop").values().forEach(t -> db.execute("INSERT INTO %s (id, port) VALUES (%d, 1)".formatted(t.name(), id)));
    }

    private static void assertMatches(ProjectState state, Operation op, String direction) {
        for (String model : List.of("Item", "Product")) {
            state.findModel("shop", model).ifPresent(t -> assertThat(live(db, t))
                    .as("%s %s", direction, op.describe()).isEqualTo(canonical(db, t)));
        }
        for (String table : List.of("item", "product")) {
            boolean expected = state.models("shop").values().stream().anyMatch(t -> t.name().equals(table));
            assertThat(live(db, TableSpec.builder(table).build()) != null).as("%s %s: table %s exists", direction,
                    op.describe(), table).isEqualTo(expected);
        }
    }

    @Test
    void alterFieldRemovesWhatTheNewDefinitionDrops() {
        TableSpec table = States.table("t").column(NOTE.toBuilder().defaultExpression(DefaultKind.DEFAULT, "'x'").build()).build();
        ProjectState before = States.state("shop", table);
        ProjectState after = before.copy();
        AlterField op = new AlterField("T", NOTE.toBuilder().comment("").build());
        op.stateForwards("shop", after);
        SchemaEditor editor = SchemaEditor.collecting();
        op.databaseForwards(OperationContext.collecting("shop", editor), before, after);
        assertThat(editor.collectedStatements()).containsExactly(
                "ALTER TABLE `t` MODIFY COLUMN `note` REMOVE DEFAULT",
                "ALTER TABLE `t` MODIFY COLUMN `note` REMOVE COMMENT");
    }

    @Test
    void sortingKeyExtensionIsOneStatement() {
        ProjectState before = States.state("shop", States.table("t").build());
        ProjectState after = before.copy();
        AlterModelOrderBy op = new AlterModelOrderBy("T", List.of("id", "region"),
                List.of(new AddField("T", ColumnSpec.builder("region", DataType.string()).build(), "id")));
        op.stateForwards("shop", after);
        SchemaEditor editor = SchemaEditor.collecting();
        op.databaseForwards(OperationContext.collecting("shop", editor), before, after);
        assertThat(editor.collectedStatements()).containsExactly(
                "ALTER TABLE `t` ADD COLUMN `region` String AFTER `id`, MODIFY ORDER BY (id, region)");
        assertThat(after.model("shop", "T").primaryKey()).containsExactly("id");
    }

    @Test
    void rebuildCreatesCopiesExchangesAndDrops() {
        TableSpec old = States.table("t").build();
        ProjectState before = States.state("shop", old);
        ProjectState after = before.copy();
        AlterModelEngine op = new AlterModelEngine("T", old.toBuilder().engine(EngineSpec.of("ReplacingMergeTree")).build(), true);
        op.stateForwards("shop", after);
        SchemaEditor editor = SchemaEditor.collecting();
        op.databaseForwards(OperationContext.collecting("shop", editor), before, after);
        assertThat(editor.collectedStatements()).containsExactly(
                "DROP TABLE IF EXISTS `t__chorm_rebuild`",
                "CREATE TABLE `t__chorm_rebuild`\n(\n    `id` Int64,\n    `ts` DateTime,\n    `port` UInt16\n)\n"
                        + "ENGINE = ReplacingMergeTree\nORDER BY id",
                "INSERT INTO `t__chorm_rebuild` (`id`, `ts`, `port`) SELECT `id`, `ts`, `port` FROM `t`",
                "EXCHANGE TABLES `t` AND `t__chorm_rebuild`",
                "DROP TABLE IF EXISTS `t__chorm_rebuild`");
    }
}
