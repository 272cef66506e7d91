package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Drop a view and create it again with its new definition, for the changes ClickHouse cannot ALTER
 * (its kind, its TO table, its refresh clause, the storage of a materialized view without TO). A
 * materialized view with its own storage loses its rows; the reason says so, and the plan and
 * {@code sqlmigrate} show it. Undone by dropping it and creating the previous definition.
 *
 * @param model the model name
 * @param view the whole view after the change
 * @param reason why it cannot be altered in place, for the plan
 */
public record RecreateView(String model, TableSpec view, String reason) implements TableChange {
    /** Check the parts. */
    public RecreateView {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(view, "view == null");
        reason = reason == null ? "" : reason;
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.replaceModel(app, model, view);
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        context.editor().dropTable(before);
        context.editor().createTable(after);
    }

    @Override
    public String describe() {
        return "Drop and create view %s again (%s)".formatted(model, reason);
    }
}
