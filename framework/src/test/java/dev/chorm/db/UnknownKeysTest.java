package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    @Test
    void aMisspeltKeyInAnySourceWarnsWithTheClosestKnownKey() {
        Properties system = new Properties();
        system.setProperty("chorm.databases.default.pasword", "x");
        system.setProperty("chorm.snowflake.worker-id", "3");
        system.setProperty("chorm.bench.seconds", "5"); // the benchmarks' own keys are left alone
        system.setProperty("user.home", "/tmp");
        Map<String, String> env = Map.of("CHORM_DATABASES_S1R2_ULR", "jdbc:clickhouse://x:8123", "CHORM_CHDB_LIBRARY", "/lib.so",
                "CHORM_MODELS_PACKAGE", "a.b");

        Config config = Config.load(getClass().getClassLoader(), env, system);

        assertThat(config.warnings()).containsExactly(
                "Unknown configuration key 'CHORM_DATABASES_S1R2_ULR' (environment variable) is ignored: "
                        + "did you mean 'CHORM_DATABASES_S1R2_URL'?",
                "Unknown configuration key 'CHORM_MODELS_PACKAGE' (environment variable) is ignored: "
                        + "did you mean 'CHORM_MODELS_PACKAGES'?",
                "Unknown configuration key 'chorm.databases.default.pasword' (system property) is ignored: "
                        + "did you mean 'chorm.databases.default.password'?");
        // Ignored means ignored: the known keys keep their values from the file.
        assertThat(config.database("default").password()).isEqualTo("secret");
        assertThat(config.database("s1r2").url()).contains("jdbc:clickhouse://localhost:8124/app");
    }

    @Test
    void aKeyFarFromEveryKnownOneSaysWhereTheKeysAreListed() {
        assertThat(Config.of(Map.of("chorm.frobnicate", "1")).warnings()).containsExactly(
                "Unknown configuration key 'chorm.frobnicate' (given) is ignored: docs/configuration.md lists the keys chorm reads.");
    }

    @Test
    void everyKeyTheCodeReadsIsKnown() {
        assertThat(Config.of(Map.of("chorm.databases.events.url", "u", "chorm.databases.events.settings.max_threads", "2",
                "chorm.databases.default.profile.events.Student", "cluster", "chorm.databases.default.profile.events", "cluster",
                "chorm.databases.x.test.dependencies", "default", "chorm.models.packages", "a",
                dev.chorm.embedded.EngineLibrary.PATH_PROPERTY, "/x", dev.chorm.embedded.EngineLibrary.CACHE_PROPERTY, "/y"))
                .warnings()).isEmpty();
    }

    @Test
    void everyPerAliasKeyConfigReadsIsKnown() {
        assertThat(Config.SUFFIXES).allSatisfy(suffix ->
                assertThat(ConfigKeys.isKnown("chorm.databases.events." + suffix)).as(suffix).isTrue());
    }

    @Test
    void aMisspeltUrlFailsInsteadOfQuietlyUsingTheEmbeddedEngine() {
        Config config = Config.of(Map.of("chorm.databases.default.ulr", "jdbc:clickhouse://db.example.com:8123/app"));

        assertThat(config.warnings()).containsExactly("Unknown configuration key 'chorm.databases.default.ulr' (given) is ignored: "
                + "did you mean 'chorm.databases.default.url'?");
        assertThatThrownBy(() -> Database.connect(config))
                .isInstanceOf(ChormException.class)
                .hasMessage("chorm.databases.default.ulr is not a key chorm reads (given); did you mean chorm.databases.default.url? "
                        + "Without a URL, alias 'default' would run on the embedded engine in .chorm/data instead. "
                        + "Fix the key, or remove it to use the embedded engine.");
    }
}
