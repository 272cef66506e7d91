package dev.chorm.migrations.operations;

import java.util.Objects;

/**
 * Drop a model's table (undone by creating it again, empty).
 *
 * @param model the model name
 */
public record DeleteModel(String model) implements Operation {
    /** Check the parts. */
    public DeleteModel {
        Objects.requireNonNull(model, "model == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.removeModel(app, model);
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropTable(from.model(context.app(), model));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().createTable(to.model(context.app(), model));
    }

    @Override
    public String describe() {
        return "Delete model " + model;
    }
}
