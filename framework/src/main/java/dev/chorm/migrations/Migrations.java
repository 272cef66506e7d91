package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.db.DatabaseConfig;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drive the migration engine with one call per command: {@code makemigrations}, {@code migrate},
 * {@code showmigrations}, {@code sqlmigrate} and {@code check}. The Maven goals are thin wrappers
 * around this class.
 *
 * <pre>{@code
 * Migrations migrations = Migrations.builder()
 *         .models(AppModels.scan(loader, List.of("com.example.events")))
 *         .directory(Path.of("src/main/resources/db/clickhouse"))
 *         .classLoader(loader)
 *         .sql(db.executor())
 *         .build();
 * migrations.makeMigrations(MakeMigrationsOptions.defaults());
 * migrations.migrate(MigrateOptions.latest().withListener(ProgressListener.printing(log::info)));
 * }</pre>
 */
public final class Migrations {
    private final Builder settings;

    private Migrations(Builder b) {
        this.settings = b;
    }

    /** Return a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Return migrations configured from {@code config}: the models of {@code chorm.models.packages}, the
     * migration cluster and storage profiles of {@code database}, and the migrations in {@code directory}
     * and on the classpath. Under {@code single-node} the history and lock tables are local too.
     */
    public static Builder builder(Config config, Database database, ClassLoader loader, Path directory) {
        DatabaseConfig c = config.database(database.alias());
        return builder().models(AppModels.scan(loader, config.modelPackages())).classLoader(loader).directory(directory)
                .sql(database.executor()).profiles(database.profiles()).cluster(c.migrationCluster());
    }

    /** Write the migrations the model changes need (or only report them, with {@code check}). */
    public MakeMigrationsResult makeMigrations(MakeMigrationsOptions options) {
        return new MigrationMaker(graph(), settings.models, settings.directory).make(options);
    }

    /** Apply migrations to {@code options}' targets and return what was done. */
    public MigrateResult migrate(MigrateOptions options) {
        return executor().migrate(options);
    }

    /** Return the plan {@code migrate} would run for {@code options}, without running it. */
    public MigrationPlan plan(MigrateOptions options) {
        return executor().migrationPlan(options);
    }

    /** Return the status of every migration; render it with {@link MigrationStatus#render}. */
    public List<MigrationStatus> showMigrations() {
        return executor().showMigrations();
    }

    /**
     * Return the SQL of migration {@code app}/{@code name} (a unique prefix such as {@code 0003}) rendered for
     * the configured storage profiles, without running it.
     */
    public List<String> sqlMigrate(String app, String name, boolean backwards) {
        MigrationGraph graph = graph();
        MigrationTarget target = MigrationTarget.resolve(graph, app + "/" + name);
        if (target.isZero()) {
            throw new MigrationException("sqlmigrate needs a migration name, not 'zero'. Run 'mvn clickhouse:showmigrations' to list them.");
        }
        return MigrationExecutor.builder(new NoDatabase(), graph).profiles(settings.profiles).build()
                .collectSql(target.key(), backwards);
    }

    /**
     * Return the problems that would stop makemigrations or migrate: models ClickHouse would reject,
     * models their storage profile cannot render, conflicting migrations, and model changes without a
     * migration. Empty when all is well.
     */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(ProfileMappings.problems(settings.profiles, settings.models.state()));
            MigrationGraph graph = graph();
            graph.checkConsistent();
            MakeMigrationsResult pending = new MigrationMaker(graph, settings.models, settings.directory)
                    .make(MakeMigrationsOptions.defaults().withCheck(true));
            if (pending.changesDetected()) {
                problems.add(pending.checkFailureMessage());
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Return the graph of all migrations: the directory's and the classpath's. */
    public MigrationGraph graph() {
        List<Path> dirs = settings.directory == null ? List.of() : List.of(settings.directory);
        return new MigrationLoader(dirs, settings.classLoader).loadGraph();
    }

    private MigrationExecutor executor() {
        if (settings.sql == null) {
            throw new MigrationException("No database to migrate: configure chorm.databases.<alias>.url, or leave it out to use the embedded engine.");
        }
        // Under single-node the history and lock tables are local like every other table.
        String cluster = settings.profiles.profile() == StorageProfile.SINGLE_NODE ? "" : settings.cluster;
        return MigrationExecutor.builder(settings.sql, graph()).database(settings.database).cluster(cluster)
                .profiles(settings.profiles).classLoader(settings.classLoader).lockWait(settings.lockWait)
                .lockStaleAfter(settings.lockStaleAfter).boundaryHook(settings.hook).build();
    }

    /** Configure {@link Migrations}. */
    public static final class Builder {
        private AppModels models = AppModels.of(java.util.Map.of());
        private Path directory;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private SqlExecutor sql;
        private String database = "";
        private String cluster = "";
        private Duration lockWait = MigrationExecutor.DEFAULT_LOCK_WAIT;
        private Duration lockStaleAfter = MigrationExecutor.DEFAULT_LOCK_STALE_AFTER;
        private BoundaryHook hook = BoundaryHook.NONE;
        private StorageProfiles profiles = StorageProfiles.of(StorageProfile.CLUSTER, "as declared");

        private Builder() {
        }

        /**
         * Set the storage profiles that migrate and sqlmigrate render tables for, and that check verifies
         * the models against (default: {@code cluster}, as declared).
         */
        public Builder profiles(StorageProfiles profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles == null");
            return this;
        }

        /** Set the apps and their model classes. */
        public Builder models(AppModels models) {
            this.models = Objects.requireNonNull(models, "models == null");
            return this;
        }

        /** Set the folder migrations are written to and read from ({@code src/main/resources/db/clickhouse}). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Set the project class loader: models, migrations shipped in jars, RunJava classes. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Set the database connection; needed by migrate and showmigrations only. */
        public Builder sql(SqlExecutor sql) {
            this.sql = sql;
            return this;
        }

        /** Set the database of the history table (default: the connection's current one). */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** Set the migration cluster (history table replicated, created ON CLUSTER); ignored under {@code single-node}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Set how long migrate waits for another run's lock (default 5 minutes). */
        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        /**
         * Set after how long without heartbeat a lock counts as left by a dead run (default 2 minutes); a
         * lock whose holder ran on this host and is gone is taken at once.
         */
        public Builder lockStaleAfter(Duration lockStaleAfter) {
            this.lockStaleAfter = lockStaleAfter;
            return this;
        }

        /** Set a hook called at every recorded boundary of migrate (tests simulate kills with it). */
        public Builder boundaryHook(BoundaryHook hook) {
            this.hook = hook;
            return this;
        }

        /** Return the configured {@link Migrations}. */
        public Migrations build() {
            return new Migrations(this);
        }
    }

    /** Refuse every statement: sqlmigrate only collects. */
    private static final class NoDatabase implements SqlExecutor {
        @Override
        public void execute(String sql) {
            throw new IllegalStateException("sqlmigrate does not run SQL");
        }

        @Override
        public List<java.util.Map<String, Object>> query(String sql) {
            throw new IllegalStateException("sqlmigrate does not read the database");
        }
    }
}
