package dev.chorm.maven;

import dev.chorm.ModelDefinitionException;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Run one goal over the framework: honour {@code skip}, merge the configuration in its one order
 * (see {@link ConfigurationSources}), announce the storage profile in force, load the project's
 * classes, and turn failures into Maven's
 * two kinds: {@link MojoFailureException} when the project is at fault in an expected way (a check
 * failed, models changed without a migration, a model ClickHouse would reject) and
 * {@link MojoExecutionException} for anything else, always with the framework's message.
 *
 * <p>A goal implements {@link #run} in a few lines and lists its own parameters, if any, in {@link #goalParameters}.
 */
public abstract class AbstractClickhouseMojo extends AbstractMojo {
    /** The project the goal runs in. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session (for the command line's {@code -D} properties). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This goal's execution (for whether it was bound to a lifecycle phase or called on the command line). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Skip the goal. */
    @Parameter(property = "clickhouse.skip")
    private Boolean skip;

    /** The database alias to work on, as in {@code chorm.databases.<alias>.url}. Default: {@code default}. */
    @Parameter(property = "clickhouse.database")
    private String database;

    /**
     * The JDBC URL of the database ({@code chorm.databases.<alias>.url}). Default: none, which means the
     * embedded engine with its data in {@link #dataDir}.
     */
    @Parameter(property = "clickhouse.url")
    private String url;

    /** The user name ({@code chorm.databases.<alias>.user}). Default: {@code default}. */
    @Parameter(property = "clickhouse.user")
    private String user;

    /** The password ({@code chorm.databases.<alias>.password}). Default: empty. */
    @Parameter(property = "clickhouse.password")
    private String password;

    /**
     * The embedded engine's data directory when no URL is set ({@code chorm.databases.<alias>.data-dir}),
     * relative to the project's base directory. Default: {@code .chorm/data}, outside {@code target/} so
     * that the local database survives {@code mvn clean}.
     */
    @Parameter(property = "clickhouse.dataDir")
    private String dataDir;

    /**
     * The storage profile models are rendered for, {@code cluster} or {@code single-node}
     * ({@code chorm.databases.<alias>.profile}): {@code -Dclickhouse.profile=cluster} makes sqlmigrate show
     * the cluster's SQL on a laptop. Default: {@code single-node} for the embedded engine and a server
     * without a configured cluster, {@code cluster} when a migration or test cluster is configured.
     */
    @Parameter(property = "clickhouse.profile")
    private String profile;

    /** The packages holding models, one app per package ({@code chorm.models.packages}). */
    @Parameter(property = "clickhouse.packages")
    private List<String> packages;

    /**
     * The folder migrations are written to and read from, one subfolder per app, relative to the project's
     * base directory. Default: {@code src/main/resources/db/clickhouse}.
     */
    @Parameter(property = "clickhouse.migrationsDirectory")
    private String migrationsDirectory;

    /**
     * Framework keys, written in full, for what has no parameter of its own:
     * {@code <config><chorm.databases.default.settings.mutations_sync>1</chorm.databases.default.settings.mutations_sync></config>}.
     */
    @Parameter
    private Map<String, String> config;

    /**
     * Run the goal: merge the configuration, stop here when skipped, else run {@link #run} with the
     * project class loader as the thread's context class loader.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        warnAboutUnknownProperties();
        ConfigurationSources sources = sources();
        if (skipped(sources)) {
            getLog().info("Skipping clickhouse:" + mojoExecution.getGoal() + " (clickhouse.skip is true).");
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        MergedConfiguration merged = null;
        try (URLClassLoader loader = ProjectClassLoader.of(project, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            ProjectClassLoader.warnWhenStale(project, getLog());
            merged = sources.merge(loader);
            // A misspelt chorm.* key (file, <config>, -D or environment) would otherwise change nothing, silently.
            merged.config().warnings().forEach(getLog()::warn);
            if (getLog().isDebugEnabled()) {
                getLog().debug("Configuration of clickhouse:" + mojoExecution.getGoal() + ":\n" + merged.describe());
            }
            // Say up front how models will be rendered: the same migrations run differently under each profile.
            getLog().info(merged.config().profiles(merged.alias()).describe());
            run(new GoalContext(mojoExecution.getGoal(), merged, loader, getLog(), compiledClasses()));
        } catch (IOException e) {
            getLog().debug("Cannot close the project class loader: " + e);
        } catch (ModelDefinitionException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw merged == null ? new MojoExecutionException(messageOf(e), e) : ConnectionFailures.exception(e, merged);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Do the goal's work.
     *
     * @throws MojoFailureException when the project fails the goal in an expected way (a check failed)
     * @throws MojoExecutionException when the goal cannot run
     */
    protected abstract void run(GoalContext goal) throws MojoExecutionException, MojoFailureException;

    /**
     * Put this goal's own parameters, by name, into {@code parameters}: the value set in the POM
     * (or by Maven from its property), or null when unset. Every name listed here also reads its
     * {@code clickhouse.<name>} property and {@code CHORM_<NAME>} environment variable. By default
     * the goal has only the common parameters.
     */
    protected void goalParameters(Map<String, Object> parameters) {
    }

    /** Return whether the goal was bound to a lifecycle phase (in the POM) rather than named on the command line. */
    protected boolean boundToLifecycle() {
        return mojoExecution.getSource() == MojoExecution.Source.LIFECYCLE;
    }

    private ConfigurationSources sources() throws MojoExecutionException {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("skip", skip);
        named.put("database", database);
        named.put("url", url);
        named.put("user", user);
        named.put("password", password);
        named.put("dataDir", dataDir);
        named.put("profile", profile);
        // Maven injects an empty list for an unset list parameter: that must not hide clickhouse.properties.
        named.put("packages", packages == null || packages.isEmpty() ? null : String.join(",", packages));
        named.put("migrationsDirectory", migrationsDirectory);
        goalParameters(named);
        Map<String, String> pom = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (value != null) {
                pom.put(ConfigurationLayers.PARAMETER_PREFIX + name, value.toString());
            }
        });
        if (config != null) {
            for (Map.Entry<String, String> e : config.entrySet()) {
                if (!e.getKey().startsWith(ConfigurationLayers.FRAMEWORK_PREFIX)) {
                    throw new MojoExecutionException(("<config> holds <%s>, which is not a chorm key. Write keys in full,"
                            + " for example <chorm.databases.default.settings.mutations_sync>.").formatted(e.getKey()));
                }
                pom.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
            }
        }
        Properties system = new Properties();
        system.putAll(session.getSystemProperties());
        system.putAll(session.getUserProperties());
        return new ConfigurationSources(project.getBasedir().toPath(), pom, new ArrayList<>(named.keySet()),
                project.getProperties(), System.getenv(), system);
    }

    /** Warn about each {@code clickhouse.*} property that no goal of this plugin reads, naming the closest parameter. */
    private void warnAboutUnknownProperties() {
        List<String> known = new ArrayList<>();
        for (MojoDescriptor goal : mojoExecution.getMojoDescriptor().getPluginDescriptor().getMojos()) {
            for (org.apache.maven.plugin.descriptor.Parameter p : goal.getParameters() == null
                    ? List.<org.apache.maven.plugin.descriptor.Parameter>of() : goal.getParameters()) {
                String expression = p.getExpression();
                if (expression != null && expression.startsWith("${" + ConfigurationLayers.PARAMETER_PREFIX)) {
                    known.add(expression.substring(2 + ConfigurationLayers.PARAMETER_PREFIX.length(), expression.length() - 1));
                }
            }
        }
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        sources.put("the command line", session.getUserProperties().stringPropertyNames());
        sources.put("the system properties", session.getSystemProperties().stringPropertyNames());
        sources.put("the POM's <properties>", project.getProperties().stringPropertyNames());
        new UnknownProperties(known).warnings(sources).forEach(getLog()::warn);
    }

    private static boolean skipped(ConfigurationSources sources) throws MojoExecutionException {
        try {
            return sources.mergeParameters().flag("skip", false);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Cannot read the configuration: " + messageOf(e), e);
        }
    }

    private CompiledClasses compiledClasses() {
        List<Path> roots = project.getCompileSourceRoots().stream().map(Path::of).toList();
        return new CompiledClasses(Path.of(project.getBuild().getOutputDirectory()), roots, getLog());
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }
}
