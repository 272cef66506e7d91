package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Write new migrations ({@code makemigrations}): compare the state the migration files describe
 * with the models, and write one migration per changed app; or write empty or merge migrations.
 */
final class MigrationMaker {
    private final MigrationGraph graph;
    private final AppModels models;
    private final Path directory;
    private final MigrationWriter writer = new MigrationWriter();

    MigrationMaker(MigrationGraph graph, AppModels models, Path directory) {
        this.graph = graph;
        this.models = models;
        this.directory = directory;
    }

    MakeMigrationsResult make(MakeMigrationsOptions options) {
        if (options.merge()) {
            return write(mergeMigrations(options), options);
        }
        graph.checkConsistent();
        if (options.empty()) {
            List<String> apps = options.apps().isEmpty() ? models.labels() : options.apps();
            return write(apps.stream().map(app -> newMigration(app, List.of(), options)).toList(), options);
        }
        ProjectState fromFiles = graph.projectState(null);
        refuseAppsWithoutModels(fromFiles);
        ProjectState target = fromFiles.copy();
        ProjectState fromModels = models.state();
        for (String app : models.labels()) {
            // A copy of the names: models() is a view, which each removal changes.
            List.copyOf(target.models(app).keySet()).forEach(model -> target.removeModel(app, model));
            fromModels.models(app).forEach((model, table) -> target.putModel(app, model, table));
        }
        refuseUndeclaredDependencies(target);
        SortedMap<String, List<Operation>> changes = new Autodetector(fromFiles, target, options.effectiveQuestioner()).changes();
        List<Migration> out = new ArrayList<>();
        for (Map.Entry<String, List<Operation>> e : changes.entrySet()) {
            if (options.apps().isEmpty() || options.apps().contains(e.getKey())) {
                out.add(newMigration(e.getKey(), e.getValue(), options));
            }
        }
        return write(withCrossAppDependencies(out, fromFiles, target), options);
    }

    /**
     * Add to each new migration the other apps' migrations it needs, by the models' dependencies
     * ({@link dev.chorm.model.TableSpec#dependencies()}): a migration that creates or changes a model
     * reading another app's table depends on that app's new migration when it creates or changes that table,
     * otherwise on that app's latest one; a migration
     * that deletes a table depends on the other apps' new migrations that delete or change the models
     * reading it, so they let go of it first.
     */
    private List<Migration> withCrossAppDependencies(List<Migration> made, ProjectState fromFiles, ProjectState target) {
        Map<String, Migration> byApp = new LinkedHashMap<>();
        made.forEach(m -> byApp.put(m.app(), m));
        Map<String, Set<MigrationKey>> extra = new TreeMap<>();
        DependencyOrder after = new DependencyOrder(target);
        DependencyOrder before = new DependencyOrder(fromFiles);
        Map<String, List<String>> changed = new LinkedHashMap<>();
        byApp.keySet().forEach(app -> changed.put(app, changedModels(app, fromFiles, target)));
        for (String app : byApp.keySet()) {
            for (String model : changed.get(app)) {
                if (target.findModel(app, model).isEmpty()) {
                    continue;
                }
                for (DependencyOrder.ModelKey dep : after.dependencies(app, model)) {
                    if (!dep.app().equals(app)) {
                        if (!byApp.containsKey(dep.app()) && fromFiles.findModel(dep.app(), dep.model()).isEmpty()) {
                            // makemigrations for some apps only: the table read would come from a migration not made
                            throw new MigrationException(("Model %s.%s reads or writes table %s of model %s, which no migration"
                                    + " creates yet, so the new migration of app %s could not depend on one. Make the migrations"
                                    + " of app %s too (makemigrations without an app, or with %s as well).").formatted(app, model,
                                    target.model(dep.app(), dep.model()).name(), dep, app, dep.app(), dep.app()));
                        }
                        // the other app's new migration only when it makes the table read: one that deletes
                        // another of its tables must be free to depend on this one
                        boolean madeThere = byApp.containsKey(dep.app()) && changed.get(dep.app()).contains(dep.model());
                        extra.computeIfAbsent(app, a -> new LinkedHashSet<>()).addAll(madeThere
                                ? List.of(byApp.get(dep.app()).key()) : graph.leaves(dep.app()));
                    }
                }
            }
            for (String other : byApp.keySet()) {
                if (other.equals(app)) {
                    continue;
                }
                for (String model : changed.get(other)) {
                    if (fromFiles.findModel(other, model).isPresent() && before.dependencies(other, model).stream()
                            .anyMatch(d -> d.app().equals(app) && target.findModel(app, d.model()).isEmpty())) {
                        extra.computeIfAbsent(app, a -> new LinkedHashSet<>()).add(byApp.get(other).key());
                    }
                }
            }
        }
        List<Migration> out = new ArrayList<>();
        for (Migration m : made) {
            Set<MigrationKey> add = extra.getOrDefault(m.app(), Set.of());
            for (MigrationKey dep : add) {
                if (byApp.containsKey(dep.app()) && byApp.get(dep.app()).key().equals(dep)
                        && extra.getOrDefault(dep.app(), Set.of()).contains(m.key())) {
                    throw new MigrationException(("The new migrations %s and %s would depend on each other: each app creates or"
                            + " deletes a model the other one's models read. Make the migrations one app at a time"
                            + " (makemigrations with one app) so that the second one depends on the first.")
                            .formatted(m.key(), dep));
                }
            }
            List<MigrationKey> deps = new ArrayList<>(m.dependencies());
            add.stream().filter(k -> !deps.contains(k)).forEach(deps::add);
            out.add(Migration.of(m.key(), deps, m.operations(), m.initial()));
        }
        return out;
    }

