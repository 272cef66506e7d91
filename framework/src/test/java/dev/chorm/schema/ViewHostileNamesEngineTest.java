package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.Dictionary;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.MaterializedView;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.TableSpec;
import dev.chorm.model.View;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.FixedString;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt64;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Views and dictionaries whose names, comments and query text hold quotes, backticks and line comments. */
class ViewHostileNamesEngineTest {
    private static Database db;
    private static String database;

    @MergeTree(orderBy = "port")
    @Table(name = "hit_h")
    record Src(int port, long bytes) {
    }

    @MergeTree(orderBy = "port")
    @Table(name = "target_h")
    record Target(int port, long bytes) {
    }

    @View(query = "SELECT port, bytes FROM hit_h -- every hit", sources = Src.class)
    @Table(name = "view_h", comment = "it's a `view` \\ ok")
    record Commented(int port, long bytes) {
    }

    @MaterializedView(to = Target.class, sources = Src.class, query = "SELECT port, bytes FROM hit_h")
    @Table(name = "mv_h", comment = "o'k")
    record ToHostile(int port, long bytes) {
    }

    @MaterializedView(to = Target.class, sources = Src.class, refresh = "EVERY 1 HOUR",
            query = "SELECT port, bytes FROM hit_h")
    @Table(name = "ref_1")
    record Refreshed(int port, long bytes) {
    }

    @MergeTree(orderBy = "port")
    @Table(name = "target_2")
    record Target2(int port, long bytes) {
    }

    @MaterializedView(to = Target2.class, sources = Src.class, refresh = "EVERY 1 HOUR", dependsOn = Refreshed.class,
            query = "SELECT port, bytes FROM hit_h")
    @Table(name = "ref_2")
    record Dependent(int port, long bytes) {
    }

    @MergeTree(orderBy = "id")
    @Table(name = "country_h")
    public static class Country {
        @UInt64 public long id;
        public String name;
    }

    @Table(name = "dict_h", comment = "it's")
    @Dictionary(source = Country.class, primaryKey = "id", layout = DictionaryLayout.HASHED, lifetimeMax = 0)
    public static class CountryDict {
        @UInt64 public long id;
        public String name;
    }

    @MergeTree(orderBy = "id")
    @Table(name = "typed_h")
    record Typed(long id, @Decimal(precision = 18, scale = 2) BigDecimal price,
            @DateTime64(value = 3, timezone = "UTC") Instant at,
            @Nullable String note, @LowCardinality String tag,
            Map<String, Long> counts, @FixedString(4) String code,
            List<String> names) {
    }

    @View(query = "SELECT * FROM typed_h", sources = Typed.class)
    @Table(name = "typed_view")
    record TypedView(long id, @Decimal(precision = 18, scale = 2) BigDecimal price,
            @DateTime64(value = 3, timezone = "UTC") Instant at,
            @Nullable String note, @LowCardinality String tag,
            Map<String, Long> counts, @FixedString(4) String code,
            List<String> names) {
    }

    @View(query = "SELECT port, bytes FROM hit_h", sources = Src.class)
    @Table(name = "elsewhere_view", database = "rv_other_views")
    record Elsewhere(int port, long bytes) {
    }

    @MaterializedView(to = Target.class, sources = Src.class, query = "SELECT port, bytes FROM hit_h")
    @Table(name = "elsewhere_mv", database = "rv_other_views")
    record ElsewhereMv(int port, long bytes) {
    }

    @BeforeAll
    static void open() {
        EmbeddedClickHouse engine = TestEngine.shared();
        database = TestEngine.freshDatabase("viewhostile");
        db = Database.open("test", engine.jdbcUrl(database), engine.jdbcProperties(), Map.of());
        db.createTables(Src.class, Target.class, Target2.class, Country.class, Typed.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void createAndReadBack(Class<?> model) {
        createAndReadBack(ModelMeta.of(model).table());
    }

    private static void createAndReadBack(TableSpec spec) {
        SchemaEditor editor = db.schemaEditor();
        editor.createTable(spec);
        assertThat(editor.introspect(spec).orElseThrow()).as(spec.name()).isEqualTo(editor.canonicalize(spec));
        assertThat(editor.compare(spec).differences()).isEmpty();
    }

    @Test
    void aQueryThatNamesTheCurrentDatabaseReadsBackAsDeclared() {
        TableSpec view = ModelMeta.of(Commented.class).table();
        createAndReadBack(view.toBuilder().name("view_current_db").comment("").view(view.view()
                .withQuery("SELECT port, bytes FROM " + database + ".hit_h WHERE bytes > 1")).build());
        TableSpec mv = ModelMeta.of(ToHostile.class).table();
        createAndReadBack(mv.toBuilder().name("mv_current_db").view(mv.view()
                .withQuery("SELECT port, bytes FROM `" + database + "`.hit_h")).build());
    }

    @Test
    void commentedViewWhoseQueryEndsInALineComment() {
        createAndReadBack(Commented.class);
    }

    @Test
    void materializedViewToAHostileTable() {
        createAndReadBack(ToHostile.class);
    }

    @Test
    void aMaterializedViewsCommentIsModifiedInPlace() {
        TableSpec spec = ModelMeta.of(ToHostile.class).table().toBuilder().name("mv_comment").build();
        SchemaEditor editor = db.schemaEditor();
        editor.createTable(spec);
        editor.modifyComment(spec, "new ' one");
        assertThat(editor.compare(spec.toBuilder().comment("new ' one").build()).differences()).isEmpty();
    }

    @Test
    void refreshableDependsOnAHostileName() {
        createAndReadBack(Refreshed.class);
        createAndReadBack(Dependent.class);
    }

    @Test
    void sqlTextViewOverParameterisedTypes() {
        createAndReadBack(TypedView.class);
    }

    @Test
    void viewsInAnotherDatabaseOverTheCurrentOnesTables() {
        db.execute("CREATE DATABASE IF NOT EXISTS rv_other_views");
        try {
            createAndReadBack(Elsewhere.class);
            createAndReadBack(ElsewhereMv.class);
        } finally {
            db.execute("DROP DATABASE rv_other_views");
        }
    }

    @Test
    void dictionaryWithAHostileName() {
        createAndReadBack(CountryDict.class);
    }
}
