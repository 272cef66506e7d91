package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.junit.internal.Declarations.SchemaSource;
import dev.chorm.migrations.MigrateOptions;
import dev.chorm.migrations.Migrations;
import java.nio.file.Path;

/**
 * Create the tables of a fresh test database: apply the project's migrations (the classpath's
 * {@code db/clickhouse} plus the folder {@code chorm.test.migrations} names, if any), or create the
 * models' tables straight away; either way rendered for the database's storage profile.
 */
final class SchemaFiller {
    /** The key naming an extra folder of migrations, read besides the classpath. */
    static final String MIGRATIONS_KEY = "chorm.test.migrations";

    private SchemaFiller() {
    }

    /** Fill {@code db} (opened on the new database) for {@code setup}; DDL runs ON CLUSTER {@code cluster} when not empty. */
    static void fill(TestSetup setup, Database db, String cluster) {
        if (setup.schema() == SchemaSource.MODELS) {
            db.createTables(setup.models().toArray(Class<?>[]::new));
            return;
        }
        ClassLoader loader = loader(setup.testClass());
        Path extra = setup.config().get(MIGRATIONS_KEY).map(Path::of).orElse(null);
        Migrations.builder().classLoader(loader).directory(extra).sql(db.executor()).profiles(db.profiles()).cluster(cluster)
                .build()
                .migrate(MigrateOptions.latest());
    }

    private static ClassLoader loader(Class<?> testClass) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : testClass.getClassLoader();
    }

    /** Return what decides the template's contents, for caching it. */
    static String identity(TestSetup setup) {
        return setup.schema() == SchemaSource.MODELS
                ? "models:" + setup.models().stream().map(Class::getName).toList()
                : "migrations:" + setup.config().get(MIGRATIONS_KEY).orElse("");
    }
}
