package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Drop a column (undone by adding it back at its old position, filled with its default).
 *
 * @param model the model name
 * @param name the column name
 */
public record RemoveField(String model, String name) implements Operation {
    /** Check the parts. */
    public RemoveField {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(name, "name == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Columns.remove(state.model(app, model), name));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropColumn(from.model(context.app(), model), name);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        TableSpec before = to.model(context.app(), model);
        context.editor().addColumn(from.model(context.app(), model), Columns.get(before, name),
                Columns.previous(before, name));
    }

    @Override
    public String describe() {
        return "Remove field %s from %s".formatted(name, model);
    }
}
