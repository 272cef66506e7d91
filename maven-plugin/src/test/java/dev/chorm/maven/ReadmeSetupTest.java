package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Setup block of this module's README is what the invoker scenario {@code src/it/readme-setup}
 * builds, word for word (its versions written as the invoker's {@code @...@} placeholders), and its
 * versions are this build's: a user who copies it gets a POM known to work on Maven 3.8.
 */
class ReadmeSetupTest {
    @Test
    void theReadmeSetupIsTheScenarioThatIsBuilt() throws IOException {
        String block = setupBlock();
        String asScenario = block.replace(System.getProperty("chorm.it.version"), "@project.version@")
                .replace("<version>" + System.getProperty("chorm.it.compilerVersion") + "</version>",
                        "<version>@maven-compiler-plugin.version@</version>")
                .replace("<version>" + System.getProperty("chorm.it.surefireVersion") + "</version>",
                        "<version>@maven-surefire-plugin.version@</version>");
        String indented = asScenario.lines().map(l -> l.isBlank() ? l : "  " + l).collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("src/it/readme-setup/pom.xml"))).contains(indented);
        assertThat(block).contains("<artifactId>maven-compiler-plugin</artifactId>\n        <version>"
                + System.getProperty("chorm.it.compilerVersion") + "</version>")
                .contains("<artifactId>maven-surefire-plugin</artifactId>\n        <version>"
                        + System.getProperty("chorm.it.surefireVersion") + "</version>")
                .contains("<release>17</release>")
                .contains("<artifactId>clickhouse-maven-plugin</artifactId>\n      <version>"
                        + System.getProperty("chorm.it.version") + "</version>");
    }

    private static String setupBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Setup\n");
        assertThat(section).as("README.md has a Setup section").isNotNegative();
        int start = readme.indexOf("```xml\n", section) + "```xml\n".length();
        return readme.substring(start, readme.indexOf("```\n", start)).stripTrailing();
    }
}
