package dev.chorm.migrations;

import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.migrations.operations.RenameModel;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compare two project states and return, per app, the ordered operations that turn the first into
 * the second. Models are created and changed in dependency order ({@link dev.chorm.model.TableSpec#dependencies()}:
 * tables before the views over them) and deleted in the reverse order. Possible renames are put to a {@link Questioner}; changes ClickHouse cannot ALTER
 * become a table rebuild only when the questioner allows copying the data.
 *
 * <pre>{@code
 * SortedMap<String, List<Operation>> changes = new Autodetector(fromFiles, fromModels, questioner).changes();
 * }</pre>
 */
public final class Autodetector {
    private final ProjectState from;
    private final ProjectState to;
    private final Questioner questioner;

    /** Create an autodetector from {@code from} (the migrations' state) to {@code to} (the models' state). */
    public Autodetector(ProjectState from, ProjectState to, Questioner questioner) {
        this.from = Objects.requireNonNull(from, "from == null");
        this.to = Objects.requireNonNull(to, "to == null");
        this.questioner = Objects.requireNonNull(questioner, "questioner == null");
    }

    /** Return the operations per app, apps sorted, leaving out apps without changes. */
    public SortedMap<String, List<Operation>> changes() {
        SortedSet<String> apps = new TreeSet<>(from.apps());
        apps.addAll(to.apps());
        SortedMap<String, List<Operation>> out = new TreeMap<>();
        DependencyOrder fromOrder = new DependencyOrder(from);
        DependencyOrder toOrder = new DependencyOrder(to);
        for (String app : apps) {
            List<Operation> ops = changes(app, fromOrder, toOrder);
            if (!ops.isEmpty()) {
                out.put(app, ops);
            }
        }
        return out;
    }

    private List<Operation> changes(String app, DependencyOrder fromOrder, DependencyOrder toOrder) {
        SortedMap<String, TableSpec> before = new TreeMap<>(from.models(app));
        SortedMap<String, TableSpec> after = to.models(app);
        List<Operation> ops = new ArrayList<>();
        detectModelRenames(app, before, after, ops);
        // Dependents first: a view is dropped before the tables it reads and writes.
        List<String> deleted = new ArrayList<>(fromOrder
                .order(app, before.keySet().stream().filter(m -> !after.containsKey(m)).toList()));
        Collections.reverse(deleted);
        // A deleted table that a staying model read (a dictionary's old source, a view's old TO table) is
        // dropped after that model changes: ClickHouse refuses to drop a dictionary's source table. The
        // staying models are read from before, where a renamed one has its new name already.
        List<String> held = deleted.stream().filter(d -> before.entrySet().stream().filter(m -> after.containsKey(m.getKey()))
                .anyMatch(m -> fromOrder.dependencies(app, m.getKey(), m.getValue())
                        .contains(new DependencyOrder.ModelKey(app, d)))).toList();
        deleted.stream().filter(d -> !held.contains(d)).forEach(model -> ops.add(new DeleteModel(model)));
        // Dependencies first: a table is created (or changed) before the views that read or write it;
        // otherwise new models come before changed ones.
        List<String> models = new ArrayList<>(after.keySet().stream().filter(m -> !before.containsKey(m)).toList());
        after.keySet().stream().filter(before::containsKey).forEach(models::add);
        for (String model : toOrder.order(app, models)) {
            if (!before.containsKey(model)) {
                ops.add(new CreateModel(model, after.get(model)));
            } else {
                ops.addAll(new ModelDiff(app, model, before.get(model), after.get(model), questioner).operations());
            }
        }
        held.forEach(model -> ops.add(new DeleteModel(model)));
        return ops;
    }

    /** Replace renamed models in {@code before} by their new names, adding RenameModel (and AlterModelTable) operations. */
    private void detectModelRenames(String app, SortedMap<String, TableSpec> before, SortedMap<String, TableSpec> after,
                                    List<Operation> ops) {
        for (String added : after.keySet()) {
            if (before.containsKey(added)) {
                continue;
            }
            for (String removed : List.copyOf(before.keySet())) {
                if (after.containsKey(removed) || !sameExceptName(before.get(removed), after.get(added))) {
                    continue;
                }
                if (questioner.askRenameModel(app, removed, added)) {
                    ops.add(new RenameModel(removed, added));
                    TableSpec table = before.remove(removed);
                    if (!table.name().equals(after.get(added).name())) {
                        ops.add(new AlterModelTable(added, after.get(added).name()));
                    }
                    before.put(added, after.get(added));
                    break;
                }
            }
        }
    }

    private static boolean sameExceptName(TableSpec a, TableSpec b) {
        return a.toBuilder().name(b.name()).build().equals(b);
    }
}
