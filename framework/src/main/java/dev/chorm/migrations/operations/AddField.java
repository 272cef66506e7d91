package dev.chorm.migrations.operations;

import dev.chorm.model.ColumnSpec;
import java.util.Objects;

/**
 * Add a column ({@code ALTER TABLE ... ADD COLUMN ... AFTER ...}).
 *
 * @param model the model name
 * @param field the new column
 * @param after the column it follows; empty for the first position, null for the last
 */
public record AddField(String model, ColumnSpec field, String after) implements Operation {
    /** Check the parts. */
    public AddField {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(field, "field == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Columns.add(state.model(app, model), field, after));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addColumn(from.model(context.app(), model), field, after);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropColumn(from.model(context.app(), model), field.name());
    }

    @Override
    public String describe() {
        return "Add field %s to %s".formatted(field.name(), model);
    }
}
