package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Change a view's query in place: a plain view is replaced ({@code CREATE OR REPLACE VIEW}), a
 * materialized view gets {@code ALTER TABLE ... MODIFY QUERY} (its TO table or its own storage, and
 * the rows in it, stay). Undone the same way with the previous query.
 *
 * @param model the model name
 * @param view the whole view after the change (its query, columns and sources)
 */
public record AlterViewQuery(String model, TableSpec view) implements TableChange {
    /** Check the parts. */
    public AlterViewQuery {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(view, "view == null");
        if (!view.isView()) {
            throw new IllegalArgumentException(model + " is not a view");
        }
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.replaceModel(app, model, view);
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        context.editor().alterViewQuery(after);
    }

    @Override
    public String describe() {
        return "Change the query of view %s (%s)".formatted(model,
                view.view().isMaterialized() ? "ALTER TABLE ... MODIFY QUERY" : "CREATE OR REPLACE VIEW");
    }
}
