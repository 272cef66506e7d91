package dev.chorm.junit.internal;

import dev.chorm.db.Config;
import dev.chorm.db.DatabaseConfig;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Order the aliases a test uses as the reference backend's runner does: every alias after its
 * {@code test.dependencies}; a managed alias creates its test database, an unmanaged one only
 * connects to the database of the managed alias it depends on (another replica of the same cluster).
 *
 * <pre>{@code
 * AliasPlan plan = AliasPlan.resolve(config, Map.of("s1r2", "@Alias on parameter 'db' of ReplicaTest.reads"));
 * plan.steps();   // [default (managed), s1r2 -> default]
 * }</pre>
 */
final class AliasPlan {
    /**
     * One alias to set up.
     *
     * @param alias the alias
     * @param config its configuration
     * @param managedBy the alias whose test database this one uses: itself when managed
     */
    record Step(String alias, DatabaseConfig config, String managedBy) {
        /** Return whether this alias creates and drops its test database. */
        boolean managed() {
            return alias.equals(managedBy);
        }
    }

    private final List<Step> steps;

    private AliasPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Return the steps, dependencies first. */
    List<Step> steps() {
        return steps;
    }

    /** Return the plan for {@code requested} (alias to where the test named it) and the dependencies they need. */
    static AliasPlan resolve(Config config, Map<String, String> requested) {
        Set<String> configured = config.aliases();
        requested.forEach((alias, where) -> {
            if (!configured.contains(alias)) {
                throw new SetupException(("Unknown database alias '%s' in %s. Configured aliases: %s."
                        + " Configure it with chorm.databases.%s.url (or any chorm.databases.%s.* key) in clickhouse.properties.")
                        .formatted(alias, where, configured, alias, alias));
            }
        });
        Map<String, DatabaseConfig> order = new LinkedHashMap<>();
        for (String alias : requested.keySet()) {
            visit(config, alias, new ArrayDeque<>(), order);
        }
        List<Step> steps = new ArrayList<>();
        order.forEach((alias, c) -> steps.add(new Step(alias, c, managedBy(config, c))));
        return new AliasPlan(steps);
    }

    /** Add {@code alias} after its dependencies, depth first; {@code path} is the chain that led here. */
    private static void visit(Config config, String alias, Deque<String> path, Map<String, DatabaseConfig> order) {
        if (path.contains(alias)) {
            List<String> cycle = new ArrayList<>(path).subList(new ArrayList<>(path).indexOf(alias), path.size());
            List<String> shown = new ArrayList<>(cycle);
            shown.add(alias);
            throw new SetupException(("The test dependencies of aliases %s form a cycle: %s."
                    + " Remove one of them from chorm.databases.<alias>.test.dependencies.")
                    .formatted(cycle, String.join(" -> ", shown)));
        }
        if (order.containsKey(alias)) {
            return;
        }
        DatabaseConfig c = config.database(alias);
        path.addLast(alias);
        for (String dependency : c.testDependencies()) {
            if (!config.aliases().contains(dependency)) {
                throw new SetupException(("Alias '%s' depends on '%s' (chorm.databases.%s.test.dependencies),"
                        + " which is not configured. Configured aliases: %s.")
                        .formatted(alias, dependency, alias, config.aliases()));
            }
            visit(config, dependency, path, order);
        }
        path.removeLast();
        order.put(alias, c);
    }

    /** Return the managed alias whose database {@code c} uses: itself, or the first managed one among its dependencies. */
    private static String managedBy(Config config, DatabaseConfig c) {
        if (c.testManaged()) {
            return c.alias();
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(c.testDependencies());
        while (!queue.isEmpty()) {
            String next = queue.removeFirst();
            if (seen.add(next)) {
                DatabaseConfig d = config.database(next);
                if (d.testManaged()) {
                    return next;
                }
                queue.addAll(d.testDependencies());
            }
        }
        throw new SetupException(("Alias '%s' has test.managed=false, so it only connects to the test database of"
                + " a managed alias it depends on, but none of its test.dependencies %s is managed."
                + " Set chorm.databases.%s.test.dependencies to the managed alias of the same cluster (for example default).")
                .formatted(c.alias(), c.testDependencies(), c.alias()));
    }
}
