package dev.chorm.migrations;

import static dev.chorm.migrations.States.assertOperationTypes;
import static dev.chorm.migrations.States.assertReplays;
import static dev.chorm.migrations.States.changes;
import static dev.chorm.migrations.States.state;
import static dev.chorm.migrations.States.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorm.MigrationException;
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
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Detect each kind of change between two in-memory states; no database involved. */
class AutodetectorTest {
    private static final TableSpec EVENT = table("event").build();
    private static final ColumnSpec NOTE = ColumnSpec.builder("note", DataType.string()).build();

    private static Map<String, List<Operation>> detect(TableSpec before, TableSpec after, String... answers) {
        Map<String, List<Operation>> changes = changes(state("events", before), state("events", after), answers);
        assertReplays(state("events", before), state("events", after), changes);
        return changes;
    }

    @Test
    void noChangeGivesNoOperation() {
        assertThat(changes(state("events", EVENT), state("events", EVENT))).isEmpty();
    }

    @Test
    void newModelIsCreated() {
        Map<String, List<Operation>> changes = changes(new ProjectState(), state("events", EVENT));
        assertOperationTypes(changes, "events", CreateModel.class);
        assertThat(changes.get("events").get(0)).isEqualTo(new CreateModel("Event", EVENT));
    }

    @Test
    void removedModelIsDeleted() {
        assertOperationTypes(changes(state("events", EVENT), new ProjectState()), "events", DeleteModel.class);
    }

    @Test
    void renamedModelIsRenamedWhenAnswered() {
        ProjectState before = state("events", EVENT);
        ProjectState after = new ProjectState();
        after.putModel("events", "FirewallEvent", EVENT.toBuilder().name("firewall_event").build());
        Map<String, List<Operation>> changes = changes(before, after, "events.Event=FirewallEvent");
        assertOperationTypes(changes, "events", RenameModel.class, AlterModelTable.class);
        assertReplays(before, after, changes);
    }

    @Test
    void aRenamedModelBesideADeletedOneIsRenamedAndTheOtherDeleted() {
        ProjectState before = state("events", EVENT, States.table("other").build());
        ProjectState after = new ProjectState();
        after.putModel("events", "FirewallEvent", EVENT.toBuilder().name("firewall_event").build());
        Map<String, List<Operation>> changes = changes(before, after, "events.Event=FirewallEvent");
        assertOperationTypes(changes, "events", RenameModel.class, AlterModelTable.class, DeleteModel.class);
        assertReplays(before, after, changes);
    }

    @Test
    void possibleModelRenameWithoutAnswerFailsNamingTheOption() {
        ProjectState after = new ProjectState();
        after.putModel("events", "FirewallEvent", EVENT);
        assertThatThrownBy(() -> changes(state("events", EVENT), after))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Model events.Event was removed and model FirewallEvent added")
                .hasMessageContaining("-Dclickhouse.renames=events.Event=FirewallEvent");
    }

    @Test
    void modelRenameDeclinedDeletesAndCreates() {
        ProjectState after = new ProjectState();
        after.putModel("events", "FirewallEvent", EVENT);
        assertOperationTypes(changes(state("events", EVENT), after, "events.Event!=FirewallEvent"), "events",
                DeleteModel.class, CreateModel.class);
    }

    @Test
    void tableNameChangeRenamesTable() {
        ProjectState after = new ProjectState();
        after.putModel("events", "Event", EVENT.toBuilder().name("events").build());
        Map<String, List<Operation>> changes = changes(state("events", EVENT), after);
        assertOperationTypes(changes, "events", AlterModelTable.class);
        assertReplays(state("events", EVENT), after, changes);
    }

    @Test
    void newFieldIsAddedAfterItsPredecessor() {
        Map<String, List<Operation>> changes = detect(EVENT, table("event").column(NOTE).build());
        assertOperationTypes(changes, "events", AddField.class);
        assertThat(changes.get("events").get(0)).isEqualTo(new AddField("Event", NOTE, "port"));
    }

    @Test
    void removedFieldIsRemoved() {
        TableSpec without = EVENT.toBuilder().columns(EVENT.columns().subList(0, 2)).build();
        assertOperationTypes(detect(EVENT, without), "events", RemoveField.class);
    }

