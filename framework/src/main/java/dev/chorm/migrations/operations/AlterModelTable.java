package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Rename a model's table ({@code RENAME TABLE}).
 *
 * @param model the model name
 * @param table the new table name
 */
public record AlterModelTable(String model, String table) implements Operation {
    /** Check the parts. */
    public AlterModelTable {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, state.model(app, model).toBuilder().name(table).build());
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        rename(context, from.model(context.app(), model), to.model(context.app(), model));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        rename(context, from.model(context.app(), model), to.model(context.app(), model));
    }

    private static void rename(OperationContext context, TableSpec before, TableSpec after) {
        if (!before.name().equals(after.name())) {
            context.editor().renameTable(before, after.name());
        }
    }

    @Override
    public String describe() {
        return "Rename table of %s to %s".formatted(model, table);
    }
}
