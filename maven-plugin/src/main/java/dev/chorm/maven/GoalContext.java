package dev.chorm.maven;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.db.DatabaseConfig;
import dev.chorm.migrations.AppModels;
import dev.chorm.migrations.MakeMigrationsOptions;
import dev.chorm.migrations.MakeMigrationsResult;
import dev.chorm.migrations.Migration;
import dev.chorm.migrations.Migrations;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Give a goal what it works with: the merged configuration, the project class loader, the log, and
 * the framework's {@link Migrations} with or without a database.
 *
 * <pre>{@code
 * try (Database db = goal.openDatabase()) {
 *     goal.migrations(db).showMigrations();
 * }
 * }</pre>
 */
public final class GoalContext {
    private final String goal;
    private final MergedConfiguration configuration;
    private final ClassLoader loader;
    private final Log log;
    private final CompiledClasses classes;

    GoalContext(String goal, MergedConfiguration configuration, ClassLoader loader, Log log, CompiledClasses classes) {
        this.goal = goal;
        this.configuration = configuration;
        this.loader = loader;
        this.log = log;
        this.classes = classes;
    }

    /** Return the merged configuration: goal parameters and framework keys. */
    public MergedConfiguration configuration() {
        return configuration;
    }

    /** Return the framework configuration. */
    public Config config() {
        return configuration.config();
    }

    /** Return the Maven log. */
    public Log log() {
        return log;
    }

    /** Write {@code text} to the log at info level, one log line per line of text. */
    public void info(String text) {
        text.lines().forEach(log::info);
    }

    /**
     * Print the goal's result (sqlmigrate's SQL, showmigrations' list, makemigrations' summary,
     * check's findings) to standard output, not the log: it keeps no {@code [INFO]} prefixes and
     * survives {@code -q}, so {@code mvn -q clickhouse:sqlmigrate ... > x.sql} writes the SQL.
     */
    public void print(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /** Open the configured database alias: its URL, or the embedded engine in the data directory when it has none. */
    public Database openDatabase() {
        DatabaseConfig database = config().database(configuration.alias());
        log.info(database.url().map(url -> "ClickHouse '%s': %s".formatted(database.alias(), url.replaceFirst("\\?.*", "")))
                .orElse("ClickHouse '%s': embedded engine, data in %s".formatted(database.alias(), database.dataDir())));
        return Database.connect(config(), configuration.alias());
    }

    /** Return migrations over {@code database}: the configured models, the migration directory and the classpath. */
    public Migrations migrations(Database database) {
        return migrationsBuilder(database).build();
    }

    /** Return the builder of {@link #migrations}, for a goal that sets more (the migration lock's limits). */
    public Migrations.Builder migrationsBuilder(Database database) {
        return Migrations.builder(config(), database, loader, configuration.migrationsDirectory());
    }

    /** Return the models of the configured model packages, by app. */
    public AppModels models() {
        return AppModels.scan(loader, config().modelPackages());
    }

    /**
     * Return migrations that need no database (makemigrations, sqlmigrate, check): the configured models,
     * the migration directory, the classpath and the alias's storage profiles (what sqlmigrate renders
     * for and check verifies the models against).
     */
    public Migrations migrationsWithoutDatabase() {
        return migrationsWithoutDatabase(models());
    }

    /** As {@link #migrationsWithoutDatabase()}, over models already scanned. */
    public Migrations migrationsWithoutDatabase(AppModels models) {
        return Migrations.builder().models(models).classLoader(loader)
                .directory(configuration.migrationsDirectory()).profiles(config().profiles(configuration.alias())).build();
    }

    /**
     * Return the apps whose models have changes that no migration holds yet, sorted; empty when
     * there are none or the models cannot be read (no packages configured, not compiled).
     */
    public List<String> appsWithUnmigratedChanges() {
        if (config().modelPackages().isEmpty() || !classes.present()) {
            return List.of();
        }
        MakeMigrationsResult dryRun = migrationsWithoutDatabase().makeMigrations(MakeMigrationsOptions.defaults().withCheck(true));
        return dryRun.migrations().stream().map(Migration::app).distinct().sorted().toList();
    }

    /**
     * Fail unless models can be read: packages are configured and the project is compiled. Warn when
     * sources changed after the last compile, because the goal would see the old models.
     */
    public void requireModels() throws MojoFailureException {
        List<String> packages = config().modelPackages();
        if (packages.isEmpty()) {
            throw new MojoFailureException(("No model packages are configured, so there are no models to read. Set"
                    + " <packages><package>com.example.events</package></packages> in the plugin's configuration,"
                    + " or chorm.models.packages=com.example.events in clickhouse.properties."));
        }
        classes.require(goal);
    }
}
