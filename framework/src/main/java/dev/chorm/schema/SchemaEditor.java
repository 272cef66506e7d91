package dev.chorm.schema;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Change a database's schema: each method renders one statement through {@link DdlRenderer} and
 * runs it, or, in collect mode, only records it (that is how {@code sqlmigrate} previews SQL).
 * Statements carry {@code ON CLUSTER} when the table names a cluster. Every table passes through the
 * editor's {@link TableMapping} first, so that one declared model renders as its storage profile
 * wants ({@link #withMapping}); the default mapping renders tables as declared.
 *
 * <p>Over a {@link ResumableSqlExecutor} (a resumed {@code migrate}), a statement that may have run
 * already is issued in its idempotent form ({@code IF [NOT] EXISTS}) or, where ClickHouse has none
 * ({@code MODIFY COLUMN ... REMOVE}, {@code REMOVE TTL}), skipped when the live table shows it done.
 * The other statements are idempotent as they are ({@code MODIFY COLUMN}, {@code MODIFY SETTING},
 * {@code MODIFY ORDER BY}, comments, {@code MATERIALIZE}).
 *
 * <pre>{@code
 * SchemaEditor editor = SchemaEditor.collecting();
 * editor.createTable(ModelMeta.of(Event.class).table());
 * editor.addColumn(table, ColumnSpec.builder("note", DataType.string()).build());
 * List<String> sql = editor.collectedStatements();
 * }</pre>
 */
public final class SchemaEditor {
    private final SqlExecutor executor;
    private final DdlRenderer ddl = new DdlRenderer();
    private final List<String> statements;
    private final TableMapping mapping;

    private SchemaEditor(SqlExecutor executor, List<String> statements, TableMapping mapping) {
        this.executor = executor;
        this.statements = statements;
        this.mapping = Objects.requireNonNull(mapping, "mapping == null");
    }

    private SchemaEditor(SqlExecutor executor) {
        this(executor, Collections.synchronizedList(new ArrayList<>()), TableMapping.declared());
    }

    /**
     * Return an editor that renders every table through {@code mapping} and otherwise is this one:
     * the same executor (or collect mode) and the same list of issued statements.
     */
    public SchemaEditor withMapping(TableMapping mapping) {
        return new SchemaEditor(executor, statements, mapping);
    }

    /** Return the mapping tables pass through before they are rendered. */
    public TableMapping mapping() {
        return mapping;
    }

    /** Return {@code table} as this editor renders it (see {@link TableMapping#map}). */
    public TableSpec map(TableSpec table) {
        return mapping.map(table);
    }

    /** Return an editor that runs every statement through {@code executor} (and records it). */
    public static SchemaEditor executing(SqlExecutor executor) {
        return new SchemaEditor(Objects.requireNonNull(executor, "executor == null"));
    }

    /** Return an editor that only records statements, for previews; it cannot introspect. */
    public static SchemaEditor collecting() {
        return new SchemaEditor(null);
    }

    /** Return whether this editor only records statements. */
    public boolean isCollecting() {
        return executor == null;
    }

    /** Return the statements issued so far, in order. */
    public List<String> collectedStatements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** Return the renderer, to render a statement without issuing it. */
    public DdlRenderer renderer() {
        return ddl;
    }

    /** Issue one statement written elsewhere (for example a migration's RunSQL). */
    public void execute(String sql) {
        statements.add(sql);
        if (executor != null) {
            executor.execute(sql);
        }
    }

    /**
     * Create {@code table}; fails if it exists, unless this statement may have run already and the live
     * table is exactly {@code table} (a table of the same name but another definition still fails).
     */
    public void createTable(TableSpec table) {
        checkViewColumns(table);
        String sql = ddl.createTable(map(table), false);
        // introspect and canonicalize map the table themselves
        if (mayHaveRun() && introspect(table).filter(live -> live.equals(canonicalize(table))).isPresent()) {
            skip(sql);
            return;
        }
        execute(sql);
    }

    /**
     * Replace dictionary {@code dictionary} by its new definition in one statement
     * ({@code CREATE OR REPLACE DICTIONARY}): a changed dictionary needs no drop, so queries that use it
     * never find it missing.
     */
    public void replaceDictionary(TableSpec dictionary) {
        execute(ddl.replaceDictionary(map(dictionary)));
    }

    /**
     * Change the query of the view {@code view} to its spec's: {@code CREATE OR REPLACE VIEW} for a plain view,
     * {@code ALTER TABLE ... MODIFY QUERY} for a materialized view (both idempotent, so a resumed run issues them again).
     */
    public void alterViewQuery(TableSpec view) {
        checkViewColumns(view);
        TableSpec rendered = map(view);
        if (rendered.view().isMaterialized()) {
            alter(view, ddl.modifyQuery(rendered.view().query()));
        } else {
            execute(ddl.createView(rendered, false, true));
        }
    }

    /**
     * Change the refresh clause of the refreshable materialized view {@code view} to its spec's
     * ({@code ALTER TABLE ... MODIFY REFRESH}); its target and the rows in it stay.
     */
    public void alterViewRefresh(TableSpec view) {
        alter(view, ddl.modifyRefresh(map(view).view().refresh()));
    }

    /**
     * Check, before a view is created or its query changed, that its query's columns are the view's and its
     * {@code TO} table's (see {@link ViewColumnsCheck}); collecting editors check nothing.
     */
    private void checkViewColumns(TableSpec view) {
        if (executor != null && view.isView()) {
            new ViewColumnsCheck(executor, introspector(), mapping).check(view);
        }
    }

    /** Create {@code table}, doing nothing if {@code ifNotExists} and it exists. */
    public void createTable(TableSpec table, boolean ifNotExists) {
        if (ifNotExists) {
            checkViewColumns(table);
            execute(ddl.createTable(map(table), true));
        } else {
            createTable(table);
        }
    }

    /**
     * Drop {@code table} if it exists; a Replicated table is dropped with SYNC so that its Keeper
     * path is free at once for a table created again under the same path.
     */
    public void dropTable(TableSpec table) {
        TableSpec rendered = mapping.mapReference(table);
        execute(ddl.dropTable(rendered, true, rendered.engine().isReplicated()));
    }

    /** Drop {@code table} with explicit IF EXISTS and SYNC choices. */
    public void dropTable(TableSpec table, boolean ifExists, boolean sync) {
        execute(ddl.dropTable(mapping.mapReference(table), ifExists || mayHaveRun(), sync));
    }

    /** Rename {@code table} to {@code newName} within its database. */
    public void renameTable(TableSpec table, String newName) {
        execute(ddl.renameTable(mapping.mapReference(table), newName, mayHaveRun()));
    }

    /** Swap {@code table} with the table {@code otherName} of the same database, atomically. */
    public void exchangeTables(TableSpec table, String otherName) {
        execute(ddl.exchangeTables(mapping.mapReference(table), otherName));
    }

    /** Create {@code database} if it does not exist, on {@code cluster} when it is not empty. */
    public void createDatabase(String database, String cluster) {
        execute(ddl.createDatabase(database, cluster));
    }

    /** Create the empty table {@code database.table} with the structure of {@code sourceDatabase.sourceTable}. */
    public void createTableAs(String database, String table, String sourceDatabase, String sourceTable, String cluster) {
        execute(ddl.createTableAs(database, table, sourceDatabase, sourceTable, cluster));
    }

    /** Remove every row of {@code database.table} if it exists, on {@code cluster} when it is not empty. */
    public void truncateTable(String database, String table, String cluster) {
        execute(ddl.truncateTable(database, table, cluster));
    }

    /** Drop {@code database} if it exists, on {@code cluster} when it is not empty. */
    public void dropDatabase(String database, String cluster) {
        execute(ddl.dropDatabase(database, cluster, true));
    }

    /** Add {@code column} as the last column. */
    public void addColumn(TableSpec table, ColumnSpec column) {
        addColumn(table, column, null);
    }

    /** Add {@code column} after the column {@code after} (empty string: as the first column). */
    public void addColumn(TableSpec table, ColumnSpec column, String after) {
        execute(alterSql(table, ddl.addColumn(column, after, mayHaveRun())) + ddl.columnQuerySettings(column));
    }

    /** Drop the column {@code name}. */
    public void dropColumn(TableSpec table, String name) {
        alter(table, ddl.dropColumn(name, mayHaveRun()));
    }

    /** Change a column to {@code column}'s full definition (type, default, codec, comment, TTL). */
    public void modifyColumn(TableSpec table, ColumnSpec column) {
        execute(alterSql(table, ddl.modifyColumn(column)) + ddl.columnQuerySettings(column));
    }

    /**
     * Change a column as {@link #modifyColumn} does, returning once the mutation that rewrites its data
     * is queued: wait for it through {@code system.mutations}, which shows its progress and failure.
     */
    public void modifyColumnInBackground(TableSpec table, ColumnSpec column) {
        execute(ddl.inBackground(alterSql(table, ddl.modifyColumn(column))));
    }

    /** Remove one property (DEFAULT, MATERIALIZED, ALIAS, CODEC, COMMENT or TTL) from a column. */
    public void removeColumnProperty(TableSpec table, String column, String property) {
        String sql = alterSql(table, ddl.removeColumnProperty(column, property));
        if (mayHaveRun() && introspect(table).flatMap(t -> t.column(column)).filter(c -> !hasProperty(c, property)).isPresent()) {
            skip(sql);
            return;
        }
        execute(sql);
    }

    private static boolean hasProperty(ColumnSpec c, String property) {
        return switch (property) {
            case "CODEC" -> !c.codec().isEmpty();
            case "COMMENT" -> !c.comment().isEmpty();
            case "TTL" -> !c.ttl().isEmpty();
            default -> c.defaultKind().keyword().equals(property);
        };
    }

    /** Rename a column. */
    public void renameColumn(TableSpec table, String from, String to) {
        alter(table, ddl.renameColumn(from, to, mayHaveRun()));
    }

    /** Set a column's comment. */
    public void commentColumn(TableSpec table, String column, String comment) {
        alter(table, ddl.commentColumn(column, comment));
    }

    /** Add a data-skipping index (it covers new parts; MATERIALIZE INDEX fills old ones). */
    public void addIndex(TableSpec table, IndexSpec index) {
        alter(table, ddl.addIndex(index, mayHaveRun()));
    }

    /** Build an index for the parts written before it existed (a mutation). */
    public void materializeIndex(TableSpec table, String name) {
        alter(table, ddl.materializeIndex(name));
    }

    /** Drop a data-skipping index. */
    public void dropIndex(TableSpec table, String name) {
        alter(table, ddl.dropIndex(name, mayHaveRun()));
    }

    /** Add a CHECK or ASSUME constraint. */
    public void addConstraint(TableSpec table, ConstraintSpec constraint) {
        alter(table, ddl.addConstraint(constraint, mayHaveRun()));
    }

    /** Drop a constraint. */
    public void dropConstraint(TableSpec table, String name) {
        alter(table, ddl.dropConstraint(name, mayHaveRun()));
    }

    /** Add a projection. */
    public void addProjection(TableSpec table, ProjectionSpec projection) {
        alter(table, ddl.addProjection(projection, mayHaveRun()));
    }

    /** Build a projection for the parts written before it existed (a mutation). */
    public void materializeProjection(TableSpec table, String name) {
        alter(table, ddl.materializeProjection(name));
    }

    /** Drop a projection. */
    public void dropProjection(TableSpec table, String name) {
        alter(table, ddl.dropProjection(name, mayHaveRun()));
    }

    /** Set table settings. */
    public void modifySettings(TableSpec table, Map<String, String> settings) {
        alter(table, ddl.modifySettings(settings));
    }

    /** Reset table settings to their defaults. */
    public void resetSettings(TableSpec table, List<String> names) {
        alter(table, ddl.resetSettings(names));
    }

    /** Change the sorting key (ClickHouse only allows appending newly added columns). */
    public void modifyOrderBy(TableSpec table, List<String> orderBy) {
        alter(table, ddl.modifyOrderBy(orderBy));
    }

    /** Replace the table TTL rules. */
    public void modifyTtl(TableSpec table, List<String> rules) {
        alter(table, ddl.modifyTtl(rules));
    }

    /** Replace the table TTL rules as {@link #modifyTtl} does, returning once the mutation that applies them is queued. */
    public void modifyTtlInBackground(TableSpec table, List<String> rules) {
        execute(ddl.inBackground(alterSql(table, ddl.modifyTtl(rules))));
    }

    /** Remove the table TTL. */
    public void removeTtl(TableSpec table) {
        String sql = alterSql(table, ddl.removeTtl());
        if (mayHaveRun() && introspect(table).filter(t -> t.ttl().isEmpty()).isPresent()) {
            skip(sql);
            return;
        }
        execute(sql);
    }

    /** Set the table comment. */
    public void modifyComment(TableSpec table, String comment) {
        alter(table, ddl.modifyComment(comment));
    }

    /**
     * Issue several actions in one ALTER, for changes ClickHouse only accepts together, such as
     * {@code ADD COLUMN x ..., MODIFY ORDER BY (id, x)}; render the actions with {@link #renderer()}.
     */
    public void alterTogether(TableSpec table, String... actions) {
        alter(table, String.join(", ", actions));
    }

    /**
     * Add {@code columns}, each after the column of the same index in {@code after}, and extend the sorting
     * key to {@code orderBy} in one ALTER: the only way ClickHouse lets a sorting key grow.
     */
    public void addColumnsWithOrderBy(TableSpec table, List<ColumnSpec> columns, List<String> after, List<String> orderBy) {
        boolean again = mayHaveRun();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            actions.add(ddl.addColumn(columns.get(i), after.get(i), again));
        }
        actions.add(ddl.modifyOrderBy(orderBy));
        alterTogether(table, actions.toArray(String[]::new));
    }

    /** Stop ({@code run == false}) or restart the background merges of {@code table} on this server. */
    public void merges(TableSpec table, boolean run) {
        execute(ddl.merges(table, run));
    }

    private void alter(TableSpec table, String action) {
        execute(alterSql(table, action));
    }

    /** Every ALTER goes through the mapping: under single-node, no ON CLUSTER and the local table. */
    private String alterSql(TableSpec table, String action) {
        return ddl.alter(mapping.mapReference(table), action);
    }

    /** Return whether the next statement may have run already (a resumed migrate; see {@link ResumableSqlExecutor}). */
    private boolean mayHaveRun() {
        return executor instanceof ResumableSqlExecutor r && r.nextMayHaveRun();
    }

    private void skip(String sql) {
        statements.add("-- done already: " + sql);
        ((ResumableSqlExecutor) executor).skipNext(sql);
    }

    /**
     * Read the live table named like {@code table} (same database and name) back into a
     * {@link TableSpec}; empty when it does not exist. See {@link Introspector}. It compares equal to
     * {@link #canonicalize} of the declared table, both seen through this editor's mapping.
     */
    public Optional<TableSpec> introspect(TableSpec table) {
        return introspector().introspect(mapping.mapReference(table));
    }

    /**
     * Compare the live table named like {@code model} with it: both in the engine's canonical form (the
     * engine formats expressions its own way, {@code INTERVAL 1 DAY} as {@code toIntervalDay(1)}), with
     * one line per difference. {@link dev.chorm.db.Database#compareTable} does this for a model class.
     *
     * <pre>{@code
     * TableComparison c = editor.compare(ModelMeta.of(Event.class).table());
     * assert c.matches() : c.differences();
     * }</pre>
     */
    public TableComparison compare(TableSpec model) {
        return TableComparison.of(canonicalize(model), introspect(model));
    }

    /**
     * Return {@code table} as mapped, with its expressions formatted the way the engine stores them; to compare a
     * live table with a model, {@link #compare} does this and the comparison in one call.
     */
    public TableSpec canonicalize(TableSpec table) {
        return introspector().canonicalize(map(table));
    }

    private Introspector introspector() {
        if (executor == null) {
            throw new IllegalStateException("a collecting SchemaEditor cannot read the database");
        }
        return new Introspector(executor);
    }
}
