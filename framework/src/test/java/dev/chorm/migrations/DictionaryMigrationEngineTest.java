package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.dict.v1.Geo;
import dev.chorm.migrations.operations.AlterDictionary;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.model.ModelMeta;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrate a dictionary with the real engine: created after its source table and before the view that
 * calls dictGet on it, read back so that makemigrations --check is clean, changed with CREATE OR
 * REPLACE DICTIONARY, and taken back to the first version and to zero.
 */
class DictionaryMigrationEngineTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("dictmigrate"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations(Class<?>... models) {
        return Migrations.builder().models(AppModels.of("geo", models)).directory(dir).classLoader(null)
                .sql(db.executor()).build();
    }

    private static Class<?>[] v1() {
        // listed view first: the order of creation must come from the dependencies, not from this list
        return new Class<?>[] {Geo.CountryLabel.class, Geo.CountryDict.class, Geo.Country.class};
    }

    private static Class<?>[] v2() {
        return new Class<?>[] {dev.chorm.migrations.fixtures.dict.v2.Geo.CountryLabel.class,
                dev.chorm.migrations.fixtures.dict.v2.Geo.CountryDict.class,
                dev.chorm.migrations.fixtures.dict.v2.Geo.Country.class};
    }

    private void assertLiveEqualsModels(Class<?>... models) {
        for (Class<?> model : models) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName())
                    .isEqualTo(canonical(db, ModelMeta.of(model).table()));
        }
    }

    @Test
    void createsInDependencyOrderChangesWithCreateOrReplaceAndGoesBack() {
        Migrations first = migrations(v1());
        MakeMigrationsResult initial = first.makeMigrations(MakeMigrationsOptions.defaults());
        List<Operation> ops = initial.migrations().get(0).operations();
        assertThat(ops).hasExactlyElementsOfTypes(CreateModel.class, CreateModel.class, CreateModel.class);
        assertThat(ops).extracting(op -> ((CreateModel) op).model()).containsExactly("Country", "CountryDict", "CountryLabel");
        first.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(v1());
        assertThat(first.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        db.execute("INSERT INTO country (id, code, name) VALUES (1, 'fr', 'France')");
        db.execute("SYSTEM RELOAD DICTIONARY country_dict");
        assertThat(db.query("SELECT label FROM country_label")).containsExactly(java.util.Map.of("label", "France"));

        Migrations second = migrations(v2());
        MakeMigrationsResult changed = second.makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(changed.migrations().get(0).operations()).hasExactlyElementsOfTypes(AlterDictionary.class);
        assertThat(changed.migrations().get(0).key().name()).isEqualTo("0002_alter_country_dict");
        String name = changed.migrations().get(0).key().name();
        assertThat(second.sqlMigrate("geo", name, false)).containsExactly(
                "-- Replace dictionary CountryDict (country_dict) with CREATE OR REPLACE DICTIONARY", """
                CREATE OR REPLACE DICTIONARY `country_dict`
                (
                    `id` UInt64,
                    `name` String,
                    `code` String
                )
                PRIMARY KEY `id`
                SOURCE(CLICKHOUSE(TABLE 'country'))
                LAYOUT(FLAT())
                LIFETIME(MIN 10 MAX 60)""");
        assertThat(second.sqlMigrate("geo", name, true)).hasSize(2).last().asString()
                .startsWith("CREATE OR REPLACE DICTIONARY `country_dict`").contains("LAYOUT(HASHED())");
        second.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(v2());
        assertThat(second.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        assertThat(db.query("SELECT dictGet('country_dict', 'code', toUInt64(1)) AS code"))
                .containsExactly(java.util.Map.of("code", "fr"));

        second.migrate(MigrateOptions.to("geo/0001"));
        assertLiveEqualsModels(v1());
        second.migrate(MigrateOptions.to("geo/zero"));
        for (Class<?> model : v1()) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName()).isNull();
        }
    }
}
