package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SqlExecutor;

/**
 * Migrate data in Java: the hook a {@code RunJava} operation calls. Implementations need a public
 * no-argument constructor; they are loaded with the project class loader.
 *
 * <pre>{@code
 * public final class BackfillProtocol implements JavaMigration {
 *     public void forwards(Context context) {
 *         context.sql().execute("ALTER TABLE event UPDATE protocol = 'TCP' WHERE protocol = ''");
 *     }
 * }
 * }</pre>
 */
public interface JavaMigration {
    /** Migrate the data forwards. */
    void forwards(Context context);

    /** Undo {@link #forwards}; by default there is nothing that can undo it. */
    default void backwards(Context context) {
        throw new MigrationException(getClass().getName() + " cannot be undone: it does not override backwards.");
    }

    /** Give a Java migration the database and the tables as they are at its point of the migrations. */
    final class Context {
        private final OperationContext operation;
        private final ProjectState state;

        /** Create a context over a running operation and the project state the migration sees. */
        public Context(OperationContext operation, ProjectState state) {
            this.operation = operation;
            this.state = state;
        }

        /** Return the executor for statements and queries. */
        public SqlExecutor sql() {
            return operation.sql();
        }

        /** Return the schema editor. */
        public SchemaEditor editor() {
            return operation.editor();
        }

        /** Return the table of {@code model} in this migration's app, as the migrations describe it at this point. */
        public TableSpec table(String model) {
            return state.model(operation.app(), model);
        }

        /** Report progress, for example rows processed. */
        public void reportProgress(long done, long total, String unit) {
            operation.reportProgress(done, total, unit);
        }
    }
}
