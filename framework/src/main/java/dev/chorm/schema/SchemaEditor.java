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
 * <pre>{@code
 * SchemaEditor editor = SchemaEditor.collecting();
 * editor.createTable(ModelMeta.of(Event.class).table());
 * editor.addColumn(table, ColumnSpec.builder("note", ChType.string()).build());
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

    /** Create {@code table}; fails if it exists. */
    public void createTable(TableSpec table) {
        execute(ddl.createTable(map(table), false));
    }

    /** Create {@code table}, doing nothing if {@code ifNotExists} and it exists. */
    public void createTable(TableSpec table, boolean ifNotExists) {
        execute(ddl.createTable(map(table), ifNotExists));
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
        execute(ddl.dropTable(mapping.mapReference(table), ifExists, sync));
    }

    /** Rename {@code table} to {@code newName} within its database. */
    public void renameTable(TableSpec table, String newName) {
        execute(ddl.renameTable(mapping.mapReference(table), newName));
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
        alter(table, ddl.addColumn(column, null));
    }

    /** Add {@code column} after the column {@code after} (empty string: as the first column). */
    public void addColumn(TableSpec table, ColumnSpec column, String after) {
        alter(table, ddl.addColumn(column, after));
    }

    /** Drop the column {@code name}. */
    public void dropColumn(TableSpec table, String name) {
        alter(table, ddl.dropColumn(name));
    }

    /** Change a column to {@code column}'s full definition (type, default, codec, comment, TTL). */
    public void modifyColumn(TableSpec table, ColumnSpec column) {
        alter(table, ddl.modifyColumn(column));
    }

    /** Remove one property (DEFAULT, MATERIALIZED, ALIAS, CODEC, COMMENT or TTL) from a column. */
    public void removeColumnProperty(TableSpec table, String column, String property) {
        alter(table, ddl.removeColumnProperty(column, property));
    }

    /** Rename a column. */
    public void renameColumn(TableSpec table, String from, String to) {
        alter(table, ddl.renameColumn(from, to));
    }

    /** Set a column's comment. */
    public void commentColumn(TableSpec table, String column, String comment) {
        alter(table, ddl.commentColumn(column, comment));
    }

    /** Add a data-skipping index (it covers new parts; MATERIALIZE INDEX fills old ones). */
    public void addIndex(TableSpec table, IndexSpec index) {
        alter(table, ddl.addIndex(index));
    }

    /** Build an index for the parts written before it existed (a mutation). */
    public void materializeIndex(TableSpec table, String name) {
        alter(table, ddl.materializeIndex(name));
    }

    /** Drop a data-skipping index. */
    public void dropIndex(TableSpec table, String name) {
        alter(table, ddl.dropIndex(name));
    }

    /** Add a CHECK or ASSUME constraint. */
    public void addConstraint(TableSpec table, ConstraintSpec constraint) {
        alter(table, ddl.addConstraint(constraint));
    }

    /** Drop a constraint. */
    public void dropConstraint(TableSpec table, String name) {
        alter(table, ddl.dropConstraint(name));
    }

    /** Add a projection. */
    public void addProjection(TableSpec table, ProjectionSpec projection) {
        alter(table, ddl.addProjection(projection));
    }

    /** Build a projection for the parts written before it existed (a mutation). */
    public void materializeProjection(TableSpec table, String name) {
        alter(table, ddl.materializeProjection(name));
    }

    /** Drop a projection. */
    public void dropProjection(TableSpec table, String name) {
        alter(table, ddl.dropProjection(name));
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

    /** Remove the table TTL. */
    public void removeTtl(TableSpec table) {
        alter(table, ddl.removeTtl());
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

    private void alter(TableSpec table, String action) {
        execute(ddl.alter(mapping.mapReference(table), action));
    }

    /**
     * Read the live table named like {@code table} (same database and name) back into a
     * {@link TableSpec}; empty when it does not exist. See {@link Introspector}. It compares equal to
     * {@link #canonicalize} of the declared table, both seen through this editor's mapping.
     */
    public Optional<TableSpec> introspect(TableSpec table) {
        return introspector().introspect(mapping.mapReference(table));
    }

    /** Return {@code table} as mapped, with its expressions formatted the way the engine stores them, for comparisons. */
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
