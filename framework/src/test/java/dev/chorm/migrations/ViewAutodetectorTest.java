package dev.chorm.migrations;

import static dev.chorm.migrations.States.changes;
import static dev.chorm.migrations.States.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AlterViewQuery;
import dev.chorm.migrations.operations.AlterViewRefresh;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.migrations.operations.RecreateView;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views in the autodetector: dependency order of creates and deletes, in-place query changes and re-creates; no database. */
class ViewAutodetectorTest {
    // Declared so that name order is the wrong order: the view over the rollup sorts first, the raw table last.
    private static final TableSpec RAW = table("zraw").build();
    private static final TableSpec ROLLUP = table("mrollup").build();
    private static final TableSpec MV = table("bmv").engine(EngineSpec.of("MaterializedView")).orderBy(List.of())
            .view(ViewSpec.materialized("SELECT id, ts, port FROM zraw", TableRef.of("mrollup"), List.of(TableRef.of("zraw"))))
            .build();
    private static final TableSpec VIEW = view("SELECT id, ts, port FROM mrollup");

    private static TableSpec view(String query) {
        return table("aview").engine(EngineSpec.of("View")).orderBy(List.of())
                .view(ViewSpec.view(query, List.of(TableRef.of("mrollup")))).build();
    }

    private static ProjectState chain() {
        ProjectState s = new ProjectState();
        s.putModel("events", "Aview", VIEW);
        s.putModel("events", "Bmv", MV);
        s.putModel("events", "Mrollup", ROLLUP);
        s.putModel("events", "Zraw", RAW);
        return s;
    }

    private static List<String> describe(Map<String, List<Operation>> changes, String app) {
        return changes.get(app).stream().map(Operation::describe).toList();
    }

    @Test
    void aChainIsCreatedDependenciesFirstAndDeletedInReverse() {
        Map<String, List<Operation>> created = changes(new ProjectState(), chain());
        assertThat(describe(created, "events")).containsExactly("Create model Mrollup (table mrollup)",
                "Create model Aview (table aview)", "Create model Zraw (table zraw)", "Create model Bmv (table bmv)");

        Map<String, List<Operation>> deleted = changes(chain(), new ProjectState());
        assertThat(deleted.get("events")).containsExactly(new DeleteModel("Bmv"), new DeleteModel("Zraw"),
                new DeleteModel("Aview"), new DeleteModel("Mrollup"));
    }

    @Test
    void aChangedQueryIsAlteredInPlaceAndReplaysToTheNewState() {
        ProjectState after = chain();
        TableSpec changed = view("SELECT id, ts, port FROM mrollup WHERE port > 0");
        after.putModel("events", "Aview", changed);
        Map<String, List<Operation>> ops = changes(chain(), after);
        assertThat(ops.get("events")).containsExactly(new AlterViewQuery("Aview", changed));
        assertThat(ops.get("events").get(0).describe()).isEqualTo("Change the query of view Aview (CREATE OR REPLACE VIEW)");
        States.assertReplays(chain(), after, ops);
    }

    @Test
    void aMaterializedViewQueryChangeIsModifyQueryAndANewTargetIsARecreate() {
        ProjectState after = chain();
        TableSpec query = MV.toBuilder().view(MV.view().withQuery("SELECT id, ts, port + 1 AS port FROM zraw")).build();
        after.putModel("events", "Bmv", query);
        assertThat(changes(chain(), after).get("events").get(0).describe())
                .isEqualTo("Change the query of view Bmv (ALTER TABLE ... MODIFY QUERY)");

        TableSpec retargeted = MV.toBuilder().view(ViewSpec.materialized(MV.view().query(), TableRef.of("zraw2"),
                List.of(TableRef.of("zraw")))).build();
        after.putModel("events", "Bmv", retargeted);
        Map<String, List<Operation>> ops = changes(chain(), after);
        assertThat(ops.get("events")).containsExactly(new RecreateView("Bmv", retargeted, "its TO table changes from mrollup to zraw2"));
        assertThat(ops.get("events").get(0).describe())
                .isEqualTo("Drop and create view Bmv again (its TO table changes from mrollup to zraw2)");
    }

