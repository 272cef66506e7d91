package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Rename a column ({@code RENAME COLUMN}), keeping its data.
 *
 * @param model the model name
 * @param oldName the column's old name
 * @param newName the column's new name
 */
public record RenameField(String model, String oldName, String newName) implements Operation {
    /** Check the parts. */
    public RenameField {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(oldName, "oldName == null");
        Objects.requireNonNull(newName, "newName == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        TableSpec table = state.model(app, model);
        state.putModel(app, model, Columns.replace(table, oldName,
                Columns.get(table, oldName).toBuilder().name(newName).build()));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().renameColumn(from.model(context.app(), model), oldName, newName);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().renameColumn(from.model(context.app(), model), newName, oldName);
    }

    @Override
    public String describe() {
        return "Rename field %s on %s to %s".formatted(oldName, model, newName);
    }
}
