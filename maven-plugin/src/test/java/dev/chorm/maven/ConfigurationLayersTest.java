package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationLayersTest {
    private final Path basedir = Path.of("/work/project");

    @Test
    void defaultsPointIntoTheProject() {
        MergedConfiguration merged = new ConfigurationLayers(basedir).merge();

        assertThat(merged.alias()).isEqualTo("default");
        assertThat(merged.migrationsDirectory()).isEqualTo(Path.of("/work/project/src/main/resources/db/clickhouse"));
        assertThat(merged.framework()).containsExactly(Map.entry("chorm.databases.default.data-dir", "/work/project/.chorm/data"));
        assertThat(merged.config().database("default").url()).isEmpty();
    }

    @Test
    void laterLayersWin() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("clickhouse.migrationsDirectory", "pom", "clickhouse.name", "pom"))   // POM
                .add(Map.of("clickhouse.migrationsDirectory", "property"))   // project properties
                .add(Map.of("clickhouse.name", "env"))   // environment
                .merge();

        assertThat(merged.migrationsDirectory()).isEqualTo(Path.of("/work/project/property"));
        assertThat(merged.string("name")).hasValue("env");
    }

    @Test
    void shorthandCountsAtTheLayerItWasSetIn() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("clickhouse.url", "jdbc:clickhouse://pom:8123/app"))   // POM
                .add(Map.of("chorm.databases.default.url", "jdbc:clickhouse://env:8123/app"))   // environment
                .merge();

        assertThat(merged.config().database("default").url()).hasValue("jdbc:clickhouse://env:8123/app");
    }

    @Test
    void shorthandBeatsTheFullKeyOfTheSameLayer() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("chorm.models.packages", "a", "clickhouse.packages", "b,c"))   // system properties
                .merge();

        assertThat(merged.config().modelPackages()).containsExactly("b", "c");
    }

    @Test
    void shorthandsFollowTheFinalAlias() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("clickhouse.url", "jdbc:clickhouse://reports:8123/app", "clickhouse.user", "reader"))   // POM
                .add(Map.of("clickhouse.database", "reports"))   // system properties
                .merge();

        assertThat(merged.alias()).isEqualTo("reports");
        assertThat(merged.config().database("reports").url()).hasValue("jdbc:clickhouse://reports:8123/app");
        assertThat(merged.config().database("reports").user()).isEqualTo("reader");
        assertThat(merged.config().database("default").url()).isEmpty();
    }

    @Test
    void relativeDataDirectoryResolvesAgainstTheProject() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("chorm.databases.default.data-dir", "local/db"))   // clickhouse.properties
                .merge();

        assertThat(merged.config().database("default").dataDir()).isEqualTo(Path.of("/work/project/local/db"));
    }

    @Test
    void otherKeysAreIgnored() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("maven.compiler.release", "17", "clickhouse.app", "events"))   // project properties
                .merge();

        assertThat(merged.parameters()).doesNotContainKey("maven.compiler.release").containsEntry("app", "events");
    }

    @Test
    void profileIsTheShorthandOfTheAliasProfileKey() {
        MergedConfiguration merged = new ConfigurationLayers(basedir)
                .add(Map.of("chorm.databases.s1r2.profile", "single-node", "clickhouse.database", "s1r2"))   // POM
                .add(Map.of("clickhouse.profile", "cluster"))   // system properties
                .merge();

        assertThat(merged.framework()).containsEntry("chorm.databases.s1r2.profile", "cluster");
        assertThat(merged.config().profiles("s1r2").describe())
                .isEqualTo("Storage profile: cluster (set by chorm.databases.s1r2.profile)");
    }
}
