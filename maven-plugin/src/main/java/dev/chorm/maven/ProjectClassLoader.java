package dev.chorm.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * Build the class loader a goal sees the project through: its compiled classes and runtime
 * dependencies, then its resource folders (so that {@code clickhouse.properties} and migrations are
 * found before {@code process-resources} has run).
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
        try {
            entries.addAll(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the runtime classpath of " + project.getId() + ": " + e.getMessage(), e);
        }
        for (Resource resource : project.getResources()) {
            // Filtered or relocated resources only make sense from the output folder.
            if (resource.getTargetPath() == null && !resource.isFiltering()) {
                entries.add(resource.getDirectory());
            }
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
}
