package dev.chorm.migrations.operations;

import dev.chorm.model.IndexSpec;
import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Rename a data-skipping index; ClickHouse has no RENAME INDEX, so this drops the index and adds it
 * under the new name.
 *
 * @param model the model name
 * @param oldName the index's old name
 * @param newName the index's new name
 */
public record RenameIndex(String model, String oldName, String newName) implements Operation {
    /** Check the parts. */
    public RenameIndex {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(oldName, "oldName == null");
        Objects.requireNonNull(newName, "newName == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        TableSpec table = state.model(app, model);
        IndexSpec old = Parts.INDEXES.get(table, oldName);
        state.putModel(app, model, Parts.INDEXES.add(Parts.INDEXES.remove(table, oldName),
                IndexSpec.of(newName, old.expression(), old.type(), old.granularity())));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        swap(context, from.model(context.app(), model), oldName, Parts.INDEXES.get(to.model(context.app(), model), newName));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        swap(context, from.model(context.app(), model), newName, Parts.INDEXES.get(to.model(context.app(), model), oldName));
    }

    private static void swap(OperationContext context, TableSpec table, String dropped, IndexSpec added) {
        context.editor().dropIndex(table, dropped);
        context.editor().addIndex(table, added);
        context.editor().materializeIndex(table, added.name());
    }

    @Override
    public String describe() {
        return "Rename index %s on %s to %s".formatted(oldName, model, newName);
    }
}
