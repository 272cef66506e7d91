package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.TableSpec;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hold the tables of a project in memory: for each app, each model's {@link TableSpec}.
 *
 * <p>Built from model classes ({@link AppModels#state}) or by replaying the operations of migration
 * files ({@link Operation#stateForwards}); the autodetector compares two of them. Apps and models
 * are kept sorted so that everything derived from a state is deterministic.
 *
 * <pre>{@code
 * ProjectState state = new ProjectState();
 * state.putModel("events", "Event", ModelMeta.of(Event.class).table());
 * }</pre>
 */
public final class ProjectState {
    private final SortedMap<String, SortedMap<String, TableSpec>> apps = new TreeMap<>();

    /** Create an empty state. */
    public ProjectState() {
    }

    /** Return an independent copy of this state (the tables themselves are immutable). */
    public ProjectState copy() {
        ProjectState copy = new ProjectState();
        apps.forEach((app, models) -> copy.apps.put(app, new TreeMap<>(models)));
        return copy;
    }

    /** Return the apps that hold at least one model, sorted. */
    public SortedSet<String> apps() {
        return new TreeSet<>(apps.keySet());
    }

    /** Return the models of {@code app}, name to table, sorted by name: a read-only view that later changes show through. */
    public SortedMap<String, TableSpec> models(String app) {
        return Collections.unmodifiableSortedMap(apps.getOrDefault(app, new TreeMap<>()));
    }

    /** Return the table of {@code app.model}, if the model exists. */
    public Optional<TableSpec> findModel(String app, String model) {
        return Optional.ofNullable(apps.getOrDefault(app, Collections.emptySortedMap()).get(model));
    }

    /** Return the table of {@code app.model}, failing with a message naming it when it does not exist. */
    public TableSpec model(String app, String model) {
        return findModel(app, model).orElseThrow(() -> new MigrationException(
                "Model %s.%s does not exist at this point of the migrations. Check the operation's model name and the migration's dependencies."
                        .formatted(app, model)));
    }

    /** Add or replace the table of {@code app.model}. */
    public void putModel(String app, String model, TableSpec table) {
        Objects.requireNonNull(table, "table == null");
        apps.computeIfAbsent(app, a -> new TreeMap<>()).put(model, table);
    }

    /** Replace the table of the existing model {@code app.model}, failing with a message naming it when it does not exist. */
    public void replaceModel(String app, String model, TableSpec table) {
        model(app, model);
        putModel(app, model, table);
    }

    /** Remove {@code app.model}, failing when it does not exist. */
    public TableSpec removeModel(String app, String model) {
        TableSpec removed = model(app, model);
        SortedMap<String, TableSpec> models = apps.get(app);
        models.remove(model);
        if (models.isEmpty()) {
            apps.remove(app);
        }
        return removed;
    }

    /** Return every app's models, for comparisons. */
    public Map<String, SortedMap<String, TableSpec>> asMap() {
        return Collections.unmodifiableMap(apps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectState other && apps.equals(other.apps);
    }

    @Override
    public int hashCode() {
        return apps.hashCode();
    }

    @Override
    public String toString() {
        return "ProjectState" + apps;
    }
}
