package dev.chorm.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Print the SQL of one migration without running it, as Django's {@code sqlmigrate}:
 * {@code mvn clickhouse:sqlmigrate -Dclickhouse.app=events -Dclickhouse.name=0001}. Needs no database.
 */
@Mojo(name = "sqlmigrate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class SqlMigrateMojo extends AbstractClickhouseMojo {
    /** The app of the migration. Required. */
    @Parameter(property = "clickhouse.app")
    private String app;

    /** The migration's name or a unique prefix of it, such as {@code 0001}. Required. */
    @Parameter(property = "clickhouse.name")
    private String name;

    /** Print the SQL that unapplies the migration instead. Default: false. */
    @Parameter(property = "clickhouse.backwards")
    private Boolean backwards;

    /** Also write the SQL to this file (relative to the project's base directory). Default: none. */
    @Parameter(property = "clickhouse.outputFile")
    private String outputFile;

    @Override
    protected void goalParameters(Map<String, Object> parameters) {
        parameters.put("app", app);
        parameters.put("name", name);
        parameters.put("backwards", backwards);
        parameters.put("outputFile", outputFile);
    }

    @Override
    protected void run(GoalContext goal) throws MojoExecutionException, MojoFailureException {
        MergedConfiguration c = goal.configuration();
        Optional<String> app = c.string("app");
        Optional<String> name = c.string("name");
        if (app.isEmpty() || name.isEmpty()) {
            throw new MojoFailureException("sqlmigrate needs an app and a migration name, for example"
                    + " 'mvn clickhouse:sqlmigrate -Dclickhouse.app=events -Dclickhouse.name=0001'."
                    + " Run 'mvn clickhouse:showmigrations' to list them.");
        }
        List<String> statements = goal.migrationsWithoutDatabase().sqlMigrate(app.get(), name.get(), c.flag("backwards", false));
        String sql = statements.isEmpty() ? "-- (no SQL)" : render(statements);
        goal.print(sql);
        Optional<String> outputFile = c.string("outputFile");
        if (outputFile.isPresent()) {
            write(project.getBasedir().toPath().resolve(outputFile.get()), sql + "\n");
        }
    }

    /** Return the statements as a script: each ends with a semicolon, comment lines (the operation descriptions) do not. */
    private static String render(List<String> statements) {
        StringBuilder script = new StringBuilder();
        boolean afterComment = false;
        for (String statement : statements) {
            boolean comment = statement.lines().allMatch(line -> line.strip().startsWith("--"));
            if (script.length() > 0 && (comment || !afterComment)) {
                script.append('\n');
            }
            script.append(statement).append(comment ? "\n" : ";\n");
            afterComment = comment;
        }
        return script.toString().stripTrailing();
    }

    private void write(Path file, String sql) throws MojoExecutionException {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            getLog().info("Wrote " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the SQL to " + file + ": " + e.getMessage(), e);
        }
    }
}