    @Test
    void ownStorageChangeIsARecreateThatSaysTheRowsAreLost() {
        TableSpec own = table("own").view(ViewSpec.materialized("SELECT id, ts, port FROM zraw", null, List.of(TableRef.of("zraw")))).build();
        TableSpec reordered = own.toBuilder().orderBy("ts").build();
        Map<String, List<Operation>> ops = changes(States.state("events", RAW, own), States.state("events", RAW, reordered));
        assertThat(ops.get("events")).containsExactly(new RecreateView("Own", reordered,
                "its own storage changes, so the rows it holds are lost: backfill them with INSERT ... SELECT"));
    }

    @Test
    void aTableADictionaryStopsReadingIsDroppedAfterTheDictionaryChanges() {
        TableSpec dict = table("dict").engine(EngineSpec.of("Dictionary")).orderBy(List.of())
                .dictionary(dev.chorm.model.DictionarySpec.ofTable("zraw", "", List.of("id"), dev.chorm.model.DictionaryLayout.HASHED, 0, 0))
                .build();
        TableSpec moved = dict.toBuilder()
                .dictionary(dev.chorm.model.DictionarySpec.ofTable("mrollup", "", List.of("id"), dev.chorm.model.DictionaryLayout.HASHED, 0, 0))
                .build();
        TableSpec other = table("mrollup").column(dev.chorm.model.ColumnSpec.builder("extra", dev.chorm.types.DataType.parse("UInt8")).build())
                .build();
        Map<String, List<Operation>> ops = changes(States.state("events", RAW, dict), States.state("events", other, moved));
        // ClickHouse refuses DROP TABLE zraw while dictionary dict still reads it
        assertThat(describe(ops, "events")).containsExactly("Create model Mrollup (table mrollup)",
                "Replace dictionary Dict (dict) with CREATE OR REPLACE DICTIONARY", "Delete model Zraw");
    }

    @Test
    void aMaterializedViewsCommentIsModifiedInPlaceKeepingItsRows() {
        TableSpec own = table("own").view(ViewSpec.materialized("SELECT id, ts, port FROM zraw", null, List.of(TableRef.of("zraw")))).build();
        TableSpec commented = own.toBuilder().comment("per port").build();
        assertThat(changes(States.state("events", RAW, own), States.state("events", RAW, commented)).get("events"))
                .containsExactly(new dev.chorm.migrations.operations.AlterModelComment("Own", "per port"));
        TableSpec both = commented.toBuilder().view(own.view().withQuery("SELECT id, ts, port FROM zraw WHERE port > 0")).build();
        assertThat(changes(States.state("events", RAW, own), States.state("events", RAW, both)).get("events"))
                .containsExactly(new dev.chorm.migrations.operations.AlterModelComment("Own", "per port"), new AlterViewQuery("Own", both));
    }

    @Test
    void anyRecreateOfAViewWithItsOwnStorageSaysTheRowsAreLost() {
        TableSpec own = table("own").view(ViewSpec.materialized("SELECT id, ts, port FROM zraw", null, List.of(TableRef.of("zraw")))).build();
        TableSpec refreshed = own.toBuilder().view(own.view().withRefresh(new ViewSpec.Refresh("EVERY 1 HOUR", false, List.of()))).build();
        assertThat(changes(States.state("events", RAW, own), States.state("events", RAW, refreshed)).get("events"))
                .containsExactly(new RecreateView("Own", refreshed, "its refresh clause changes, and the rows it holds are lost:"
                        + " backfill them with INSERT ... SELECT"));
        TableSpec retargeted = table("own").engine(EngineSpec.of("MaterializedView")).orderBy(List.of())
                .view(ViewSpec.materialized("SELECT id, ts, port FROM zraw", TableRef.of("zraw"), List.of(TableRef.of("zraw")))).build();
        assertThat(changes(States.state("events", RAW, own), States.state("events", RAW, retargeted)).get("events"))
                .containsExactly(new RecreateView("Own", retargeted, "its TO table changes from null to zraw, and the rows it"
                        + " holds are lost: backfill them with INSERT ... SELECT"));
    }

