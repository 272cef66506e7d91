package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;

/**
 * An operation whose DDL depends only on the table before and after it, so that going backwards is
 * the same change with the two states swapped (settings, TTL, a view's query or refresh, a re-created
 * view, a dictionary).
 */
interface TableChange extends Operation {
    /** Return the name of the model the operation changes. */
    String model();

    /** Issue the DDL that turns {@code before} into {@code after}. */
    void changeTable(OperationContext context, TableSpec before, TableSpec after);

    @Override
    default void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        changeTable(context, from.model(context.app(), model()), to.model(context.app(), model()));
    }

    @Override
    default void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        changeTable(context, from.model(context.app(), model()), to.model(context.app(), model()));
    }
}
