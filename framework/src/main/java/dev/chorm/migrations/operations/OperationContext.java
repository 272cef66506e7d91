package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SqlExecutor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Give an operation what it needs to change the database: its app, the schema editor (executing or
 * collecting), queries for polling, the project class loader and a progress sink.
 */
public final class OperationContext {
    private final String app;
    private final SchemaEditor editor;
    private final SqlExecutor sql;
    private final ClassLoader classLoader;
    private final ProgressSink progress;

    /** Receive progress of the running operation. */
    @FunctionalInterface
    public interface ProgressSink {
        /** Report {@code done} of {@code total} {@code unit}; total is -1 when unknown. */
        void report(long done, long total, String unit);
    }

    /**
     * Create a context; {@code sql} is null for a collecting editor.
     *
     * @param app the app whose migration runs
     * @param editor the editor that issues DDL
     * @param sql the executor for queries, or null when only collecting
     * @param classLoader the project class loader, for {@code RunJava}
     * @param progress where progress of long operations goes, at most about once a second and never
     *                 the same report twice in a row
     */
    public OperationContext(String app, SchemaEditor editor, SqlExecutor sql, ClassLoader classLoader,
                            ProgressSink progress) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.editor = Objects.requireNonNull(editor, "editor == null");
        this.sql = sql;
        this.classLoader = classLoader == null ? OperationContext.class.getClassLoader() : classLoader;
        this.progress = new ThrottledProgress(progress == null ? (d, t, u) -> { } : progress);
    }

    /** Return a context that only collects statements, for previews ({@code sqlmigrate}). */
    public static OperationContext collecting(String app, SchemaEditor editor) {
        return new OperationContext(app, editor, null, null, null);
    }

    /** Return the app whose migration runs. */
    public String app() {
        return app;
    }

    /** Return the schema editor. */
    public SchemaEditor editor() {
        return editor;
    }

    /** Return whether statements are only collected, not run. */
    public boolean isCollecting() {
        return sql == null || editor.isCollecting();
    }

    /** Return the project class loader. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Return the executor for queries and for statements a Java migration runs itself; fails when collecting. */
    public SqlExecutor sql() {
        if (isCollecting()) {
            throw new IllegalStateException("a collecting migration cannot read the database");
        }
        return sql;
    }

    /** Run a query; fails when collecting. */
    public List<Map<String, Object>> query(String query) {
        return sql().query(query);
    }

    /** Report progress of the running operation. */
    public void reportProgress(long done, long total, String unit) {
        progress.report(done, total, unit);
    }

    /**
     * Wait until the mutations of {@code table} are done, reporting rows mutated, and fail with ClickHouse's
     * reason when one fails; returns at once when collecting. Start the mutation with
     * {@link dev.chorm.schema.SchemaEditor}'s methods that do not wait for it (such as {@code modifyColumn}).
     */
    public void awaitMutations(TableSpec table) {
        if (!isCollecting()) {
            new MutationWatcher(sql, progress).await(table);
        }
    }
}
