package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.model.fixtures.EnumTest;
import dev.chorm.model.fixtures.Event;
import dev.chorm.model.fixtures.IPTest;
import dev.chorm.model.fixtures.JSONModel;
import dev.chorm.model.fixtures.MapModel;
import dev.chorm.model.fixtures.NamedTupleModel;
import dev.chorm.model.fixtures.NestedArrayModel;
import dev.chorm.model.fixtures.TupleModel;
import dev.chorm.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create every model in the real engine, read it back and compare it with the model's spec. */
class IntrospectionEngineTest {
    private static Database db;

    @BeforeAll
    static void open() {
        EmbeddedClickHouse engine = TestEngine.shared();
        String name = TestEngine.freshDatabase("introspect");
        db = Database.open("test", engine.jdbcUrl(name), engine.jdbcProperties(), Map.of());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {Event.class, EnumTest.class, IPTest.class, NestedArrayModel.class, TupleModel.class,
            NamedTupleModel.class, MapModel.class, JSONModel.class,
            EngineModels.Options.class, EngineModels.Replacing.class, EngineModels.Summing.class,
            EngineModels.Aggregating.class, EngineModels.Collapsing.class, EngineModels.VersionedCollapsing.class,
            EngineModels.Sampled.class, EngineModels.InMemory.class, EngineModels.LogTable.class,
            EngineModels.TinyLogTable.class, EngineModels.StripeLogTable.class, EngineModels.NullTable.class,
            EngineModels.Buffered.class, EngineModels.Merged.class})
    void introspectedTableEqualsModel(Class<?> model) {
        TableSpec spec = ModelMeta.of(model).table();
        SchemaEditor editor = db.schemaEditor();
        if (model == EngineModels.Buffered.class) {
            db.createTables(EngineModels.InMemory.class);
        }
        editor.dropTable(spec);
        editor.createTable(spec);

        TableSpec live = editor.introspect(spec).orElseThrow();

        assertThat(live).isEqualTo(editor.canonicalize(spec));
    }

    @Test
    void compareTableReportsEachDifference() {
        db.dropTables(Event.class);
        assertThat(db.compareTable(Event.class).differences()).containsExactly(
                "table `" + ModelMeta.of(Event.class).table().name() + "` does not exist");
        db.createTables(Event.class);
        TableComparison same = db.compareTable(Event.class);
        assertThat(same.matches()).isTrue();
        assertThat(same.live()).contains(same.expected());
        String table = ModelMeta.of(Event.class).table().name();
        db.execute("ALTER TABLE `" + table + "` ADD COLUMN extra String, MODIFY COMMENT 'changed'");
        assertThat(db.compareTable(Event.class).differences()).containsExactly("column extra: not in the model",
                "comment: model " + ModelMeta.of(Event.class).table().comment() + ", live changed");
    }
}
