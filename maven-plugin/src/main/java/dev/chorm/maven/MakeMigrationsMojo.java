package dev.chorm.maven;

import dev.chorm.migrations.MakeMigrationsOptions;
import dev.chorm.migrations.MakeMigrationsResult;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Write the migrations that the model changes need, as Django's {@code makemigrations}:
 * {@code mvn compile clickhouse:makemigrations}. With {@code -Dclickhouse.check=true} write nothing and
 * fail when models have changes that no migration holds yet, naming them (for CI).
 *
 * <p>Bound to a lifecycle phase (default {@code verify}), the goal checks unless {@code check} is set to
 * false: a build never writes source files by surprise.
 */
@Mojo(name = "makemigrations", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class MakeMigrationsMojo extends AbstractClickhouseMojo {
    /** The apps to write migrations for, comma-separated (an app is the last segment of a model package). Default: all. */
    @Parameter(property = "clickhouse.app")
    private String app;

    /** The name after the number, {@code 0002_<name>}. Default: derived from the operations. */
    @Parameter(property = "clickhouse.name")
    private String name;

    /**
     * Write nothing; fail when models have unmigrated changes. Default: false on the command line, true
     * when the goal is bound to a lifecycle phase.
     */
    @Parameter(property = "clickhouse.check")
    private Boolean check;

    /** Write an empty migration for each app in {@link #app}, to fill in by hand (RunSQL, RunJava). Default: false. */
    @Parameter(property = "clickhouse.empty")
    private Boolean empty;

    /** Write a merge migration for each app with two leaf migrations. Default: false. */
    @Parameter(property = "clickhouse.merge")
    private Boolean merge;

    /**
     * Answers to rename questions, comma-separated: {@code events.Event.ip=address} (a field rename),
     * {@code events.Event=FirewallEvent} (a model rename), {@code events.Event.ip!=address} (not a rename).
     */
    @Parameter(property = "clickhouse.renames")
    private String renames;

    /** Allow changes that rebuild a table and copy its rows (an engine change). Default: false. */
    @Parameter(property = "clickhouse.allowDataCopy")
    private Boolean allowDataCopy;

    @Override
    protected void goalParameters(Map<String, Object> parameters) {
        parameters.put("app", app);
        parameters.put("name", name);
        parameters.put("check", check);
        parameters.put("empty", empty);
        parameters.put("merge", merge);
        parameters.put("renames", renames);
        parameters.put("allowDataCopy", allowDataCopy);
    }

    @Override
    protected void run(GoalContext goal) throws MojoFailureException {
        MergedConfiguration c = goal.configuration();
        boolean checkOnly = c.flag("check", boundToLifecycle());
        boolean empty = c.flag("empty", false);
        boolean merge = c.flag("merge", false);
        if (!empty && !merge) {
            goal.requireModels();
        }
        MakeMigrationsOptions options = MakeMigrationsOptions.defaults()
                .withApps(c.list("app").toArray(String[]::new)).withName(c.string("name").orElse(""))
                .withCheck(checkOnly).withEmpty(empty).withMerge(merge)
                .withRenames(c.list("renames").toArray(String[]::new)).withAllowDataCopy(c.flag("allowDataCopy", false));
        MakeMigrationsResult result = goal.migrationsWithoutDatabase().makeMigrations(options);
        if (checkOnly && result.changesDetected()) {
            throw new MojoFailureException(result.checkFailureMessage());
        }
        goal.print(result.summary());
    }
}
