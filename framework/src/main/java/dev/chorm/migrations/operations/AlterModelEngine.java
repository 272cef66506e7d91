package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Rebuild a model's table as {@code table}: for what ClickHouse cannot ALTER (the engine, the
 * partition key, the primary key, a sorting key change other than appending new columns, read-only
 * settings). Creates the new table beside the old one, copies the rows with {@code INSERT ... SELECT}
 * in chunks (reporting rows copied), swaps the two with {@code EXCHANGE TABLES} and drops the old one.
 *
 * <p>Because it copies every row, the executor refuses it unless {@code allowDataCopy} is true.
 *
 * @param model the model name
 * @param table the complete new table
 * @param allowDataCopy the explicit opt-in to copying the table's data
 */
public record AlterModelEngine(String model, TableSpec table, boolean allowDataCopy) implements Operation {
    /** Check the parts. */
    public AlterModelEngine {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, table.toBuilder().name(state.model(app, model).name()).build());
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        new TableRebuild(context).rebuild(from.model(context.app(), model), to.model(context.app(), model));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        new TableRebuild(context).rebuild(from.model(context.app(), model), to.model(context.app(), model));
    }

    @Override
    public boolean needsDataCopyOptIn() {
        return !allowDataCopy;
    }

    /** A rebuild copies in chunks that depend on the table's parts, and tells from the live table where it stopped. */
    @Override
    public boolean resumesItself() {
        return true;
    }

    @Override
    public String describe() {
        return "Rebuild table of %s as %s (copies all rows)".formatted(model, table.engine().sql());
    }
}
