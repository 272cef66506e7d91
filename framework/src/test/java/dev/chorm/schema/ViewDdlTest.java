package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CREATE/DROP/ALTER text of views and materialized views, without an engine. */
class ViewDdlTest {
    private static final String QUERY = "SELECT toStartOfMinute(ts) AS minute, sum(hits) AS hits FROM event GROUP BY minute";
    private final DdlRenderer ddl = new DdlRenderer();

    private static TableSpec.Builder view(String name, ViewSpec v) {
        return TableSpec.builder(name).column(ColumnSpec.builder("minute", DataType.parse("DateTime")).build())
                .column(ColumnSpec.builder("hits", DataType.parse("UInt64")).build())
                .engine(EngineSpec.of(v.isMaterialized() ? "MaterializedView" : "View")).view(v);
    }

    @Test
    void plainView() {
        TableSpec t = view("hits_view", ViewSpec.view(QUERY, List.of(TableRef.of("event")))).comment("per minute").build();
        assertThat(ddl.createTable(t, false)).isEqualTo("""
                CREATE VIEW `hits_view`
                AS (SELECT toStartOfMinute(ts) AS minute, sum(hits) AS hits FROM event GROUP BY minute
                )
                COMMENT 'per minute'""");
        assertThat(ddl.createView(t, false, true)).startsWith("CREATE OR REPLACE VIEW `hits_view`\nAS (SELECT");
        assertThat(ddl.dropTable(t, true, false)).isEqualTo("DROP VIEW IF EXISTS `hits_view`");
    }

    @Test
    void materializedViewToATableOnCluster() {
        TableSpec t = view("hits_mv", ViewSpec.materialized(QUERY, new TableRef("stats", "hits_minute"),
                List.of(TableRef.of("event")))).cluster("c1").build();
        assertThat(ddl.createTable(t, true)).isEqualTo("""
                CREATE MATERIALIZED VIEW IF NOT EXISTS `hits_mv` ON CLUSTER `c1`
                TO `stats`.`hits_minute`
                AS SELECT toStartOfMinute(ts) AS minute, sum(hits) AS hits FROM event GROUP BY minute""");
        assertThat(ddl.alter(t, ddl.modifyQuery("SELECT 1"))).isEqualTo("ALTER TABLE `hits_mv` ON CLUSTER `c1` MODIFY QUERY SELECT 1");
        assertThat(ddl.dropTable(t, false, false)).isEqualTo("DROP VIEW `hits_mv` ON CLUSTER `c1`");
        assertThatThrownBy(() -> ddl.createView(t, false, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hits_mv: a materialized view cannot be CREATE OR REPLACE'd");
    }

    @Test
    void materializedViewWithItsOwnEngineAndPopulate() {
        TableSpec t = view("hits_mv", ViewSpec.materialized(QUERY, null, List.of(TableRef.of("event"))).withPopulate(true))
                .engine(EngineSpec.of("SummingMergeTree")).orderBy("minute").build();
        assertThat(ddl.createTable(t, false)).isEqualTo("""
                CREATE MATERIALIZED VIEW `hits_mv`
                (
                    `minute` DateTime,
                    `hits` UInt64
                )
                ENGINE = SummingMergeTree
                ORDER BY minute
                POPULATE
                AS SELECT toStartOfMinute(ts) AS minute, sum(hits) AS hits FROM event GROUP BY minute""");
    }

    @Test
    void viewChangesOnAClusterThroughTheEditor() {
        TableSpec plain = view("hits_view", ViewSpec.view(QUERY, List.of(TableRef.of("event")))).cluster("c1").build();
        TableSpec mv = view("hits_mv", ViewSpec.materialized(QUERY, TableRef.of("hits_minute"), List.of(TableRef.of("event"))))
                .cluster("c1").build();
        SchemaEditor editor = SchemaEditor.collecting();
        editor.alterViewQuery(plain);
        editor.alterViewQuery(mv);
        editor.dropTable(mv);
        editor.createTable(mv);
        assertThat(editor.collectedStatements()).containsExactly(
                "CREATE OR REPLACE VIEW `hits_view` ON CLUSTER `c1`\nAS " + QUERY,
                "ALTER TABLE `hits_mv` ON CLUSTER `c1` MODIFY QUERY " + QUERY,
                "DROP VIEW IF EXISTS `hits_mv` ON CLUSTER `c1`",
                "CREATE MATERIALIZED VIEW `hits_mv` ON CLUSTER `c1`\nTO `hits_minute`\nAS " + QUERY);
    }

    @Test
    void refreshableMaterializedView() {
        ViewSpec v = ViewSpec.materialized(QUERY, TableRef.of("hits_minute"), List.of(TableRef.of("event")))
                .withRefresh(new ViewSpec.Refresh("EVERY 1 HOUR OFFSET 5 MINUTE", true, List.of(TableRef.of("other_mv"))));
        assertThat(ddl.createTable(view("hits_mv", v).build(), false)).isEqualTo("""
                CREATE MATERIALIZED VIEW `hits_mv`
                REFRESH EVERY 1 HOUR OFFSET 5 MINUTE DEPENDS ON `other_mv`
                APPEND
                TO `hits_minute`
                AS SELECT toStartOfMinute(ts) AS minute, sum(hits) AS hits FROM event GROUP BY minute""");
        assertThat(v.dependencies()).containsExactly(TableRef.of("event"), TableRef.of("hits_minute"), TableRef.of("other_mv"));
    }
}
