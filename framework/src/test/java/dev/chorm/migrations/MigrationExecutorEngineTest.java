package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.count;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.Backfill;
import dev.chorm.migrations.fixtures.v1.Event;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RunJava;
import dev.chorm.migrations.operations.RunSql;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.DdlRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan and apply migrations against the real engine: targets, fake, fake-initial, checksums, previews, refusals. */
class MigrationExecutorEngineTest {
    private static final TableSpec ITEM = States.table("item").build();
    private static final Migration SHOP_1 = Migration.of(new MigrationKey("shop", "0001_initial"), List.of(),
            List.of(new CreateModel("Item", ITEM)), true);
    private static final Migration SHOP_2 = Migration.of(new MigrationKey("shop", "0002_backfill"), List.of(SHOP_1.key()),
            List.of(new RunJava(Backfill.class.getName(), true)), false);

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("executor"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private MigrationExecutor executor(Migration... migrations) {
        return MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(migrations))).build();
    }

    private Migrations events() {
        return Migrations.builder().models(AppModels.of("events", Event.class)).directory(dir).classLoader(null)
                .sql(db.executor()).build();
    }

    @Test
    void javaMigrationRunsForwardsAndBackwardsWithProgress() {
        List<String> lines = new ArrayList<>();
        executor(SHOP_1, SHOP_2).migrate(MigrateOptions.latest().withListener(ProgressListener.printing(lines::add)));
        assertThat(count(db, "SELECT count() FROM item")).isEqualTo(5);
        assertThat(lines).contains("  [1/1] Run Java " + Backfill.class.getName(), "        5/5 rows");

        MigrateResult back = executor(SHOP_1, SHOP_2).migrate(MigrateOptions.to("shop/0001"));
        assertThat(back.unapplied()).containsExactly(SHOP_2.key());
        assertThat(count(db, "SELECT count() FROM item")).isZero();
    }

    @Test
    void planDisplaysMigrationsAndOperations() {
        MigrationPlan plan = executor(SHOP_1, SHOP_2).migrationPlan(MigrateOptions.latest());
        assertThat(plan.display(true)).isEqualTo("""
                Planned operations:
                Apply shop/0001_initial
                    Create model Item (table item)
                Apply shop/0002_backfill
                    Run Java dev.chorm.migrations.fixtures.Backfill""");
        executor(SHOP_1, SHOP_2).migrate(MigrateOptions.latest());
        assertThat(executor(SHOP_1, SHOP_2).migrationPlan(MigrateOptions.latest()).display(false))
                .isEqualTo("No planned migration operations.");
        assertThat(executor(SHOP_1, SHOP_2).migrationPlan(MigrateOptions.to("shop/zero")).display(true)).isEqualTo("""
                Planned operations:
                Unapply shop/0002_backfill
                    Undo Run Java dev.chorm.migrations.fixtures.Backfill
                Unapply shop/0001_initial
                    Undo Create model Item (table item)""");
    }

    @Test
    void fakeRecordsWithoutRunning() {
        MigrateResult result = executor(SHOP_1).migrate(MigrateOptions.latest().withFake(true));
        assertThat(result.faked()).containsExactly(SHOP_1.key());
        assertThat(live(db, ITEM)).isNull();
        assertThat(executor(SHOP_1).showMigrations()).allMatch(MigrationStatus::applied);
    }

    @Test
    void fakeInitialRecordsAnInitialMigrationWhoseTablesExist() {
        db.schemaEditor().createTable(ITEM);
        MigrateResult result = executor(SHOP_1, SHOP_2).migrate(MigrateOptions.latest().withFakeInitial(true));
        assertThat(result.faked()).containsExactly(SHOP_1.key());
        assertThat(result.applied()).containsExactly(SHOP_2.key());
        assertThat(count(db, "SELECT count() FROM item")).isEqualTo(5);
    }

    @Test
    void changedAppliedMigrationIsRefusedNamingTheFile() throws Exception {
        Migrations migrations = events();
        migrations.makeMigrations(MakeMigrationsOptions.defaults());
        migrations.migrate(MigrateOptions.latest());
        Path file = dir.resolve("events/0001_initial.json");
        Files.writeString(file, Files.readString(file).replace("set(1000)", "set(100)"));

        assertThatThrownBy(() -> events().migrate(MigrateOptions.latest()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration events/0001_initial was changed after it was applied (" + file
                        + "). Revert the file or add a new migration.");
    }

    @Test
    void unknownTargetsAreReportedWithTheNextStep() {
        executor(SHOP_1).migrate(MigrateOptions.latest());
        assertThatThrownBy(() -> executor(SHOP_1).migrate(MigrateOptions.to("shop/0003")))
                .hasMessage("Cannot find a migration matching '0003' in app 'shop'. Run 'mvn clickhouse:showmigrations' to list them.");
        assertThatThrownBy(() -> executor(SHOP_1).migrate(MigrateOptions.to("billing")))
                .hasMessage("App 'billing' has no migrations. Run 'mvn clickhouse:showmigrations' to list the apps and their migrations.");
    }

    @Test
    void rebuildWithoutOptInIsRefusedBeforeAnythingRuns() {
        Migration rebuild = Migration.of(new MigrationKey("shop", "0002_engine"), List.of(SHOP_1.key()),
                List.of(new AlterModelEngine("Item", ITEM.toBuilder().engine(EngineSpec.of("ReplacingMergeTree")).build(), false)),
                false);
        assertThatThrownBy(() -> executor(SHOP_1, rebuild).migrate(MigrateOptions.latest()))
                .hasMessage("Migration shop/0002_engine, operation 1 (Rebuild table of Item as ReplacingMergeTree (copies all rows))"
                        + " copies every row of the table and is not allowed to. Review it, then set \"allowDataCopy\": true on that operation.");
        assertThat(live(db, ITEM)).isNull();
    }

    @Test
    void irreversibleMigrationCannotBeUnapplied() {
        Migration raw = Migration.of(new MigrationKey("shop", "0002_raw"), List.of(SHOP_1.key()),
                List.of(new RunSql(List.of("INSERT INTO item (id) VALUES (1)"), null)), false);
        executor(SHOP_1, raw).migrate(MigrateOptions.latest());
        assertThatThrownBy(() -> executor(SHOP_1, raw).migrate(MigrateOptions.to("shop/zero")))
                .hasMessage("Migration shop/0002_raw cannot be unapplied: operation 1 (Raw SQL: INSERT INTO item (id) VALUES (1))"
                        + " cannot be undone. Give it a reverse (reverseSql for RunSQL, reversible for RunJava) or migrate to a later target.");
    }

    @Test
    void sqlMigrateIsTheExecutorInCollectMode() {
        Migrations migrations = events();
        migrations.makeMigrations(MakeMigrationsOptions.defaults());
        TableSpec event = ModelMeta.of(Event.class).table();

        assertThat(migrations.sqlMigrate("events", "0001", false)).containsExactly(
                "-- Create model Event (table event)", new DdlRenderer().createTable(event, false));
        assertThat(migrations.sqlMigrate("events", "0001", true)).containsExactly(
                "-- Undo Create model Event (table event)", new DdlRenderer().dropTable(event, true, false));
        assertThat(live(db, event)).isNull();
    }

    @Test
    void historyTableIsReplicatedOnAMigrationCluster() {
        assertThat(new MigrationRecorder(db.executor(), "", "cluster").createTableSql()).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `chorm_migrations` ON CLUSTER `cluster` (app String, name String, applied Bool,"
                        + " progress UInt32, step UInt32, backwards Bool, operations UInt32, checksum String,"
                        + " prefix_checksum String, applied_at DateTime64(6, 'UTC'), version UInt64) ENGINE ="
                        + " ReplicatedReplacingMergeTree('/clickhouse/chorm/{database}/chorm_migrations', '{replica}', version)"
                        + " ORDER BY (app, name)");
    }

    @Test
    void recorderKeepsTheLatestStatusOfEachMigration() {
        MigrationRecorder recorder = new MigrationRecorder(db.executor(), "", "");
        recorder.ensureSchema();
        recorder.recordProgress(SHOP_2, 0, 1, false);
        assertThat(recorder.records().get(SHOP_2.key())).satisfies(r -> {
            assertThat(r.isPartial()).isTrue();
            assertThat(r.step()).isEqualTo(1);
        });
        recorder.recordApplied(SHOP_2);
        MigrationRecord applied = new MigrationRecorder(db.executor(), "", "").records().get(SHOP_2.key());
        assertThat(applied.applied()).isTrue();
        assertThat(applied.checksum()).isEqualTo(SHOP_2.checksum());
        assertThat(applied.appliedAt()).isNotNull();
        new MigrationRecorder(db.executor(), "", "").recordUnapplied(SHOP_2);
        assertThat(recorder.records()).isEmpty();
    }

    @Test
    void recorderOfAnotherDatabaseKeepsItsHistoryThere() {
        String other = TestDatabases.fresh("history");
        MigrationRecorder recorder = new MigrationRecorder(db.executor(), other, "");
        recorder.ensureSchema();
        recorder.recordApplied(SHOP_1);

        assertThat(new MigrationRecorder(db.executor(), other, "").records()).containsOnlyKeys(SHOP_1.key());
        assertThat(new MigrationRecorder(db.executor(), "", "").records()).isEmpty();
        assertThat(count(db, "SELECT count() FROM `" + other + "`.chorm_migrations")).isEqualTo(1);
    }
}
