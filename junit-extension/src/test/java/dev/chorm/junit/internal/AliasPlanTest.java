package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creation order and managed aliases, as the reference backend's cluster settings configure them; no database. */
class AliasPlanTest {

    private static final Config CLUSTER = Config.of(Map.of(
            "chorm.databases.default.test.cluster", "cluster",
            "chorm.databases.s1r2.test.cluster", "cluster",
            "chorm.databases.s1r2.test.managed", "false",
            "chorm.databases.s1r2.test.dependencies", "default",
            "chorm.databases.s2r1.test.managed", "false",
            "chorm.databases.s2r1.test.dependencies", "s1r2"));

    private static String plan(Config config, String... aliases) {
        Map<String, String> requested = new LinkedHashMap<>();
        for (String a : aliases) {
            requested.put(a, "test");
        }
        return AliasPlan.resolve(config, requested).steps().stream()
                .map(s -> s.managed() ? s.alias() : s.alias() + "->" + s.managedBy()).toList().toString();
    }

    @Test
    void createsDependenciesFirstAndPointsUnmanagedAliasesAtTheirManagedOne() {
        assertThat(plan(CLUSTER, "s2r1")).isEqualTo("[default, s1r2->default, s2r1->default]");
        assertThat(plan(CLUSTER, "s1r2", "default")).isEqualTo("[default, s1r2->default]");
    }

    @Test
    void keepsTheRequestedOrderOfIndependentAliases() {
        Config c = Config.of(Map.of("chorm.databases.b.url", "jdbc:clickhouse://b:8123/x",
                "chorm.databases.a.url", "jdbc:clickhouse://a:8123/x"));
        assertThat(plan(c, "b", "a", "default")).isEqualTo("[b, a, default]");
    }

    @Test
    void aDependencyOfSeveralAliasesIsCreatedOnce() {
        Config c = Config.of(Map.of("chorm.databases.a.test.dependencies", "default",
                "chorm.databases.b.test.dependencies", "a, default"));
        assertThat(plan(c, "b", "a")).isEqualTo("[default, a, b]");
    }
}
