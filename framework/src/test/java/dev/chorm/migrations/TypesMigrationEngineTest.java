package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.fixtures.PageRollup;
import dev.chorm.query.fixtures.ShapeTypes;
import dev.chorm.query.fixtures.VariantTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models with AggregateFunction, SimpleAggregateFunction, Nested, Variant, Dynamic, Time, BFloat16 and
 * geo columns migrate, and makemigrations --check is clean right after: the migration file and the
 * introspected tables give back exactly the declared types.
 */
class TypesMigrationEngineTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("typesmig"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrateThenCheckIsClean() {
        List<Class<?>> models = List.of(PageRollup.class, ShapeTypes.class, VariantTypes.class);
        Migrations migrations = Migrations.builder().models(AppModels.of("types", models.toArray(Class<?>[]::new)))
                .directory(dir).classLoader(null).sql(db.executor()).build();
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults()).files()).hasSize(1);
        migrations.migrate(MigrateOptions.latest());
        for (Class<?> m : models) {
            assertThat(live(db, ModelMeta.of(m).table())).as(m.getSimpleName()).isEqualTo(canonical(db, ModelMeta.of(m).table()));
        }
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        migrations.migrate(MigrateOptions.to("types/zero"));
        assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN"
                + " ('page_rollup', 'shape_types', 'variant_types')")).isEmpty();
    }
}
