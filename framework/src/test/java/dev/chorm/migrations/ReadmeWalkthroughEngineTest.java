package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.count;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproduce the reference backend's README walk-through with the real engine: the Event model,
 * makemigrations, migrate, the table with its indexes and constraint; then change a field, add an
 * index, change settings, change the TTL and the engine, each time makemigrations and migrate, and
 * compare the live table with the model; finally go back to a target and to zero.
 */
class ReadmeWalkthroughEngineTest {
    @TempDir
    Path dir;
    private Database db;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        // Asynchronous mutations, so that migrate has to wait for them and reports their progress.
        db = TestDatabases.open(TestDatabases.fresh("walkthrough"), java.util.Map.of("mutations_sync", "0"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations(Class<?> eventVersion) {
        return Migrations.builder().models(AppModels.of("events", eventVersion)).directory(dir).classLoader(null)
                .sql(db.executor()).build();
    }

    private MakeMigrationsResult makeAndMigrate(Class<?> eventVersion, MakeMigrationsOptions options) {
        Migrations migrations = migrations(eventVersion);
        MakeMigrationsResult made = migrations.makeMigrations(options);
        migrations.migrate(MigrateOptions.latest().withListener(ProgressListener.printing(progress::add)));
        assertLiveTableEqualsModel(eventVersion);
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        return made;
    }

    private void assertLiveTableEqualsModel(Class<?> eventVersion) {
        TableSpec model = ModelMeta.of(eventVersion).table();
        assertThat(live(db, model)).isEqualTo(canonical(db, model));
    }

    @Test
    void walkThrough() throws Exception {
        MakeMigrationsResult initial = makeAndMigrate(dev.chorm.migrations.fixtures.v1.Event.class,
                MakeMigrationsOptions.defaults());
        assertThat(initial.files()).containsExactly(dir.resolve("events/0001_initial.json"));
        assertThat(initial.migrations().get(0).operations()).hasExactlyElementsOfTypes(CreateModel.class);
        assertThat(Files.readString(initial.files().get(0)))
                .isEqualTo(MigrationWriterTest.golden("migrations/readme_event/0001_initial.json"));
        TableSpec event = live(db, ModelMeta.of(dev.chorm.migrations.fixtures.v1.Event.class).table());
        assertThat(event.indexes()).extracting(i -> i.name()).containsExactly("ip_set_idx", "ipv4_bloom_idx");
        assertThat(event.constraints()).extracting(c -> c.name()).containsExactly("port_range");
        assertThat(db.query("SELECT app, name FROM chorm_migrations FINAL WHERE applied")).hasSize(1);
        db.execute("INSERT INTO event (id, port, timestamp) VALUES (1, 80, now64(6)), (2, 443, now64(6))");

        MakeMigrationsResult field = makeAndMigrate(dev.chorm.migrations.fixtures.v2.Event.class,
                MakeMigrationsOptions.defaults());
        assertThat(field.migrations().get(0).key().name()).isEqualTo("0002_event_note_alter_event_port");
        assertThat(field.migrations().get(0).operations()).hasExactlyElementsOfTypes(AddField.class, AlterField.class);

        MakeMigrationsResult index = makeAndMigrate(dev.chorm.migrations.fixtures.v3.Event.class,
                MakeMigrationsOptions.defaults());
        assertThat(index.migrations().get(0).operations()).hasExactlyElementsOfTypes(AddIndex.class);

        MakeMigrationsResult settings = makeAndMigrate(dev.chorm.migrations.fixtures.v4.Event.class,
                MakeMigrationsOptions.defaults());
        assertThat(settings.migrations().get(0).operations()).hasExactlyElementsOfTypes(AlterModelSettings.class);

        MakeMigrationsResult ttl = makeAndMigrate(dev.chorm.migrations.fixtures.v5.Event.class,
                MakeMigrationsOptions.defaults());
        assertThat(ttl.migrations().get(0).operations()).hasExactlyElementsOfTypes(AlterModelTtl.class);

        MakeMigrationsResult engine = makeAndMigrate(dev.chorm.migrations.fixtures.v6.Event.class,
                MakeMigrationsOptions.defaults().withAllowDataCopy(true));
        assertThat(engine.migrations().get(0).operations()).hasExactlyElementsOfTypes(AlterModelEngine.class);
        assertThat(count(db, "SELECT count() FROM event")).isEqualTo(2);
        assertThat(progress).anyMatch(line -> line.contains("2/2 rows copied"));

        Migrations migrations = migrations(dev.chorm.migrations.fixtures.v6.Event.class);
        migrations.migrate(MigrateOptions.to("events/0002"));
        assertLiveTableEqualsModel(dev.chorm.migrations.fixtures.v2.Event.class);
        assertThat(count(db, "SELECT count() FROM event")).isEqualTo(2);
        assertThat(MigrationStatus.render(migrations.showMigrations())).isEqualTo("""
                events
                 [X] 0001_initial
                 [X] 0002_event_note_alter_event_port
                 [ ] 0003_event_port_minmax_idx
                 [ ] 0004_alter_event_settings
                 [ ] 0005_alter_event_ttl
                 [ ] 0006_alter_event_engine""");

        migrations.migrate(MigrateOptions.to("events/zero"));
        assertThat(live(db, ModelMeta.of(dev.chorm.migrations.fixtures.v1.Event.class).table())).isNull();
        assertThat(migrations.showMigrations()).noneMatch(MigrationStatus::applied);

        migrations.migrate(MigrateOptions.latest());
        assertLiveTableEqualsModel(dev.chorm.migrations.fixtures.v6.Event.class);
    }
}
