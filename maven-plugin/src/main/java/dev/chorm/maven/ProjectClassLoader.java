package dev.chorm.maven;

import dev.chorm.db.Config;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Build the class loader a goal sees the project through: its resource folders first, then its
 * compiled classes and runtime dependencies. The sources come first so that a goal reads
 * {@code src/main/resources/clickhouse.properties} and the migrations as they are now, as Flyway
 * reads its configuration and migrations from the project: an edit counts at once, without a
 * {@code process-resources}, and a stale copy in {@code target/classes} is never used. A filtered or
 * relocated resource folder only makes sense from the output folder; there the goal warns when the
 * source is newer than its copy ({@link #warnWhenStale}).
 *
 * <p>The parent is the plugin's own class loader, asked first: the framework classes the models
 * refer to ({@code Model}, {@code @MergeTree}) are the plugin's, so that the plugin reads them. A
 * project that depends on another chorm version is therefore read with the plugin's version.
 */
final class ProjectClassLoader {
    private ProjectClassLoader() {
    }

    /** Return a loader over {@code project}'s runtime classpath and resource folders, delegating to {@code parent} first. */
    static URLClassLoader of(MavenProject project, ClassLoader parent) throws MojoExecutionException {
        Set<String> entries = new LinkedHashSet<>();
        for (Resource resource : project.getResources()) {
            if (resource.getTargetPath() == null && !resource.isFiltering()) {
                entries.add(resource.getDirectory());
            }
        }
        try {
            entries.addAll(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the runtime classpath of " + project.getId() + ": " + e.getMessage(), e);
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Cannot use classpath entry " + entry + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("chorm-project", urls.toArray(URL[]::new), parent);
    }

    /**
     * Warn when {@code clickhouse.properties} is read from the output folder (its resource folder is
     * filtered or relocated) but the source file is newer than that copy.
     */
    static void warnWhenStale(MavenProject project, Log log) {
        Path copy = Path.of(project.getBuild().getOutputDirectory(), Config.FILE);
        for (Resource resource : project.getResources()) {
            Path source = Path.of(resource.getDirectory(), Config.FILE);
            boolean fromOutput = resource.getTargetPath() != null || resource.isFiltering();
            try {
                if (fromOutput && Files.isRegularFile(source) && Files.isRegularFile(copy)
                        && Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(copy)) > 0) {
                    log.warn(("%s changed after the last build, but its folder is filtered, so this goal reads the copy in"
                            + " %s. Run 'mvn process-resources' first (for example 'mvn process-resources clickhouse:migrate').")
                            .formatted(source, copy));
                }
            } catch (IOException e) {
                log.debug("Cannot compare " + source + " with " + copy + ": " + e);
            }
        }
    }
}
