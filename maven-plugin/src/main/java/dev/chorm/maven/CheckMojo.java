package dev.chorm.maven;

import dev.chorm.model.ModelChecks;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Check the models and migrations, as Django's {@code check}: fail when ClickHouse would reject a model,
 * when migrations conflict, or when models changed without a migration. Needs no database.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class CheckMojo extends AbstractClickhouseMojo {
    @Override
    protected void run(GoalContext goal) throws MojoFailureException {
        goal.requireModels();
        dev.chorm.migrations.AppModels models = goal.models(); // one classpath scan for the check and the notes
        List<String> problems = goal.migrationsWithoutDatabase(models).check();
        if (!problems.isEmpty()) {
            throw new MojoFailureException("System check identified %d issue(s):\n%s"
                    .formatted(problems.size(), String.join("\n", problems)));
        }
        goal.print("System check identified no issues.");
        // Defaults chorm chose where a model states nothing (the sorting key above all), as notes, not issues.
        for (String app : models.labels()) {
            ModelChecks.notes(models.models(app).toArray(Class<?>[]::new)).forEach(n -> goal.print("Note: " + n));
        }
    }
}