    /** Return the models of {@code app} that are added, deleted or changed from {@code fromFiles} to {@code target}. */
    private static List<String> changedModels(String app, ProjectState fromFiles, ProjectState target) {
        SortedSet<String> names = new TreeSet<>(fromFiles.models(app).keySet());
        names.addAll(target.models(app).keySet());
        return names.stream().filter(n -> !fromFiles.findModel(app, n).equals(target.findModel(app, n))).toList();
    }

    /**
     * An app whose migrations hold models but whose package yields no model class is almost always
     * a wrong package or an uncompiled project; diffing it would delete every table of the app.
     */
    private void refuseAppsWithoutModels(ProjectState fromFiles) {
        for (String app : models.labels()) {
            if (models.models(app).isEmpty() && !fromFiles.models(app).isEmpty()) {
                throw new MigrationException(("App '%s' has migrations for %s, but no model class was found in its package."
                        + " Check chorm.models.packages and that the classes are compiled ('mvn compile'). To delete"
                        + " every model of the app, write DeleteModel operations in a migration made with empty=true.")
                        .formatted(app, String.join(", ", fromFiles.models(app).keySet())));
            }
        }
    }

    /**
     * A model's dependencies name the tables of other model classes (a view's sources and TO table); one that
     * no model of the project declares would not be created by the migrations, and the view would fail to be.
     */
    private void refuseUndeclaredDependencies(ProjectState target) {
        DependencyOrder order = new DependencyOrder(target);
        for (String app : models.labels()) {
            target.models(app).forEach((model, table) -> table.dependencies().stream()
                    .filter(ref -> order.find(ref).isEmpty()).findFirst().ifPresent(ref -> {
                        throw new MigrationException(("Model %s.%s reads or writes table %s, which no model of the project"
                                + " declares, so no migration would create it first. Add that model's class to an app (its"
                                + " package to chorm.models.packages).").formatted(app, model, ref));
                    }));
        }
    }

    private Migration newMigration(String app, List<Operation> ops, MakeMigrationsOptions options) {
        List<MigrationKey> leaves = graph.leaves(app);
        int number = graph.migrations(app).stream().mapToInt(m -> m.key().number()).max().orElse(0) + 1;
        boolean initial = leaves.isEmpty();
        String name = MigrationNamer.name(number, ops, initial && !ops.isEmpty(), options.name());
        return Migration.of(new MigrationKey(app, name), leaves, ops, initial);
    }

    private List<Migration> mergeMigrations(MakeMigrationsOptions options) {
        List<Migration> out = new ArrayList<>();
        graph.conflicts().forEach((app, leaves) -> {
            if (options.apps().isEmpty() || options.apps().contains(app)) {
                int number = graph.migrations(app).stream().mapToInt(m -> m.key().number()).max().orElse(0) + 1;
                String suffix = options.name().isEmpty()
                        ? "merge_" + String.join("_", leaves.stream().map(MigrationKey::name).toList())
                        : options.name();
                out.add(Migration.of(new MigrationKey(app, "%04d_%s".formatted(number, suffix)), leaves, List.of(), false));
            }
        });
        return out;
    }

    private MakeMigrationsResult write(List<Migration> migrations, MakeMigrationsOptions options) {
        if (options.check()) {
            return new MakeMigrationsResult(migrations, List.of());
        }
        List<Path> files = migrations.stream().map(m -> writer.write(directory, m)).toList();
        return new MakeMigrationsResult(migrations, files);
    }
}
