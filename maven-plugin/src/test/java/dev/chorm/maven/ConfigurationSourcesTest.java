package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationSourcesTest {
    @TempDir
    Path basedir;

    private static Properties properties(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private ConfigurationSources sources(Map<String, String> pom, Properties project, Map<String, String> env,
                                         Properties system) {
        return new ConfigurationSources(basedir, pom, List.of("url", "packages", "fakeInitial", "check"), project, env, system);
    }

    @Test
    void namesEnvironmentVariablesInUpperSnakeCase() {
        assertThat(ConfigurationSources.environmentVariableOf("fakeInitial")).isEqualTo("CHORM_FAKE_INITIAL");
        assertThat(ConfigurationSources.environmentVariableOf("migrationsDirectory")).isEqualTo("CHORM_MIGRATIONS_DIRECTORY");
        assertThat(ConfigurationSources.environmentVariableOf("url")).isEqualTo("CHORM_URL");
    }

    @Test
    void ordersPomThenProjectPropertiesThenEnvironmentThenSystemProperties() {
        Map<String, String> pom = Map.of("clickhouse.check", "false", "clickhouse.fakeInitial", "false",
                "clickhouse.url", "jdbc:clickhouse://pom:8123/app", "clickhouse.packages", "pom");
        Properties project = properties("clickhouse.fakeInitial", "true", "clickhouse.url", "jdbc:clickhouse://project:8123/app",
                "clickhouse.packages", "project");
        Map<String, String> env = Map.of("CHORM_URL", "jdbc:clickhouse://env:8123/app", "CHORM_MODELS_PACKAGES", "env");
        Properties system = properties("chorm.models.packages", "system");

        MergedConfiguration merged = sources(pom, project, env, system).mergeParameters();

        assertThat(merged.flag("check", true)).isFalse();
        assertThat(merged.flag("fakeInitial", false)).isTrue();
        assertThat(merged.config().database("default").url()).hasValue("jdbc:clickhouse://env:8123/app");
        assertThat(merged.config().modelPackages()).containsExactly("system");
    }

    @Test
    void readsTheFrameworksOwnEnvironmentVariables() {
        Map<String, String> env = Map.of("CHORM_DATABASES_DEFAULT_SETTINGS_MUTATIONS_SYNC", "1", "HOME", "/root");

        MergedConfiguration merged = sources(Map.of(), new Properties(), env, new Properties()).mergeParameters();

        assertThat(merged.config().database("default").settings()).containsEntry("mutations_sync", "1");
    }

    @Test
    void putsTheClasspathFileBelowThePom() throws Exception {
        Path classes = Files.createDirectories(basedir.resolve("classes"));
        Files.writeString(classes.resolve("clickhouse.properties"),
                "chorm.models.packages=file\nchorm.databases.default.settings.max_threads=2\n");
        Map<String, String> pom = Map.of("clickhouse.packages", "pom");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            MergedConfiguration merged = sources(pom, new Properties(), Map.of(), new Properties()).merge(loader);

            assertThat(merged.config().modelPackages()).containsExactly("pom");
            assertThat(merged.config().database("default").settings()).containsEntry("max_threads", "2");
        }
    }
}
