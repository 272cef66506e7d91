package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.refresh.OtherBytes;
import dev.chorm.migrations.fixtures.refresh.PortBytes;
import dev.chorm.migrations.fixtures.refresh.v1.Hourly;
import dev.chorm.migrations.fixtures.refresh.v1.Later;
import dev.chorm.migrations.fixtures.views.ingest.Hit;
import dev.chorm.migrations.operations.AlterViewRefresh;
import dev.chorm.migrations.operations.RecreateView;
import dev.chorm.model.ModelMeta;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refreshable materialized views through makemigrations and migrate on the real engine: a changed
 * schedule (with APPEND and DEPENDS ON kept) is {@code ALTER TABLE ... MODIFY REFRESH}, forwards and
 * backwards, and the rows in the target stay; a re-create of a view that another one DEPENDS ON runs
 * (the engine resolves DEPENDS ON by name, so the new view is the one depended on).
 */
class RefreshableViewMigrationsEngineTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("refresh"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations(Class<?> hourly, Class<?> later) {
        return Migrations.builder().models(AppModels.of("stats", later, hourly, Hit.class, PortBytes.class, OtherBytes.class))
                .directory(dir).classLoader(null).sql(db.executor()).build();
    }

    private void assertLiveEqualsModels(Class<?>... models) {
        for (Class<?> model : models) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName())
                    .isEqualTo(canonical(db, ModelMeta.of(model).table()));
        }
    }

    private String create(String view) {
        return db.query("SHOW CREATE TABLE " + view).get(0).get("statement").toString();
    }

    @Test
    void aScheduleChangeIsModifyRefreshForwardsAndBackwardsKeepingTheRows() {
        Migrations v1 = migrations(Hourly.class, Later.class);
        v1.makeMigrations(MakeMigrationsOptions.defaults());
        v1.migrate(MigrateOptions.latest());
        db.execute("INSERT INTO port_bytes VALUES (1, 100)");

        Migrations v2 = migrations(dev.chorm.migrations.fixtures.refresh.v2.Hourly.class,
                dev.chorm.migrations.fixtures.refresh.v2.Later.class);
        Migration change = v2.makeMigrations(MakeMigrationsOptions.defaults()).migrations().get(0);
        assertThat(change.operations()).hasExactlyElementsOfTypes(AlterViewRefresh.class, AlterViewRefresh.class);
        assertThat(change.name()).isEqualTo("0002_alter_hourly_refresh_alter_later_refresh");
        assertThat(v2.sqlMigrate("stats", change.name(), false)).containsExactly(
                "-- Change the refresh of view Hourly to EVERY 2 HOUR (ALTER TABLE ... MODIFY REFRESH)",
                "ALTER TABLE `hourly` MODIFY REFRESH EVERY 2 HOUR",
                "-- Change the refresh of view Later to EVERY 2 HOUR OFFSET 5 MINUTE (ALTER TABLE ... MODIFY REFRESH)",
                "ALTER TABLE `later` MODIFY REFRESH EVERY 2 HOUR OFFSET 5 MINUTE DEPENDS ON `hourly` APPEND");
        v2.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(dev.chorm.migrations.fixtures.refresh.v2.Hourly.class,
                dev.chorm.migrations.fixtures.refresh.v2.Later.class);
        assertThat(v2.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
        assertThat(db.query("SELECT port, bytes FROM port_bytes")).containsExactly(Map.of("port", 1, "bytes", 100L));

        v2.migrate(MigrateOptions.to("stats/0001"));
        assertLiveEqualsModels(Hourly.class, Later.class);
        assertThat(db.query("SELECT port, bytes FROM port_bytes")).containsExactly(Map.of("port", 1, "bytes", 100L));
    }

    @Test
    void aViewAnotherDependsOnIsRecreatedAndStillRefreshesFirst() {
        Migrations v1 = migrations(Hourly.class, Later.class);
        v1.makeMigrations(MakeMigrationsOptions.defaults());
        v1.migrate(MigrateOptions.latest());

        Migrations v3 = migrations(dev.chorm.migrations.fixtures.refresh.v3.Hourly.class,
                dev.chorm.migrations.fixtures.refresh.v3.Later.class);
        Migration change = v3.makeMigrations(MakeMigrationsOptions.defaults()).migrations().get(0);
        assertThat(change.operations()).hasExactlyElementsOfTypes(RecreateView.class);
        v3.migrate(MigrateOptions.latest());
        assertLiveEqualsModels(dev.chorm.migrations.fixtures.refresh.v3.Hourly.class,
                dev.chorm.migrations.fixtures.refresh.v3.Later.class);
        assertThat(create("later")).contains("DEPENDS ON " + db.query("SELECT currentDatabase() AS d").get(0).get("d") + ".hourly");

        db.execute("INSERT INTO hit VALUES (now(), 80, 10), (now(), 80, 20)");
        db.execute("SYSTEM REFRESH VIEW hourly");
        db.execute("SYSTEM WAIT VIEW hourly");
        assertThat(db.query("SELECT port, bytes FROM other_bytes")).containsExactly(Map.of("port", 80, "bytes", 30L));

        v3.migrate(MigrateOptions.to("stats/0001"));
        assertLiveEqualsModels(Hourly.class, Later.class);
        v3.migrate(MigrateOptions.to("stats/zero"));
        assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name NOT LIKE 'chorm%'"))
                .isEqualTo(List.of());
    }
}
