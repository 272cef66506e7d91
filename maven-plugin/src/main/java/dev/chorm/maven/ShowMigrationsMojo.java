package dev.chorm.maven;

import dev.chorm.db.Database;
import dev.chorm.migrations.MigrationStatus;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * List every migration of every app with whether it is applied, as Django's {@code showmigrations}:
 * {@code [X]} applied, {@code [ ]} not applied, {@code [~]} stopped part-way (run migrate to finish it).
 */
@Mojo(name = "showmigrations", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class ShowMigrationsMojo extends AbstractClickhouseMojo {
    @Override
    protected void run(GoalContext goal) {
        try (Database db = goal.openDatabase()) {
            goal.print(MigrationStatus.render(goal.migrations(db).showMigrations()));
        }
    }
}
