package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Order the models of a project state by what they read and write ({@link TableSpec#dependencies()}):
 * a table before the materialized view that writes to it, a view after the tables it reads. The
 * autodetector creates models in this order and deletes them in the reverse one; a migration that
 * creates a view over another app's table depends on that app's migration.
 *
 * <p>A dependency is resolved to a model of the state by its database and table name (an empty database,
 * the connection's current one, matches only an empty database). A dependency that no model declares
 * (a table made by RunSQL, a system table) orders nothing.
 *
 * <pre>{@code
 * List<String> models = new DependencyOrder(state).order("events", state.models("events").keySet());
 * }</pre>
 */
final class DependencyOrder {
    /** A model of the state: its app and name. */
    record ModelKey(String app, String model) {
        @Override
        public String toString() {
            return app + "." + model;
        }
    }

    private final ProjectState state;
    /** The model declaring each table, read once from the state (which does not change while it is ordered): a lookup is one get. */
    private final Map<TableRef, ModelKey> byTable = new HashMap<>();

    DependencyOrder(ProjectState state) {
        this.state = state;
        for (Map.Entry<String, SortedMap<String, TableSpec>> app : state.asMap().entrySet()) {
            for (Map.Entry<String, TableSpec> m : app.getValue().entrySet()) {
                TableSpec t = m.getValue();
                byTable.putIfAbsent(new TableRef(t.database(), t.name()), new ModelKey(app.getKey(), m.getKey()));
            }
        }
    }

    /** Return the model that declares the table {@code ref}, if any. */
    Optional<ModelKey> find(TableRef ref) {
        return Optional.ofNullable(byTable.get(ref));
    }

    /** Return the models {@code app.model} depends on directly, in any app. */
    List<ModelKey> dependencies(String app, String model) {
        return dependencies(app, model, state.model(app, model));
    }

    /**
     * Return the models of this state that {@code table}, as model {@code app.model}, depends on directly: also for
     * a model this state knows under another name (the autodetector's view of a renamed model).
     */
    List<ModelKey> dependencies(String app, String model, TableSpec table) {
        List<ModelKey> out = new ArrayList<>();
        for (TableRef ref : table.dependencies()) {
            find(ref).filter(k -> !k.equals(new ModelKey(app, model))).filter(k -> !out.contains(k)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Return {@code models} (of {@code app}) ordered so that each comes after the models of the same app it
     * depends on, otherwise keeping their order; fails naming the models of a cycle.
     */
    List<String> order(String app, Collection<String> models) {
        Set<String> wanted = new LinkedHashSet<>(models);
        List<String> out = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String model : wanted) {
            visit(app, model, wanted, visiting, out);
        }
        return out;
    }

    private void visit(String app, String model, Set<String> wanted, Set<String> visiting, List<String> out) {
        if (out.contains(model)) {
            return;
        }
        if (!visiting.add(model)) {
            throw new MigrationException(("Models %s of app '%s' depend on each other in a cycle (each reads or writes the next);"
                    + " break the cycle: a view cannot read itself through other views.")
                    .formatted(String.join(" -> ", visiting), app));
        }
        for (ModelKey dep : dependencies(app, model)) {
            if (dep.app().equals(app) && wanted.contains(dep.model())) {
                visit(app, dep.model(), wanted, visiting, out);
            }
        }
        visiting.remove(model);
        out.add(model);
    }
}
