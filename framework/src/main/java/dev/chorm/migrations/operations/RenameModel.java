package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import java.util.Objects;

/**
 * Rename a model in the project state; its table keeps its name (an {@link AlterModelTable} that
 * follows renames the table when the model's table name changed too).
 *
 * @param oldName the model's old name
 * @param newName the model's new name
 */
public record RenameModel(String oldName, String newName) implements Operation {
    /** Check the parts. */
    public RenameModel {
        Objects.requireNonNull(oldName, "oldName == null");
        Objects.requireNonNull(newName, "newName == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        if (state.findModel(app, newName).isPresent()) {
            throw new MigrationException("Cannot rename model %s.%s to %s: that name is taken.".formatted(app, oldName, newName));
        }
        state.putModel(app, newName, state.removeModel(app, oldName));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        // The table name belongs to AlterModelTable; a model rename alone changes no DDL.
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        // Nothing to undo in the database.
    }

    @Override
    public String describe() {
        return "Rename model %s to %s".formatted(oldName, newName);
    }
}