    @Test
    void changedFieldIsAltered() {
        ColumnSpec port = ColumnSpec.builder("port", DataType.uint32()).defaultExpression(DefaultKind.DEFAULT, "80").build();
        TableSpec after = EVENT.toBuilder().columns(List.of(EVENT.columns().get(0), EVENT.columns().get(1), port)).build();
        Map<String, List<Operation>> changes = detect(EVENT, after);
        assertOperationTypes(changes, "events", AlterField.class);
        assertThat(changes.get("events").get(0)).isEqualTo(new AlterField("Event", port));
    }

    @Test
    void renamedFieldIsRenamedWhenAnswered() {
        ColumnSpec dstPort = ColumnSpec.builder("dst_port", DataType.uint16()).build();
        TableSpec after = EVENT.toBuilder().columns(List.of(EVENT.columns().get(0), EVENT.columns().get(1), dstPort)).build();
        assertOperationTypes(detect(EVENT, after, "events.Event.port=dst_port"), "events", RenameField.class);
        assertOperationTypes(detect(EVENT, after, "events.Event.port!=dst_port"), "events",
                RemoveField.class, AddField.class);
    }

    @Test
    void possibleFieldRenameWithoutAnswerFailsNamingTheOption() {
        ColumnSpec dstPort = ColumnSpec.builder("dst_port", DataType.uint16()).build();
        TableSpec after = EVENT.toBuilder().columns(List.of(EVENT.columns().get(0), EVENT.columns().get(1), dstPort)).build();
        assertThatThrownBy(() -> detect(EVENT, after)).isInstanceOf(MigrationException.class)
                .hasMessage("Field events.Event.port was removed and field dst_port added with the same definition."
                        + " Did you rename it? To rename it (keeping its data), run with"
                        + " -Dclickhouse.renames=events.Event.port=dst_port; to drop port and add dst_port, run with"
                        + " -Dclickhouse.renames=events.Event.port!=dst_port");
    }

    @Test
    void renameQuestionAfterOtherAnswersShowsTheWholeOptionValueThatAnswersIt() {
        ColumnSpec dstPort = ColumnSpec.builder("dst_port", DataType.uint16()).build();
        TableSpec after = EVENT.toBuilder().columns(List.of(EVENT.columns().get(0), EVENT.columns().get(1), dstPort)).build();
        ProjectState before = state("events", EVENT);
        before.putModel("billing", "Invoice", table("invoice").build());
        ProjectState now = state("events", after);
        TableSpec invoice = table("invoice").build();
        now.putModel("billing", "Invoice", invoice.toBuilder().columns(List.of(invoice.columns().get(0),
                invoice.columns().get(1), ColumnSpec.builder("pages", DataType.uint16()).build())).build());
        String given = "billing.Invoice.port!=pages";
        String question = assertThrows(MigrationException.class, () -> changes(before, now, given)).getMessage();
        assertThat(question).isEqualTo("Field events.Event.port was removed and field dst_port added with the same"
                + " definition. Did you rename it? To rename it (keeping its data), run with"
                + " -Dclickhouse.renames=billing.Invoice.port!=pages,events.Event.port=dst_port; to drop port and add"
                + " dst_port, run with -Dclickhouse.renames=billing.Invoice.port!=pages,events.Event.port!=dst_port");

        String answer = question.substring(question.indexOf("-Dclickhouse.renames=") + "-Dclickhouse.renames=".length(),
                question.indexOf(';'));
        Map<String, List<Operation>> answered = changes(before, now, answer.split(","));
        assertOperationTypes(answered, "events", RenameField.class);
        assertOperationTypes(answered, "billing", RemoveField.class, AddField.class);
    }

    @Test
    void indexesAreAddedRemovedRenamedAndReplaced() {
        IndexSpec portIdx = IndexSpec.of("port_idx", "port", "minmax", 1);
        TableSpec with = table("event").index(portIdx).build();
        assertOperationTypes(detect(EVENT, with), "events", AddIndex.class);
        assertOperationTypes(detect(with, EVENT), "events", RemoveIndex.class);
        TableSpec renamed = table("event").index(IndexSpec.of("port_minmax", "port", "minmax", 1)).build();
        assertOperationTypes(detect(with, renamed), "events", RenameIndex.class);
        TableSpec changed = table("event").index(IndexSpec.of("port_idx", "port", "minmax", 4)).build();
        assertOperationTypes(detect(with, changed), "events", RemoveIndex.class, AddIndex.class);
    }