    @Test
    void aRefreshableViewsScheduleIsModifiedInPlaceButAppendIsARecreate() {
        ViewSpec.Refresh hourly = new ViewSpec.Refresh("EVERY 1 HOUR", true, List.of(TableRef.of("mrollup")));
        TableSpec before = MV.toBuilder().view(MV.view().withRefresh(hourly)).build();
        ViewSpec.Refresh daily = new ViewSpec.Refresh("EVERY 1 DAY", true, List.of());
        TableSpec after = before.toBuilder().view(before.view().withRefresh(daily)).build();
        Map<String, List<Operation>> ops = changes(States.state("events", RAW, ROLLUP, before), States.state("events", RAW, ROLLUP, after));
        assertThat(ops.get("events")).containsExactly(new AlterViewRefresh("Bmv", daily));
        States.assertReplays(States.state("events", RAW, ROLLUP, before), States.state("events", RAW, ROLLUP, after), ops);

        TableSpec both = after.toBuilder().view(after.view().withQuery("SELECT id, ts, port + 1 AS port FROM zraw")).build();
        assertThat(changes(States.state("events", RAW, ROLLUP, before), States.state("events", RAW, ROLLUP, both)).get("events"))
                .containsExactly(new AlterViewRefresh("Bmv", daily), new AlterViewQuery("Bmv", both));

        TableSpec replacing = before.toBuilder().view(before.view().withRefresh(new ViewSpec.Refresh("EVERY 1 HOUR", false,
                hourly.dependsOn()))).build();
        assertThat(changes(States.state("events", RAW, ROLLUP, before), States.state("events", RAW, ROLLUP, replacing)).get("events"))
                .containsExactly(new RecreateView("Bmv", replacing, "its refresh clause changes"));
    }

    @Test
    void aTableDoesNotTurnIntoAViewInPlace() {
        ProjectState after = States.state("events", RAW, view("SELECT 1").toBuilder().name("mrollup").build());
        assertThatThrownBy(() -> changes(States.state("events", RAW, ROLLUP), after)).isInstanceOf(MigrationException.class)
                .hasMessage("Model events.Mrollup changes from a table to a view. chorm does not turn one into the other in place"
                        + " (a table's rows would be dropped); give the new one another model class name, so that the old one is"
                        + " deleted and the new one created, and copy rows with a RunSQL migration if needed.");
    }

    @Test
    void aCycleOfViewsIsRefusedNamingTheModels() {
        ProjectState s = new ProjectState();
        s.putModel("events", "A", table("a").engine(EngineSpec.of("View")).orderBy(List.of())
                .view(ViewSpec.view("SELECT * FROM b", List.of(TableRef.of("b")))).build());
        s.putModel("events", "B", table("b").engine(EngineSpec.of("View")).orderBy(List.of())
                .view(ViewSpec.view("SELECT * FROM a", List.of(TableRef.of("a")))).build());
        assertThatThrownBy(() -> changes(new ProjectState(), s)).isInstanceOf(MigrationException.class)
                .hasMessage("Models A -> B of app 'events' depend on each other in a cycle (each reads or writes the next);"
                        + " break the cycle: a view cannot read itself through other views.");
    }

    @Test
    void createdOperationsCarryTheWholeView() {
        assertThat(changes(new ProjectState(), chain()).get("events")).contains(new CreateModel("Bmv", MV));
    }
}
