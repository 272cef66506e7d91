package dev.chorm.maven;

import dev.chorm.db.Database;
import dev.chorm.migrations.MigrateOptions;
import dev.chorm.migrations.MigrateResult;
import dev.chorm.migrations.MigrationExecutor;
import dev.chorm.migrations.Migrations;
import dev.chorm.migrations.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Apply migrations to the database, as Django's {@code migrate}: {@code mvn clickhouse:migrate}, or
 * {@code -Dclickhouse.target=events/0002} to go forwards or backwards to a migration, or
 * {@code events/zero} to unapply an app. Prints progress as it goes, including that of long mutations.
 */
@Mojo(name = "migrate", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class MigrateMojo extends AbstractClickhouseMojo {
    /**
     * Where to take the database, comma-separated: {@code events} (its latest migration), {@code events/0002}
     * (a unique prefix of a migration name) or {@code events/zero}. Default: every app's latest migration.
     */
    @Parameter(property = "clickhouse.target")
    private String target;

    /** Record the migrations as applied (or unapplied) without running their SQL. Default: false. */
    @Parameter(property = "clickhouse.fake")
    private Boolean fake;

    /** Record an initial migration as applied without running it when all its tables exist. Default: false. */
    @Parameter(property = "clickhouse.fakeInitial")
    private Boolean fakeInitial;

    /** Print the plan (migrations and their operations) and change nothing. Default: false. */
    @Parameter(property = "clickhouse.plan")
    private Boolean plan;

    /**
     * How long to wait, in seconds, for the migration lock of another run before failing with its holder's
     * name. Default: 300.
     */
    @Parameter(property = "clickhouse.lockWait")
    private String lockWait;

    /**
     * After how many seconds without heartbeat a lock held from another host counts as left by a dead run
     * and is broken; a lock whose holder ran on this host and is gone is taken at once. Default: 120.
     */
    @Parameter(property = "clickhouse.lockStaleAfter")
    private String lockStaleAfter;

    @Override
    protected void goalParameters(Map<String, Object> parameters) {
        parameters.put("target", target);
        parameters.put("fake", fake);
        parameters.put("fakeInitial", fakeInitial);
        parameters.put("plan", plan);
        parameters.put("lockWait", lockWait);
        parameters.put("lockStaleAfter", lockStaleAfter);
    }

    @Override
    protected void run(GoalContext goal) {
        MergedConfiguration c = goal.configuration();
        MigrateOptions options = new MigrateOptions(c.list("target"), c.flag("fake", false), c.flag("fakeInitial", false),
                ProgressListener.printing(goal.log()::info));
        try (Database db = goal.openDatabase()) {
            Migrations migrations = goal.migrationsBuilder(db)
                    .lockWait(c.seconds("lockWait", MigrationExecutor.DEFAULT_LOCK_WAIT))
                    .lockStaleAfter(c.seconds("lockStaleAfter", MigrationExecutor.DEFAULT_LOCK_STALE_AFTER)).build();
            if (c.flag("plan", false)) {
                goal.print(migrations.plan(options).display(true));
                return;
            }
            MigrateResult result = migrations.migrate(options);
            goal.info(result.isEmpty() ? "No migrations to apply." : "Applied %d, unapplied %d, faked %d migration(s)."
                    .formatted(result.applied().size(), result.unapplied().size(), result.faked().size()));
        }
        warnAboutUnmigratedChanges(goal);
    }

    /** As Django's migrate: say when models have changes that no migration holds, which this run could not apply. */
    private static void warnAboutUnmigratedChanges(GoalContext goal) {
        List<String> apps;
        try {
            apps = goal.appsWithUnmigratedChanges();
        } catch (RuntimeException e) {
            goal.log().warn("Cannot tell whether the models have changes without a migration: " + e.getMessage()
                    + " Run 'mvn compile clickhouse:makemigrations' to see.");
            return;
        }
        if (!apps.isEmpty()) {
            goal.log().warn(("Your models in app(s): %s have changes that are not yet reflected in a migration, and so"
                    + " won't be applied. Run 'mvn compile clickhouse:makemigrations' to make new migrations, and then"
                    + " re-run 'mvn clickhouse:migrate' to apply them.")
                    .formatted(apps.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "))));
        }
    }
}
