package dev.chorm.migrations.operations;

import dev.chorm.model.ProjectionSpec;
import java.util.Objects;

/**
 * Add a projection to a model's table ({@code ALTER TABLE ... ADD PROJECTION}).
 *
 * @param model the model name
 * @param projection the projection to add
 */
public record AddProjection(String model, ProjectionSpec projection) implements Operation {
    /** Check the parts. */
    public AddProjection {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(projection, "projection == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.PROJECTIONS.add(state.model(app, model), projection));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        // ADD only covers parts written from now on; MATERIALIZE builds it for the existing rows.
        context.editor().addProjection(from.model(context.app(), model), projection);
        context.editor().materializeProjection(from.model(context.app(), model), projection.name());
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropProjection(from.model(context.app(), model), projection.name());
    }

    @Override
    public String describe() {
        return "Add projection %s to %s".formatted(projection.name(), model);
    }
}
