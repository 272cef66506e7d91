package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.model.fixtures.Event;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run the ALTERs in the real engine and check the live table against the expected spec. */
class SchemaEditorEngineTest {
    private static Database db;

    @BeforeAll
    static void open() {
        EmbeddedClickHouse engine = TestEngine.shared();
        String name = TestEngine.freshDatabase("editor");
        Config config = Config.of(Map.of("chorm.databases.default.url", engine.jdbcUrl(name),
                "chorm.databases.default.password", engine.jdbcProperties().getProperty("password"),
                "chorm.databases.default.settings.mutations_sync", "1"));
        db = Database.connect(config);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void materializeBuildsANewIndexAndProjectionForRowsWrittenBefore() {
        SchemaEditor editor = db.schemaEditor();
        TableSpec t = TableSpec.builder("materialize_me").column(ColumnSpec.builder("id", DataType.int64()).build())
                .column(ColumnSpec.builder("name", DataType.string()).build()).orderBy("id").build();
        editor.dropTable(t);
        editor.createTable(t);
        db.execute("INSERT INTO materialize_me SELECT number, toString(number % 100) FROM numbers(10000)");
        editor.addIndex(t, IndexSpec.of("name_idx", "name", "bloom_filter(0.01)", 1));
        editor.addProjection(t, ProjectionSpec.of("by_name", "SELECT name, count() GROUP BY name"));
        assertThat(indexBytesAndProjectionParts()).isEqualTo(List.of(0L, 0L));

        editor.materializeIndex(t, "name_idx");
        editor.materializeProjection(t, "by_name");

        List<Long> after = indexBytesAndProjectionParts();
        assertThat(after.get(0)).as("skip index bytes of the old rows").isPositive();
        assertThat(after.get(1)).as("projection parts of the old rows").isPositive();
        editor.dropTable(t);
    }

    private static List<Long> indexBytesAndProjectionParts() {
        Map<String, Object> row = db.query("SELECT sum(secondary_indices_uncompressed_bytes) AS idx,"
                + " (SELECT count() FROM system.projection_parts WHERE database = currentDatabase()"
                + " AND table = 'materialize_me' AND active) AS proj"
                + " FROM system.parts WHERE database = currentDatabase() AND table = 'materialize_me' AND active").get(0);
        return List.of(((Number) row.get("idx")).longValue(), ((Number) row.get("proj")).longValue());
    }

    @Test
    void createsAndDropsDatabases() {
        SchemaEditor editor = db.schemaEditor();
        String name = "editor_db_" + ProcessHandle.current().pid();
        editor.createDatabase(name, "");
        assertThat(db.query("SELECT count() AS n FROM system.databases WHERE name = '" + name + "'").get(0).get("n").toString())
                .isEqualTo("1");
        editor.dropDatabase(name, "");
        assertThat(db.query("SELECT count() AS n FROM system.databases WHERE name = '" + name + "'").get(0).get("n").toString())
                .isEqualTo("0");
    }

    @Test
    void copiesStructureWithoutRowsAndTruncates() {
        SchemaEditor editor = db.schemaEditor();
        TableSpec t = TableSpec.builder("copy_me").column(ColumnSpec.builder("id", DataType.int64()).build())
                .orderBy("id").build();
        editor.dropTable(t);
        editor.createTable(t);
        db.execute("INSERT INTO copy_me VALUES (1), (2)");
        String current = db.query("SELECT currentDatabase() AS d").get(0).get("d").toString();
        editor.dropTable(t.toBuilder().name("copy_me_2").build());
        editor.createTableAs(current, "copy_me_2", current, "copy_me", "");
        assertThat(db.query("SELECT count() AS n FROM copy_me_2").get(0).get("n").toString()).isEqualTo("0");
        assertThat(db.query("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'copy_me_2'")
                .get(0).get("engine_full").toString()).startsWith("MergeTree ORDER BY id");
        editor.truncateTable(current, "copy_me", "");
        assertThat(db.query("SELECT count() AS n FROM copy_me").get(0).get("n").toString()).isEqualTo("0");
    }

    @Test
    void altersReachTheLiveTable() {
        SchemaEditor editor = db.schemaEditor();
        TableSpec t = TableSpec.builder("alter_me").column(ColumnSpec.builder("id", DataType.int64()).build())
                .column(ColumnSpec.builder("name", DataType.string()).build()).orderBy("id").build();
        editor.dropTable(t);
        editor.createTable(t);
        ColumnSpec note = ColumnSpec.builder("note", DataType.string()).defaultExpression(DefaultKind.DEFAULT, "'x'")
                .codec("ZSTD(3)").comment("free text").build();
        editor.addColumn(t, note, "id");
        editor.renameColumn(t, "note", "remark");
        editor.commentColumn(t, "remark", "renamed");
        editor.addIndex(t, IndexSpec.of("name_idx", "name", "bloom_filter(0.01)", 2));
        editor.addConstraint(t, ConstraintSpec.check("id_ok", "id >= 0"));
        editor.addProjection(t, ProjectionSpec.of("by_name", "SELECT name, count() GROUP BY name"));
        editor.modifySettings(t, Map.of("merge_with_ttl_timeout", "600"));
        editor.modifyTtl(t, List.of("toDate(id) + INTERVAL 1 DAY"));
        editor.modifyComment(t, "altered");
        // ClickHouse accepts a new sorting-key column only when it is added in the same ALTER.
        editor.alterTogether(t, editor.renderer().addColumn(ColumnSpec.builder("extra", DataType.uint8()).build(), null),
                editor.renderer().modifyOrderBy(List.of("id", "extra")));

        TableSpec expected = t.toBuilder().comment("altered")
                .columns(List.of(t.columns().get(0),
                        note.toBuilder().name("remark").comment("renamed").build(), t.columns().get(1),
                        ColumnSpec.builder("extra", DataType.uint8()).build()))
                .orderBy("id", "extra").primaryKey("id")
                .index(IndexSpec.of("name_idx", "name", "bloom_filter(0.01)", 2))
                .constraint(ConstraintSpec.check("id_ok", "id >= 0"))
                .projection(ProjectionSpec.of("by_name", "SELECT name, count() GROUP BY name"))
                .setting("merge_with_ttl_timeout", "600").ttl("toDate(id) + INTERVAL 1 DAY").build();
        assertThat(editor.introspect(t).orElseThrow()).isEqualTo(editor.canonicalize(expected));

        editor.dropIndex(t, "name_idx");
        editor.dropConstraint(t, "id_ok");
        editor.dropProjection(t, "by_name");
        editor.removeTtl(t);
        editor.resetSettings(t, List.of("merge_with_ttl_timeout"));
        editor.dropColumn(t, "remark");
        editor.renameTable(t, "altered");
        TableSpec renamed = t.toBuilder().name("altered").build();
        TableSpec after = editor.introspect(renamed).orElseThrow();
        assertThat(after.indexes()).isEmpty();
        assertThat(after.constraints()).isEmpty();
        assertThat(after.projections()).isEmpty();
        assertThat(after.ttl()).isEmpty();
        assertThat(after.settings()).isEmpty();
        assertThat(after.columns()).extracting(ColumnSpec::name).containsExactly("id", "name", "extra");
        assertThat(editor.introspect(t)).isEmpty();
        editor.dropTable(renamed, true, false);
    }

    @Test
    void createsAndDropsModelTables() {
        db.dropTables(Event.class);
        db.createTables(Event.class);
        db.createTables(Event.class);
        TableSpec spec = ModelMeta.of(Event.class).table();
        assertThat(db.schemaEditor().introspect(spec)).isPresent();
        db.dropTables(Event.class);
        assertThat(db.schemaEditor().introspect(spec)).isEmpty();
    }
}
