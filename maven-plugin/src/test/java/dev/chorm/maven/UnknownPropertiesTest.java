package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownPropertiesTest {
    private static final UnknownProperties CHECK = new UnknownProperties(List.of("skip", "database", "url", "target",
            "fake", "fakeInitial", "plan", "check", "app", "name", "backwards", "outputFile", "migrationsDirectory"));

    @Test
    void namesTheClosestParameterOfAnyGoal() {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        sources.put("the command line", Set.of("clickhouse.taget", "clickhouse.check", "maven.repo.local"));
        sources.put("the POM's <properties>", Set.of("clickhouse.fakeinitial", "clickhouse.migrationDirectory"));

        assertThat(CHECK.warnings(sources)).containsExactly(
                "Unknown property clickhouse.taget (from the command line): no clickhouse goal has a parameter 'taget',"
                        + " so it is ignored. Did you mean clickhouse.target?",
                "Unknown property clickhouse.fakeinitial (from the POM's <properties>): no clickhouse goal has a parameter"
                        + " 'fakeinitial', so it is ignored. Did you mean clickhouse.fakeInitial?",
                "Unknown property clickhouse.migrationDirectory (from the POM's <properties>): no clickhouse goal has a"
                        + " parameter 'migrationDirectory', so it is ignored. Did you mean clickhouse.migrationsDirectory?");
    }

    @Test
    void listsTheKnownNamesWhenNoneIsClose() {
        assertThat(CHECK.warnings(Map.of("the command line", Set.of("clickhouse.colour")))).containsExactly(
                "Unknown property clickhouse.colour (from the command line): no clickhouse goal has a parameter 'colour',"
                        + " so it is ignored. Known: app, backwards, check, database, fake, fakeInitial, migrationsDirectory,"
                        + " name, outputFile, plan, skip, target, url.");
    }

    @Test
    void warnsOnceForAKeySetInTwoSources() {
        // -D values are both user and system properties in Maven.
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        sources.put("the command line", Set.of("clickhouse.taget"));
        sources.put("the system properties", Set.of("clickhouse.taget", "clickhouse.target"));

        assertThat(CHECK.warnings(sources)).hasSize(1).first().asString().contains("(from the command line)");
    }

    @Test
    void countsASwapOfTwoLettersAsOneEdit() {
        assertThat(UnknownProperties.distance("tagret", "target")).isEqualTo(1);
        assertThat(UnknownProperties.distance("taget", "target")).isEqualTo(1);
        assertThat(UnknownProperties.distance("url", "plan")).isEqualTo(4);
        assertThat(CHECK.closest("URL")).hasValue("url");
        assertThat(CHECK.closest("zzzzzz")).isEmpty();
    }
}