    @Test
    void constraintsAreAddedAndRemoved() {
        TableSpec with = table("event").constraint(ConstraintSpec.check("port_range", "port < 1024")).build();
        assertOperationTypes(detect(EVENT, with), "events", AddConstraint.class);
        assertOperationTypes(detect(with, EVENT), "events", RemoveConstraint.class);
    }

    @Test
    void projectionsAreAddedAndRemoved() {
        TableSpec with = table("event").projection(ProjectionSpec.of("by_port", "SELECT port, count() GROUP BY port")).build();
        assertOperationTypes(detect(EVENT, with), "events", AddProjection.class);
        assertOperationTypes(detect(with, EVENT), "events", RemoveProjection.class);
    }

    @Test
    void settingsChangeAltersSettings() {
        TableSpec with = table("event").setting("merge_with_ttl_timeout", "3600").build();
        Map<String, List<Operation>> changes = detect(EVENT, with);
        assertOperationTypes(changes, "events", AlterModelSettings.class);
        assertOperationTypes(detect(with, EVENT), "events", AlterModelSettings.class);
    }

    @Test
    void readOnlySettingChangeNeedsRebuild() {
        TableSpec with = table("event").setting("index_granularity", "1024").build();
        assertOperationTypes(detect(EVENT, with), "events", AlterModelEngine.class);
    }

    @Test
    void ttlChangeAltersTtl() {
        TableSpec with = table("event").ttl("ts + INTERVAL 1 DAY").build();
        assertOperationTypes(detect(EVENT, with), "events", AlterModelTtl.class);
        assertOperationTypes(detect(with, EVENT), "events", AlterModelTtl.class);
    }

    @Test
    void commentChangeAltersComment() {
        assertOperationTypes(detect(EVENT, table("event").comment("events").build()), "events", AlterModelComment.class);
    }

    @Test
    void sortingKeyExtendedWithNewColumnIsAlteredInPlace() {
        TableSpec after = table("event").column(NOTE).orderBy("id", "note").primaryKey("id").build();
        Map<String, List<Operation>> changes = detect(EVENT, after);
        assertOperationTypes(changes, "events", AlterModelOrderBy.class);
        assertThat(changes.get("events").get(0))
                .isEqualTo(new AlterModelOrderBy("Event", List.of("id", "note"), List.of(new AddField("Event", NOTE, "port"))));
    }

    @Test
    void sortingKeyExtendedByAModelThatStatesNoPrimaryKeyKeepsTheRecordedOne() {
        TableSpec after = table("event").column(NOTE).orderBy("id", "note").build();
        Map<String, List<Operation>> changes = changes(state("events", EVENT), state("events", after));
        assertThat(changes.get("events")).containsExactly(
                new AlterModelOrderBy("Event", List.of("id", "note"), List.of(new AddField("Event", NOTE, "port"))));

        ProjectState migrated = state("events", EVENT);
        changes.get("events").forEach(op -> op.stateForwards("events", migrated));
        assertThat(migrated.model("events", "Event").primaryKey()).containsExactly("id");
        assertThat(changes(migrated, state("events", after))).as("the next makemigrations finds nothing").isEmpty();
    }

    @Test
    void primaryKeyChangeThatStatingTheCurrentOneAvoidsSaysSo() {
        ColumnSpec region = ColumnSpec.builder("region", DataType.string()).build();
        TableSpec after = table("event").column(NOTE).column(region).orderBy("id", "note", "region").primaryKey("id", "note").build();
        Autodetector detector = new Autodetector(state("events", EVENT), state("events", after),
                new NonInteractiveQuestioner(Set.of(), false));
        assertThatThrownBy(detector::changes).isInstanceOf(MigrationException.class)
                .hasMessage("Model events.Event changes its primary key from (id) to (id, note), which ClickHouse cannot"
                        + " ALTER: the table must be rebuilt, copying every row. Set -Dclickhouse.allowDataCopy=true to"
                        + " write that migration, or keep the current primary key by stating it in the model"
                        + " (primaryKey = \"id\"): then the sorting key is extended in place, without a rebuild.");

        TableSpec stated = after.toBuilder().primaryKey("id").build();
        assertOperationTypes(detect(EVENT, stated), "events", AlterModelOrderBy.class);
    }

