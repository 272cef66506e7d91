package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import java.util.Objects;

/**
 * Change a refreshable materialized view's schedule or {@code DEPENDS ON} in place
 * ({@code ALTER TABLE ... MODIFY REFRESH}): its query, its target and the rows in it stay. Undone the
 * same way with the previous clause. Adding or removing {@code APPEND}, or making a view refreshable,
 * the engine cannot ALTER: those are a {@link RecreateView}.
 *
 * @param model the model name
 * @param refresh the new refresh clause
 */
public record AlterViewRefresh(String model, ViewSpec.Refresh refresh) implements TableChange {
    /** Check the parts. */
    public AlterViewRefresh {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(refresh, "refresh == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        TableSpec view = state.model(app, model);
        state.putModel(app, model, view.toBuilder().view(view.view().withRefresh(refresh)).build());
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        context.editor().alterViewRefresh(after);
    }

    @Override
    public String describe() {
        return "Change the refresh of view %s to %s (ALTER TABLE ... MODIFY REFRESH)".formatted(model, refresh.schedule());
    }
}
