package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClassLoaderTest {
    @TempDir
    Path basedir;

    private final List<String> warnings = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    };

    private MavenProject project(boolean filtering) throws IOException {
        Path resources = Files.createDirectories(basedir.resolve("src/main/resources"));
        Path classes = Files.createDirectories(basedir.resolve("target/classes"));
        Files.writeString(resources.resolve("clickhouse.properties"), "chorm.models.packages=now\n");
        Files.writeString(classes.resolve("clickhouse.properties"), "chorm.models.packages=last.compile\n");
        Files.setLastModifiedTime(classes.resolve("clickhouse.properties"), FileTime.fromMillis(1_000_000));
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("a");
        model.setVersion("1");
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.getBuild().setOutputDirectory(classes.toString());
        Resource resource = new Resource();
        resource.setDirectory(resources.toString());
        resource.setFiltering(filtering);
        project.getBuild().addResource(resource);
        return project;
    }

    private static String read(URLClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream("clickhouse.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheSourceResourcesBeforeTheCopyOfTheLastBuild() throws Exception {
        MavenProject project = project(false);   // its runtime classpath holds target/classes, as Maven's does
        try (URLClassLoader loader = ProjectClassLoader.of(project, ClassLoader.getPlatformClassLoader())) {
            assertThat(read(loader)).isEqualTo("chorm.models.packages=now\n");
            assertThat(loader.getURLs()[0].getPath()).endsWith("/src/main/resources/");
        }
        ProjectClassLoader.warnWhenStale(project, log);
        assertThat(warnings).isEmpty();
    }

    @Test
    void warnsWhenAFilteredSourceIsNewerThanItsCopy() throws Exception {
        MavenProject project = project(true);

        ProjectClassLoader.warnWhenStale(project, log);

        assertThat(warnings).containsExactly(("%s changed after the last build, but its folder is filtered, so this goal"
                + " reads the copy in %s. Run 'mvn process-resources' first (for example 'mvn process-resources"
                + " clickhouse:migrate').").formatted(basedir.resolve("src/main/resources/clickhouse.properties"),
                basedir.resolve("target/classes/clickhouse.properties")));
    }
}
