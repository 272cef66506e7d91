package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void mergesFileEnvironmentAndSystemPropertiesInThatOrder() {
        Properties system = new Properties();
        system.setProperty("chorm.databases.default.user", "from-system");
        system.setProperty("unrelated", "x");
        Map<String, String> env = Map.of(
                "CHORM_DATABASES_DEFAULT_URL", "jdbc:clickhouse://env:8123/app",
                "CHORM_DATABASES_DEFAULT_USER", "from-env",
                "CHORM_DATABASES_S1R2_MIGRATION_CLUSTER", "cluster",
                "CHORM_DATABASES_DEFAULT_SETTINGS_ALTER_SYNC", "2",
                "PATH", "/bin");
        Config config = Config.load(getClass().getClassLoader(), env, system);

        DatabaseConfig d = config.database("default");
        assertThat(d.url()).contains("jdbc:clickhouse://env:8123/app");
        assertThat(d.user()).isEqualTo("from-system");
        assertThat(d.password()).isEqualTo("secret");
        assertThat(d.settings()).isEqualTo(Map.of("mutations_sync", "1", "alter_sync", "2"));
        assertThat(d.migrationCluster()).isEqualTo("cluster");
        assertThat(d.testCluster()).isEqualTo("cluster");
        assertThat(config.aliases()).containsExactly("default", "s1r2");
        DatabaseConfig s = config.database("s1r2");
        assertThat(s.url()).contains("jdbc:clickhouse://localhost:8124/app");
        assertThat(s.migrationCluster()).isEqualTo("cluster");
        assertThat(s.testManaged()).isFalse();
        assertThat(s.testDependencies()).containsExactly("default");
        assertThat(config.modelPackages()).containsExactly("com.example.events", "com.example.billing");
    }

    @Test
    void defaultsToTheEmbeddedEngine() {
        DatabaseConfig d = Config.of(Map.of()).database("default");
        assertThat(d.url()).isEmpty();
        assertThat(d.dataDir()).isEqualTo(Path.of(".chorm/data"));
        assertThat(d.user()).isEqualTo("default");
        assertThat(d.testDependencies()).isEqualTo(List.of());
    }

    @Test
    void mapsEnvironmentNamesToKeys() {
        assertThat(Config.keyOfEnvironment("CHORM_DATABASES_DEFAULT_TEST_MANAGED")).contains("chorm.databases.default.test.managed");
        assertThat(Config.keyOfEnvironment("CHORM_MODELS_PACKAGES")).contains("chorm.models.packages");
        assertThat(Config.keyOfEnvironment("HOME")).isEmpty();
    }
}
