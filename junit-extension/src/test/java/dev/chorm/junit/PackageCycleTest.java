package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.testing.PackageCycles;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keep the extension's two floors apart: {@code dev.chorm.junit} (the annotations, the extension, the
 * exception) stands on {@code dev.chorm.junit.internal}, which never names it back; it gets the
 * annotations as {@code Declarations} values and throws its own {@code SetupException}.
 */
class PackageCycleTest {

    @Test
    void theExtensionHasNoPackageCycles() throws Exception {
        Map<String, Set<String>> graph = PackageCycles.packageGraph(PackageCycles.classesRoot(ClickhouseExtension.class));
        assertThat(graph).as("packages read").containsKeys("dev.chorm.junit", "dev.chorm.junit.internal");
        assertThat(graph.get("dev.chorm.junit")).as("the public floor's uses").contains("dev.chorm.junit.internal");
        assertThat(PackageCycles.cycles(graph)).as("package cycles (strongly connected groups)").isEmpty();
    }

    @Test
    void aCycleIsFoundWhereThereIsOne() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of("a"));
        assertThat(PackageCycles.cycles(graph)).containsExactly(Set.of("a", "b"));
    }
}
