package dev.chorm.migrations.operations;

import java.util.Objects;

/**
 * Drop a data-skipping index from a model's table ({@code ALTER TABLE ... DROP INDEX}); undone by adding it back.
 *
 * @param model the model name
 * @param name the index's name
 */
public record RemoveIndex(String model, String name) implements Operation {
    /** Check the parts. */
    public RemoveIndex {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(name, "name == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.INDEXES.remove(state.model(app, model), name));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropIndex(from.model(context.app(), model), name);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addIndex(from.model(context.app(), model), Parts.INDEXES.get(to.model(context.app(), model), name));
        context.editor().materializeIndex(from.model(context.app(), model), name);
    }

    @Override
    public String describe() {
        return "Remove index %s from %s".formatted(name, model);
    }
}
