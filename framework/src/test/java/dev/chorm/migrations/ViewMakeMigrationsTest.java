package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.migrations.fixtures.views.ingest.Hit;
import dev.chorm.migrations.fixtures.views.reports.MinuteMv;
import dev.chorm.migrations.fixtures.views.reports.PortReport;
import dev.chorm.migrations.fixtures.views.reports.Totals;
import dev.chorm.migrations.fixtures.views.v3.Other;
import dev.chorm.migrations.operations.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-app migration dependencies from the models' dependencies, without a database. */
class ViewMakeMigrationsTest {
    @TempDir
    Path dir;

    private Migrations migrations(List<Class<?>> ingest, List<Class<?>> reports) {
        return Migrations.builder().models(AppModels.of(Map.of("ingest", ingest, "reports", reports)))
                .directory(dir).classLoader(null).build();
    }

    private static Migration of(MakeMigrationsResult made, String app) {
        return made.migrations().stream().filter(m -> m.app().equals(app)).findFirst().orElseThrow();
    }

    @Test
    void viewsOverAnotherAppsTableDependOnItsMigrationAndItsDeletionWaitsForTheirs() {
        MakeMigrationsResult first = migrations(List.of(Hit.class), List.of(PortReport.class, MinuteMv.class, Totals.class))
                .makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(of(first, "reports").dependencies()).containsExactly(MigrationKey.parse("ingest/0001_initial"));
        assertThat(of(first, "ingest").dependencies()).isEmpty();

        MakeMigrationsResult second = migrations(List.of(Other.class), List.of(Totals.class))
                .makeMigrations(MakeMigrationsOptions.defaults());
        Migration reports = of(second, "reports");
        Migration ingest = of(second, "ingest");
        assertThat(reports.operations()).extracting(Operation::describe)
                .containsExactly("Delete model PortReport", "Delete model MinuteMv");
        assertThat(reports.dependencies()).containsExactly(MigrationKey.parse("reports/0001_initial"));
        assertThat(ingest.dependencies()).containsExactly(MigrationKey.parse("ingest/0001_initial"), reports.key());
    }

    @Test
    void aNewViewOverAnUnchangedAppDependsOnThatAppsLatestMigration() {
        migrations(List.of(Hit.class), List.of(Totals.class)).makeMigrations(MakeMigrationsOptions.defaults());
        MakeMigrationsResult added = migrations(List.of(Hit.class), List.of(PortReport.class, MinuteMv.class, Totals.class))
                .makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(added.migrations()).hasSize(1);
        assertThat(added.migrations().get(0).dependencies()).containsExactly(MigrationKey.parse("reports/0001_initial"),
                MigrationKey.parse("ingest/0001_initial"));
    }

    @Test
    void aViewMadeForItsAppAloneOverAnotherAppsTableNoMigrationCreatesYetIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations(List.of(Hit.class),
                        List.of(PortReport.class, MinuteMv.class, Totals.class))
                        .makeMigrations(MakeMigrationsOptions.defaults().withApps("reports")))
                .isInstanceOf(dev.chorm.MigrationException.class)
                .hasMessage("Model reports.MinuteMv reads or writes table hit of model ingest.Hit, which no migration creates yet,"
                        + " so the new migration of app reports could not depend on one. Make the migrations of app ingest too"
                        + " (makemigrations without an app, or with ingest as well).");
    }

    @Test
    void aViewOverATableNoModelOfTheProjectDeclaresIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations(List.of(Hit.class), List.of(PortReport.class))
                        .makeMigrations(MakeMigrationsOptions.defaults()))
                .isInstanceOf(dev.chorm.MigrationException.class)
                .hasMessage("Model reports.PortReport reads or writes table totals, which no model of the project declares,"
                        + " so no migration would create it first. Add that model's class to an app (its package to"
                        + " chorm.models.packages).");
    }
}
