package dev.chorm.migrations.operations;

import dev.chorm.model.IndexSpec;
import java.util.Objects;

/**
 * Add a data-skipping index to a model's table ({@code ALTER TABLE ... ADD INDEX}).
 *
 * @param model the model name
 * @param index the index to add
 */
public record AddIndex(String model, IndexSpec index) implements Operation {
    /** Check the parts. */
    public AddIndex {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(index, "index == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Parts.INDEXES.add(state.model(app, model), index));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        // ADD only covers parts written from now on; MATERIALIZE builds it for the existing rows.
        context.editor().addIndex(from.model(context.app(), model), index);
        context.editor().materializeIndex(from.model(context.app(), model), index.name());
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropIndex(from.model(context.app(), model), index.name());
    }

    @Override
    public String describe() {
        return "Add index %s to %s".formatted(index.name(), model);
    }
}
