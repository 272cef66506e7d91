package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
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

    @Test
    void theStorageProfileFollowsTheTargetUnlessConfigured() {
        StorageProfiles embedded = Config.of(Map.of()).profiles("default");
        assertThat(embedded.profile()).isEqualTo(StorageProfile.SINGLE_NODE);
        assertThat(embedded.describe()).isEqualTo("Storage profile: single-node (embedded engine; set"
                + " chorm.databases.default.profile to change it)");
        StorageProfiles server = Config.of(Map.of("chorm.databases.default.url", "jdbc:clickhouse://h:8123/app"))
                .profiles("default");
        assertThat(server.profile()).isEqualTo(StorageProfile.SINGLE_NODE);
        assertThat(server.reason()).isEqualTo("server without a configured cluster; set"
                + " chorm.databases.default.profile=cluster to create tables as declared");
        StorageProfiles cluster = Config.of(Map.of("chorm.databases.s1r2.url", "jdbc:clickhouse://h:8124/app",
                "chorm.databases.s1r2.migration-cluster", "cluster")).profiles("s1r2");
        assertThat(cluster.profile()).isEqualTo(StorageProfile.CLUSTER);
        assertThat(cluster.reason()).isEqualTo("cluster 'cluster' is configured; set chorm.databases.s1r2.profile to change it");
        assertThat(Config.of(Map.of("chorm.databases.default.url", "jdbc:clickhouse://h:8123/app",
                "chorm.databases.default.test.cluster", "c")).profiles("default").profile()).isEqualTo(StorageProfile.CLUSTER);
        StorageProfiles set = Config.of(Map.of("chorm.databases.default.migration-cluster", "cluster",
                "chorm.databases.default.profile", " Single-Node")).profiles("default");
        assertThat(set.profile()).isEqualTo(StorageProfile.SINGLE_NODE);
        assertThat(set.reason()).isEqualTo("set by chorm.databases.default.profile");
    }

    @Test
    void appsAndModelsOverrideTheProfileFromEveryLayer() {
        Properties system = new Properties();
        system.setProperty("chorm.databases.default.profile.events.Student", "single-node");
        Map<String, String> env = Map.of("CHORM_DATABASES_DEFAULT_PROFILE", "cluster",
                "CHORM_DATABASES_DEFAULT_PROFILE_BILLING", "single-node",
                "CHORM_DATABASES_DEFAULT_PROFILE_EVENTS__EVENT", "cluster");
        StorageProfiles p = Config.load(getClass().getClassLoader(), env, system).profiles("default");
        assertThat(p.profile()).isEqualTo(StorageProfile.CLUSTER);
        assertThat(p.of("events", "Student")).isEqualTo(StorageProfile.SINGLE_NODE);
        assertThat(p.of("events", "Event")).isEqualTo(StorageProfile.CLUSTER);
        assertThat(p.of("events", "Other")).isEqualTo(StorageProfile.CLUSTER);
        assertThat(p.of("billing", "Invoice")).isEqualTo(StorageProfile.SINGLE_NODE);
        assertThat(p.describe()).isEqualTo("Storage profile: cluster (set by chorm.databases.default.profile);"
                + " overridden for billing: single-node, events.event: cluster, events.student: single-node");
    }

    @Test
    void anUnknownProfileNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> Config.of(Map.of("chorm.databases.default.profile.events", "laptop")).profiles("default"))
                .isInstanceOf(ChormException.class)
                .hasMessage("chorm.databases.default.profile.events is 'laptop'; use one of cluster, single-node.");
    }
}
