package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.views.ingest.Hit;
import dev.chorm.migrations.fixtures.views.reports.MinuteMv;
import dev.chorm.migrations.fixtures.views.reports.PortReport;
import dev.chorm.migrations.fixtures.views.reports.Totals;
import dev.chorm.migrations.operations.AlterViewQuery;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views through makemigrations and migrate on the real engine: a chain of three objects over two apps
 * (Hit in ingest; Totals, MinuteMv TO Totals and the PortReport view over Totals in reports, named so
 * that name order is the wrong order), created and dropped in dependency order; query changes forwards
 * and backwards; the live views read back equal to the models.
 */
class ViewsEngineTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("views"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations(Class<?> mv, Class<?> report) {
        return Migrations.builder().models(AppModels.of(Map.of("ingest", List.of(Hit.class),
                        "reports", List.of(report, mv, Totals.class))))
                .directory(dir).classLoader(null).sql(db.executor()).build();
    }

    private void assertLiveEqualsModels(Class<?>... models) {
        for (Class<?> model : models) {
            TableSpec spec = ModelMeta.of(model).table();
            assertThat(live(db, spec)).as(model.getSimpleName()).isEqualTo(canonical(db, spec));
        }
    }

    @Test
    void aChainOverTwoAppsIsCreatedAndDroppedInDependencyOrder() {
        Migrations migrations = migrations(MinuteMv.class, PortReport.class);
        MakeMigrationsResult made = migrations.makeMigrations(MakeMigrationsOptions.defaults());
        Migration reports = made.migrations().stream().filter(m -> m.app().equals("reports")).findFirst().orElseThrow();
        assertThat(reports.dependencies()).containsExactly(MigrationKey.parse("ingest/0001_initial"));
        assertThat(reports.operations()).extracting(Operation::describe).containsExactly("Create model Totals (table totals)",
                "Create model MinuteMv (table minute_mv)", "Create model PortReport (table port_report)");

        migrations.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(Hit.class, Totals.class, MinuteMv.class, PortReport.class);
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();

        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        db.objects(Hit.class).bulkCreate(List.of(new Hit(t, 80, 10), new Hit(t, 443, 5), new Hit(t, 80, 7)));
        assertThat(db.objects(PortReport.class).orderBy("port").fetch())
                .containsExactly(new PortReport(80, 17), new PortReport(443, 5));
        assertThat(db.objects(MinuteMv.class).count()).as("a TO view reads its table, summed on insert").isEqualTo(2);

        assertThat(migrations.sqlMigrate("reports", "0001_initial", true)).filteredOn(s -> s.startsWith("DROP"))
                .containsExactly("DROP VIEW IF EXISTS `port_report`", "DROP VIEW IF EXISTS `minute_mv`", "DROP TABLE IF EXISTS `totals`");
        migrations.migrate(MigrateOptions.to("ingest/zero"));
        assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name NOT LIKE 'chorm%'")).isEmpty();
    }

    @Test
    void aQueryChangeMigratesForwardsAndBackwards() {
        migrations(MinuteMv.class, PortReport.class).makeMigrations(MakeMigrationsOptions.defaults());
        Migrations v2 = migrations(dev.chorm.migrations.fixtures.views.v2.MinuteMv.class,
                dev.chorm.migrations.fixtures.views.v2.PortReport.class);
        MakeMigrationsResult changed = v2.makeMigrations(MakeMigrationsOptions.defaults());
        Migration change = changed.migrations().get(0);
        assertThat(change.operations()).hasExactlyElementsOfTypes(AlterViewQuery.class, AlterViewQuery.class);
        assertThat(change.name()).isEqualTo("0002_alter_minute_mv_query_alter_port_report_query");
        assertThat(v2.sqlMigrate("reports", change.name(), false)).containsExactly(
                "-- Change the query of view MinuteMv (ALTER TABLE ... MODIFY QUERY)",
                "ALTER TABLE `minute_mv` MODIFY QUERY SELECT port, bytes * 2 AS bytes FROM hit",
                "-- Change the query of view PortReport (CREATE OR REPLACE VIEW)",
                "CREATE OR REPLACE VIEW `port_report`\nAS " + ModelMeta.of(dev.chorm.migrations.fixtures.views.v2.PortReport.class)
                        .table().view().query());

        v2.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(dev.chorm.migrations.fixtures.views.v2.MinuteMv.class, dev.chorm.migrations.fixtures.views.v2.PortReport.class);
        assertThat(v2.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        db.objects(Hit.class).bulkCreate(List.of(new Hit(t, 80, 10), new Hit(t, 443, 5)));
        assertThat(db.objects(dev.chorm.migrations.fixtures.views.v2.PortReport.class).fetch())
                .containsExactly(new dev.chorm.migrations.fixtures.views.v2.PortReport(443, 10));

        v2.migrate(MigrateOptions.to("reports/0001"));
        assertLiveEqualsModels(MinuteMv.class, PortReport.class);
        db.objects(Hit.class).bulkCreate(List.of(new Hit(t, 80, 1)));
        assertThat(db.objects(PortReport.class).orderBy("port").fetch())
                .containsExactly(new PortReport(80, 21), new PortReport(443, 10));
    }
}
