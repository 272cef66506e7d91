package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hold all migrations of a project as a graph of dependencies (within an app and across apps), and
 * answer the questions the executor and makemigrations ask: leaves, plans in dependency order,
 * conflicts, and the project state at any point.
 */
public final class MigrationGraph {
    private final SortedMap<MigrationKey, Migration> nodes = new TreeMap<>();
    private final Map<MigrationKey, SortedSet<MigrationKey>> children = new TreeMap<>();

    /** Build the graph of {@code migrations}, checking that every dependency exists and that there is no cycle. */
    public MigrationGraph(Collection<Migration> migrations) {
        migrations.forEach(m -> nodes.put(m.key(), m));
        nodes.keySet().forEach(k -> children.put(k, new TreeSet<>()));
        for (Migration m : nodes.values()) {
            for (MigrationKey dep : m.dependencies()) {
                if (!nodes.containsKey(dep)) {
                    throw new MigrationException("Migration %s depends on %s, which does not exist. Check the dependency's spelling or add the missing migration (or the library that ships it)."
                            .formatted(m.key(), dep));
                }
                children.get(dep).add(m.key());
            }
        }
        nodes.keySet().forEach(k -> forwardsPlan(k));
    }

    /** Return the migration {@code key}, if it exists. */
    public Optional<Migration> find(MigrationKey key) {
        return Optional.ofNullable(nodes.get(key));
    }

    /** Return the migration {@code key}, failing when it does not exist. */
    public Migration migration(MigrationKey key) {
        return find(key).orElseThrow(() -> new MigrationException(
                "Cannot find migration %s. Run 'mvn clickhouse:showmigrations' to list them.".formatted(key)));
    }

    /** Return every migration, sorted by app and name. */
    public List<Migration> migrations() {
        return List.copyOf(nodes.values());
    }

    /** Return the migrations of {@code app}, sorted by name. */
    public List<Migration> migrations(String app) {
        return nodes.values().stream().filter(m -> m.app().equals(app)).toList();
    }

    /** Return the apps that have migrations, sorted. */
    public SortedSet<String> apps() {
        SortedSet<String> apps = new TreeSet<>();
        nodes.keySet().forEach(k -> apps.add(k.app()));
        return apps;
    }

    /** Return the migrations of {@code app} that no other migration of {@code app} depends on. */
    public List<MigrationKey> leaves(String app) {
        return nodes.keySet().stream().filter(k -> k.app().equals(app))
                .filter(k -> children.get(k).stream().noneMatch(c -> c.app().equals(app))).toList();
    }

    /** Return the leaf of every app, failing with the conflicting migrations when an app has two. */
    public List<MigrationKey> leaves() {
        checkConsistent();
        List<MigrationKey> out = new ArrayList<>();
        apps().forEach(app -> out.addAll(leaves(app)));
        return out;
    }

    /** Return the apps that have more than one leaf, with their leaves. */
    public SortedMap<String, List<MigrationKey>> conflicts() {
        SortedMap<String, List<MigrationKey>> out = new TreeMap<>();
        for (String app : apps()) {
            List<MigrationKey> leaves = leaves(app);
            if (leaves.size() > 1) {
                out.put(app, leaves);
            }
        }
        return out;
    }

    /** Fail with a message naming the migrations and the fix when any app has two leaf migrations. */
    public void checkConsistent() {
        SortedMap<String, List<MigrationKey>> conflicts = conflicts();
        if (!conflicts.isEmpty()) {
            StringBuilder s = new StringBuilder("Conflicting migrations detected; multiple leaf migrations in the graph:");
            conflicts.forEach((app, leaves) -> s.append("\n  ").append(app).append(": ")
                    .append(String.join(", ", leaves.stream().map(MigrationKey::name).toList())));
            s.append("\nRun 'mvn clickhouse:makemigrations -Dclickhouse.merge=true' to write a merge migration.");
            throw new MigrationException(s.toString());
        }
    }

    /** Return {@code target} and everything it depends on, dependencies first. */
    public List<MigrationKey> forwardsPlan(MigrationKey target) {
        Set<MigrationKey> done = new LinkedHashSet<>();
        visit(target, done, new HashSet<>(), true);
        return List.copyOf(done);
    }

    /** Return {@code target} and everything that depends on it, dependents first. */
    public List<MigrationKey> backwardsPlan(MigrationKey target) {
        Set<MigrationKey> done = new LinkedHashSet<>();
        visit(target, done, new HashSet<>(), false);
        return List.copyOf(done);
    }

    private void visit(MigrationKey key, Set<MigrationKey> done, Set<MigrationKey> path, boolean forwards) {
        if (done.contains(key)) {
            return;
        }
        if (!path.add(key)) {
            throw new MigrationException("Migrations form a cycle through %s. Remove one of the dependencies in the cycle."
                    .formatted(key));
        }
        Collection<MigrationKey> next = forwards ? migration(key).dependencies() : children.get(key);
        next.forEach(n -> visit(n, done, path, forwards));
        path.remove(key);
        done.add(key);
    }

    /** Return the migrations that depend directly on {@code key}. */
    public SortedSet<MigrationKey> children(MigrationKey key) {
        return new TreeSet<>(children.getOrDefault(key, new TreeSet<>()));
    }

    /** Return the project state after applying {@code applied} (in dependency order); all migrations when null. */
    public ProjectState projectState(Collection<MigrationKey> applied) {
        Set<MigrationKey> wanted = applied == null ? nodes.keySet() : new HashSet<>(applied);
        ProjectState state = new ProjectState();
        Set<MigrationKey> order = new LinkedHashSet<>();
        for (MigrationKey key : nodes.keySet()) {
            if (wanted.contains(key)) {
                order.addAll(forwardsPlan(key));
            }
        }
        order.stream().filter(wanted::contains).forEach(k -> applyState(migration(k), state));
        return state;
    }

    /** Apply every operation of {@code migration} to {@code state}. */
    static void applyState(Migration migration, ProjectState state) {
        for (Operation op : migration.operations()) {
            try {
                op.stateForwards(migration.app(), state);
            } catch (MigrationException e) {
                throw new MigrationException("Migration %s, operation '%s': %s".formatted(migration.key(), op.describe(),
                        e.getMessage()), e);
            }
        }
    }
}