    @Test
    void severalModelsInSeveralAppsEachGetTheirOwnOperations() {
        ProjectState before = state("events", EVENT, table("alert").build(), table("host").build());
        before.putModel("billing", "Invoice", table("invoice").build());
        before.putModel("billing", "Payment", table("payment").build());
        ProjectState after = state("events", EVENT.toBuilder().column(NOTE).build(), table("alert").build());
        after.putModel("billing", "Invoice", table("invoice").build());
        after.putModel("billing", "Payment", table("payment").comment("paid").build());
        after.putModel("billing", "Refund", table("refund").build());

        Map<String, List<Operation>> changes = changes(before, after);

        assertThat(changes.get("events")).extracting(Operation::describe)
                .containsExactly("Delete model Host", "Add field note to Event");
        assertThat(changes.get("billing")).extracting(Operation::describe)
                .containsExactly("Create model Refund (table refund)", "Alter comment of Payment");
        assertReplays(before, after, changes);
    }

    @Test
    void sortingKeyOtherChangeNeedsRebuild() {
        assertOperationTypes(detect(EVENT, table("event").orderBy("id", "port").primaryKey("id").build()), "events",
                AlterModelEngine.class);
        assertOperationTypes(detect(EVENT, table("event").orderBy("ts").build()), "events", AlterModelEngine.class);
    }

    @Test
    void engineChangeNeedsRebuildWithOptIn() {
        TableSpec after = table("event").engine(EngineSpec.of("ReplacingMergeTree", "ts")).build();
        Map<String, List<Operation>> changes = detect(EVENT, after);
        assertOperationTypes(changes, "events", AlterModelEngine.class);
        assertThat(changes.get("events").get(0)).isEqualTo(new AlterModelEngine("Event", after, true));
    }

    @Test
    void engineChangeWithoutOptInFailsNamingTheOption() {
        TableSpec after = table("event").engine(EngineSpec.of("ReplacingMergeTree", "ts")).build();
        Autodetector detector = new Autodetector(state("events", EVENT), state("events", after),
                new NonInteractiveQuestioner(Set.of(), false));
        assertThatThrownBy(detector::changes).isInstanceOf(MigrationException.class)
                .hasMessage("Model events.Event changes its engine from MergeTree to ReplacingMergeTree(ts), which"
                        + " ClickHouse cannot ALTER: the table must be rebuilt, copying every row. Set"
                        + " -Dclickhouse.allowDataCopy=true to write that migration.");
    }

    @Test
    void partitionKeyChangeNeedsRebuild() {
        assertOperationTypes(detect(EVENT, table("event").partitionBy("toYYYYMM(ts)").build()), "events",
                AlterModelEngine.class);
    }

    @Test
    void severalChangesComeInAnOrderClickHouseAccepts() {
        TableSpec before = table("event").index(IndexSpec.of("port_idx", "port", "minmax", 1)).build();
        TableSpec after = TableSpec.builder("event").column(before.columns().get(0)).column(before.columns().get(1))
                .column(NOTE).engine(EngineSpec.of("MergeTree")).orderBy("id").ttl("ts + INTERVAL 1 DAY")
                .setting("merge_with_ttl_timeout", "60").comment("c").build();
        assertOperationTypes(detect(before, after), "events", RemoveIndex.class, RemoveField.class, AddField.class,
                AlterModelTtl.class, AlterModelSettings.class, AlterModelComment.class);
    }

    @Test
    void appsAreIndependent() {
        ProjectState before = state("events", EVENT);
        ProjectState after = state("events", EVENT);
        after.putModel("billing", "Invoice", table("invoice").build());
        assertThat(changes(before, after)).containsOnlyKeys("billing");
    }
}
