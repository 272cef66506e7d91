package dev.chorm.migrations.operations;

import java.util.Objects;

/**
 * Drop a CHECK or ASSUME constraint from a model's table ({@code ALTER TABLE ... DROP CONSTRAINT}); undone by adding it back.
 *
 * @param model the model name
 * @param name the constraint's name
 */
public record RemoveConstraint(String model, String name) implements Operation {
    /** Check the parts. */
    public RemoveConstraint {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(name, "name == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.CONSTRAINTS.remove(state.model(app, model), name));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropConstraint(from.model(context.app(), model), name);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addConstraint(from.model(context.app(), model), Parts.CONSTRAINTS.get(to.model(context.app(), model), name));
    }

    @Override
    public String describe() {
        return "Remove constraint %s from %s".formatted(name, model);
    }
}
