package dev.chorm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.testing.PackageCycles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keep the floors of the framework clean: no two packages may depend on each other, directly or
 * through others. Dependencies are read from the compiled classes' constant pools
 * ({@link PackageCycles}), so the test needs no library. Run
 * {@code jdeps -verbose:package framework/target/classes} to see the same graph by hand.
 */
class PackageCycleTest {
    @Test
    void theFrameworkHasNoPackageCycles() throws Exception {
        Map<String, Set<String>> graph = PackageCycles.packageGraph(classesRoot());
        assertThat(graph).as("packages read").containsKeys("dev.chorm", "dev.chorm.types", "dev.chorm.model", "dev.chorm.db",
                "dev.chorm.query", "dev.chorm.query.expr", "dev.chorm.query.internal", "dev.chorm.query.write");
        assertThat(PackageCycles.cycles(graph)).as("package cycles (strongly connected groups)").isEmpty();
    }

    @Test
    void aCycleIsFoundWhereThereIsOne() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(PackageCycles.cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    static Path classesRoot() throws URISyntaxException {
        return PackageCycles.classesRoot(ChormException.class);
    }
}
