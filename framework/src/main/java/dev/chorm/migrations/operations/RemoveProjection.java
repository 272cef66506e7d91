package dev.chorm.migrations.operations;

import java.util.Objects;

/**
 * Drop a projection from a model's table ({@code ALTER TABLE ... DROP PROJECTION}); undone by adding it back.
 *
 * @param model the model name
 * @param name the projection's name
 */
public record RemoveProjection(String model, String name) implements Operation {
    /** Check the parts. */
    public RemoveProjection {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(name, "name == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.PROJECTIONS.remove(state.model(app, model), name));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropProjection(from.model(context.app(), model), name);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addProjection(from.model(context.app(), model), Parts.PROJECTIONS.get(to.model(context.app(), model), name));
        context.editor().materializeProjection(from.model(context.app(), model), name);
    }

    @Override
    public String describe() {
        return "Remove projection %s from %s".formatted(name, model);
    }
}
