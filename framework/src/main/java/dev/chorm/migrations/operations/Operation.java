package dev.chorm.migrations.operations;

/**
 * Change the schema in one step: advance the in-memory {@link ProjectState} and issue the matching
 * DDL through the context's {@link dev.chorm.schema.SchemaEditor}, in either direction.
 *
 * <p>In {@link #databaseForwards} {@code from} is the state before the operation and {@code to} the
 * state after it; in {@link #databaseBackwards} {@code from} is the state after the operation and
 * {@code to} the state before it, so that both directions read the tables they need from the states
 * (as Django's operations do).
 *
 * <pre>{@code
 * Operation op = new AddField("Event", ColumnSpec.builder("note", DataType.string()).build(), "port");
 * op.stateForwards("events", state);
 * }</pre>
 */
public interface Operation {
    /** Return the name of this kind of operation as written in migration files, for example {@code AddField}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** Apply this operation to {@code state} for {@code app}. */
    void stateForwards(String app, ProjectState state);

    /** Issue the DDL that takes the database from {@code from} to {@code to}. */
    void databaseForwards(OperationContext context, ProjectState from, ProjectState to);

    /** Issue the DDL that undoes this operation, taking the database from {@code from} back to {@code to}. */
    void databaseBackwards(OperationContext context, ProjectState from, ProjectState to);

    /** Return a one-line human description, for example {@code Add field note to Event}. */
    String describe();

    /** Return whether {@link #databaseBackwards} can undo this operation. */
    default boolean isReversible() {
        return true;
    }

    /**
     * Return whether this operation copies every row of a table and has not been explicitly allowed
     * to; the executor refuses such an operation with a message naming the opt-in.
     */
    default boolean needsDataCopyOptIn() {
        return false;
    }

    /**
     * Return whether this operation, run again after a run that stopped inside it, finds out from the
     * live tables where to continue, so that its statements must all be issued again rather than the
     * recorded ones skipped (a rebuild, whose statements depend on the table's parts).
     */
    default boolean resumesItself() {
        return false;
    }
}
