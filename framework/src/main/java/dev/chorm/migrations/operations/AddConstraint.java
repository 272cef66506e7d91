package dev.chorm.migrations.operations;

import dev.chorm.model.ConstraintSpec;
import java.util.Objects;

/**
 * Add a CHECK or ASSUME constraint to a model's table ({@code ALTER TABLE ... ADD CONSTRAINT}).
 *
 * @param model the model name
 * @param constraint the constraint to add
 */
public record AddConstraint(String model, ConstraintSpec constraint) implements Operation {
    /** Check the parts. */
    public AddConstraint {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(constraint, "constraint == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.CONSTRAINTS.add(state.model(app, model), constraint));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addConstraint(from.model(context.app(), model), constraint);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropConstraint(from.model(context.app(), model), constraint.name());
    }

    @Override
    public String describe() {
        return "Add constraint %s to %s".formatted(constraint.name(), model);
    }
}
