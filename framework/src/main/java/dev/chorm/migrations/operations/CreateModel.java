package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Create a model's table with all its columns, indexes, constraints, projections and settings.
 *
 * @param model the model name
 * @param table the full table
 */
public record CreateModel(String model, TableSpec table) implements Operation {
    /** Check the parts. */
    public CreateModel {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        if (state.findModel(app, model).isPresent()) {
            throw new MigrationException("Cannot create model %s.%s: it exists already. Check the migration's dependencies."
                    .formatted(app, model));
        }
        state.putModel(app, model, table);
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().createTable(to.model(context.app(), model));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().dropTable(from.model(context.app(), model));
    }

    @Override
    public String describe() {
        return "Create model %s (table %s)".formatted(model, table.name());
    }
}
