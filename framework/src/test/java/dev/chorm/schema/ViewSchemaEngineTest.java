package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.MaterializedView;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.TableSpec;
import dev.chorm.model.View;
import dev.chorm.model.ViewSpec;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.model.engine.SummingMergeTree;
import dev.chorm.testing.TestEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views through the schema editor on the real engine: each kind created, read back equal to its model,
 * and used; the migrate-time check of an SQL-text query's columns ({@code DESCRIBE (query)}).
 */
class ViewSchemaEngineTest {
    private static Database db;

    @MergeTree(orderBy = "port")
    record Hit(int port, long bytes) {
    }

    @MergeTree(orderBy = "port")
    record PortBytes(int port, long bytes) {
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, toInt32(bytes) AS bytes FROM hit")
    record CastWrong(int port, long bytes) {
    }

    @MaterializedView(sources = Hit.class, query = "SELECT port, sum(bytes) AS bytes FROM hit GROUP BY port")
    @SummingMergeTree(orderBy = "port")
    @Table(comment = "bytes per port")
    record OwnStorage(int port, long bytes) {
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, refresh = "EVERY 1 HOUR",
            query = "SELECT port, sum(bytes) AS bytes FROM hit GROUP BY port")
    record Hourly(int port, long bytes) {
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, refresh = "EVERY 1 HOUR OFFSET 5 MINUTE", append = true,
            dependsOn = Hourly.class, query = "SELECT port, max(bytes) AS bytes FROM hit GROUP BY port")
    record AfterHourly(int port, long bytes) {
    }

    /** Refreshed a while after each refresh ends, into its own storage (REFRESH AFTER, no TO table). */
    @MaterializedView(sources = Hit.class, refresh = "AFTER 1 HOUR", query = "SELECT port, sum(bytes) AS bytes FROM hit GROUP BY port")
    @MergeTree(orderBy = "port")
    record AfterAnHour(int port, long bytes) {
    }

    @View(query = "SELECT port, bytes FROM hit WHERE bytes > 10", sources = Hit.class)
    @Table(comment = "big hits")
    record BigHits(int port, long bytes) {
    }

    /** The comment follows a bare table name: rendered in brackets, else COMMENT would be the table's alias. */
    @View(query = "SELECT port, bytes FROM hit", sources = Hit.class)
    @Table(comment = "all hits")
    record AllHits(int port, long bytes) {
    }

    @BeforeAll
    static void open() {
        EmbeddedClickHouse engine = TestEngine.shared();
        db = Database.open("test", engine.jdbcUrl(TestEngine.freshDatabase("viewschema")), engine.jdbcProperties(), Map.of());
        db.createTables(Hit.class, PortBytes.class);
        db.execute("INSERT INTO hit VALUES (80, 10), (443, 5), (80, 20)");
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        db.close();
    }

    private static TableSpec createAndReadBack(Class<?> model) {
        TableSpec spec = ModelMeta.of(model).table();
        SchemaEditor editor = db.schemaEditor();
        editor.createTable(spec);
        TableSpec live = editor.introspect(spec).orElseThrow();
        assertThat(live).as(model.getSimpleName()).isEqualTo(editor.canonicalize(spec));
        return live;
    }

    @Test
    void sqlTextColumnsAreCheckedWithDescribeBeforeTheViewIsCreated() {
        TableSpec spec = ModelMeta.of(CastWrong.class).table();
        assertThatThrownBy(() -> db.schemaEditor().createTable(spec)).isInstanceOf(ModelDefinitionException.class)
                .hasMessage("View cast_wrong: column 'bytes' is Int32 in the query but Int64 in the model; change the field's"
                        + " type or cast in the query; column 'bytes' is Int32 in the query but Int64 in the TO table port_bytes;"
                        + " make the types equal.");
        assertThat(db.schemaEditor().introspect(spec)).isEmpty();
    }

    @Test
    void materializedViewWithItsOwnStorage() {
        createAndReadBack(OwnStorage.class);
        db.execute("INSERT INTO hit VALUES (80, 1)");
        assertThat(db.objects(OwnStorage.class).fetch()).containsExactly(new OwnStorage(80, 1));
    }

    @Test
    void refreshableViewsWithAppendAndDependsOn() {
        createAndReadBack(Hourly.class);
        TableSpec after = createAndReadBack(AfterHourly.class);
        assertThat(after.view().refresh().dependsOn()).extracting(Object::toString).containsExactly("hourly");
        db.execute("SYSTEM REFRESH VIEW hourly");
        db.execute("SYSTEM WAIT VIEW hourly");
        assertThat(db.query("SELECT port, bytes FROM port_bytes ORDER BY port")).extracting(r -> r.get("port") + "=" + r.get("bytes"))
                .contains("80=30", "443=5");
    }

    @Test
    void refreshableViewAfterAnIntervalIntoItsOwnStorage() {
        TableSpec live = createAndReadBack(AfterAnHour.class);
        assertThat(live.view().refresh()).isEqualTo(new ViewSpec.Refresh("AFTER 1 HOUR", false, List.of()));
        db.execute("SYSTEM REFRESH VIEW after_an_hour");
        db.execute("SYSTEM WAIT VIEW after_an_hour");
        assertThat(db.objects(AfterAnHour.class).orderBy("port").fetch()).contains(new AfterAnHour(443, 5));
    }

    @Test
    void plainViewWithAComment() {
        TableSpec live = createAndReadBack(BigHits.class);
        assertThat(live.comment()).isEqualTo("big hits");
        assertThat(db.objects(BigHits.class).fetch()).containsExactly(new BigHits(80, 20));
        assertThat(createAndReadBack(AllHits.class).comment()).isEqualTo("all hits");
    }

    @Test
    void aChangedQueryIsComparedCanonically() {
        TableSpec spec = ModelMeta.of(BigHits.class).table().toBuilder().name("big_hits_2").build();
        db.schemaEditor().createTable(spec);
        TableSpec other = spec.toBuilder().view(spec.view().withQuery("SELECT port, bytes FROM hit WHERE bytes > 11")).build();
        assertThat(db.schemaEditor().compare(other).differences()).isNotEmpty();
        db.schemaEditor().alterViewQuery(other);
        assertThat(db.schemaEditor().compare(other).differences()).isEmpty();
        assertThat(List.of(db.schemaEditor().compare(spec).matches())).containsExactly(false);
    }
}
