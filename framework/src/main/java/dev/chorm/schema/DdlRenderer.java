package dev.chorm.schema;

import static dev.chorm.sql.SqlLiterals.quoteIdentifier;
import static dev.chorm.sql.SqlLiterals.quoteString;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.DictionarySpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Render ClickHouse DDL from specs: the one place where CREATE, DROP and ALTER text is written.
 * Identifiers are quoted and literals escaped through {@link SqlLiterals}; expressions (defaults,
 * keys, TTLs, index expressions) are SQL the model author wrote and are passed through.
 *
 * <pre>{@code new DdlRenderer().createTable(ModelMeta.of(Event.class).table(), true)}</pre>
 */
public final class DdlRenderer {
    private static final String CREATE_TABLE = "CREATE TABLE %s%s%s\n(\n%s\n)\nENGINE = %s";
    private static final String DROP_TABLE = "DROP TABLE %s%s%s%s";
    private static final String DROP_VIEW = "DROP VIEW %s%s%s%s";
    private static final String ALTER_TABLE = "ALTER TABLE %s%s %s";
    private static final String RENAME_TABLE = "RENAME TABLE %s%s TO %s%s";
    private static final String EXCHANGE_TABLES = "EXCHANGE TABLES %s AND %s%s";
    private static final String CREATE_DATABASE = "CREATE DATABASE IF NOT EXISTS %s%s";
    private static final String DROP_DATABASE = "DROP DATABASE IF EXISTS %s%s%s";
    private static final String CREATE_TABLE_AS = "CREATE TABLE %s%s AS %s";
    private static final String TRUNCATE_TABLE = "TRUNCATE TABLE IF EXISTS %s%s";
    private static final String INDENT = "    ";

    /**
     * Return {@code CREATE TABLE [IF NOT EXISTS] db.table [ON CLUSTER c] (...) ENGINE = ... [clauses]}, or for a
     * view the {@code CREATE [MATERIALIZED] VIEW} of {@link #createView}.
     */
    public String createTable(TableSpec t, boolean ifNotExists) {
        if (t.isDictionary()) {
            return createDictionary(t, ifNotExists ? "CREATE DICTIONARY IF NOT EXISTS " : "CREATE DICTIONARY ");
        }
        if (t.isView()) {
            return createView(t, ifNotExists, false);
        }
        List<String> elements = new ArrayList<>();
        t.columns().forEach(c -> elements.add(INDENT + columnDefinition(c)));
        t.indexes().forEach(i -> elements.add(INDENT + indexDefinition(i)));
        t.constraints().forEach(c -> elements.add(INDENT + constraintDefinition(c)));
        t.projections().forEach(p -> elements.add(INDENT + projectionDefinition(p)));
        StringBuilder sql = new StringBuilder(CREATE_TABLE.formatted(ifNotExists ? "IF NOT EXISTS " : "",
                table(t), SqlLiterals.onCluster(t.cluster()), String.join(",\n", elements), t.engine().sql()));
        appendClauses(t, sql);
        if (!t.comment().isEmpty()) {
            sql.append("\nCOMMENT ").append(quoteString(t.comment()));
        }
        t.columns().stream().map(this::columnQuerySettings).filter(x -> !x.isEmpty()).findFirst()
                .ifPresent(x -> sql.append('\n').append(x.strip()));
        return sql.toString();
    }

    /**
     * Return the CREATE statement of the view {@code t}:
     * <ul>
     * <li>a plain view: {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] db.v [ON CLUSTER c] AS query};</li>
     * <li>a materialized view: {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] db.v [ON CLUSTER c]
     *     [REFRESH ... [DEPENDS ON ...]] [APPEND] TO db.target | (columns) ENGINE = ... [clauses] [POPULATE] AS query}.</li>
     * </ul>
     * {@code orReplace} is for plain views only (ClickHouse has no OR REPLACE for materialized views).
     */
    public String createView(TableSpec t, boolean ifNotExists, boolean orReplace) {
        ViewSpec v = t.view();
        if (v == null) {
            throw new IllegalArgumentException(t.name() + " is not a view");
        }
        StringBuilder sql = new StringBuilder("CREATE ");
        if (orReplace) {
            if (v.isMaterialized()) {
                throw new IllegalArgumentException(t.name() + ": a materialized view cannot be CREATE OR REPLACE'd");
            }
            sql.append("OR REPLACE ");
        }
        sql.append(v.isMaterialized() ? "MATERIALIZED VIEW " : "VIEW ").append(ifNotExists ? "IF NOT EXISTS " : "")
                .append(table(t)).append(SqlLiterals.onCluster(t.cluster()));
        if (v.isMaterialized()) {
            if (v.refresh() != null) {
                sql.append('\n').append(refreshClause(v.refresh()));
                if (v.refresh().append()) {
                    sql.append("\nAPPEND");
                }
            }
            if (v.to() != null) {
                sql.append("\nTO ").append(SqlLiterals.qualifiedName(v.to().database(), v.to().name()));
            } else {
                List<String> elements = new ArrayList<>();
                t.columns().forEach(c -> elements.add(INDENT + columnDefinition(c)));
                t.indexes().forEach(i -> elements.add(INDENT + indexDefinition(i)));
                t.projections().forEach(p -> elements.add(INDENT + projectionDefinition(p)));
                sql.append("\n(\n").append(String.join(",\n", elements)).append("\n)\nENGINE = ").append(t.engine().sql());
                appendClauses(t, sql);
            }
            if (v.populate()) {
                sql.append("\nPOPULATE");
            }
        }
        if (t.comment().isEmpty()) {
            sql.append("\nAS ").append(v.query());
        } else {
            // in brackets: after a bare FROM table, COMMENT would be read as the table's alias; the bracket
            // closes on a line of its own, since a query ending in a -- comment would swallow it
            sql.append("\nAS (").append(v.query()).append("\n)\nCOMMENT ").append(quoteString(t.comment()));
        }
        return sql.toString();
    }

    /** Return {@code REFRESH EVERY|AFTER ... [DEPENDS ON db.a, db.b]}, without {@code APPEND}. */
    public String refreshClause(ViewSpec.Refresh r) {
        String sql = "REFRESH " + r.schedule();
        if (!r.dependsOn().isEmpty()) {
            sql += " DEPENDS ON " + r.dependsOn().stream().map(d -> SqlLiterals.qualifiedName(d.database(), d.name()))
                    .collect(Collectors.joining(", "));
        }
        return sql;
    }

    /**
     * Return the action {@code MODIFY REFRESH EVERY|AFTER ... [DEPENDS ON ...] [APPEND]}: a refreshable view's new
     * schedule, in place. Measured on 26.5: the clause replaces the whole old one (a DEPENDS ON left out is removed),
     * and APPEND must be repeated, since the engine refuses to add or remove it.
     */
    public String modifyRefresh(ViewSpec.Refresh r) {
        return "MODIFY " + refreshClause(r) + (r.append() ? " APPEND" : "");
    }

    /** Return the action {@code MODIFY QUERY select}: a materialized view's new query (ClickHouse 26.5 allows it with a TO table and with its own storage). */
    public String modifyQuery(String query) {
        return "MODIFY QUERY " + query;
    }

    /**
     * Return the query-level {@code SETTINGS} a statement that creates column {@code c} needs, with a
     * leading space, or an empty string: {@code flatten_nested = 0} for a Nested column, which ClickHouse
     * would otherwise split into one Array column per element ({@code items.sku}, {@code items.qty}) so
     * that the table no longer matches its model. The setting is not stored with the table.
     */
    public String columnQuerySettings(ColumnSpec c) {
        return containsNested(c.type()) ? " SETTINGS flatten_nested = 0" : "";
    }

    private static boolean containsNested(dev.chorm.types.DataType type) {
        return type.kind() == dev.chorm.types.TypeKind.NESTED
                || type.arguments().stream().anyMatch(DdlRenderer::containsNested);
    }

    /**
     * Return {@code CREATE TABLE [IF NOT EXISTS] db.table [ON CLUSTER c] (name Type, ...) ENGINE = ...
     * ORDER BY ...} on one line: the form of chorm's own bookkeeping tables (the migration history and
     * lock), whose columns are plain names with a type and nothing more.
     */
    public String createBookkeepingTable(TableSpec t, boolean ifNotExists) {
        String columns = t.columns().stream().map(c -> c.name() + ' ' + c.type().sql()).collect(Collectors.joining(", "));
        return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + table(t) + SqlLiterals.onCluster(t.cluster())
                + " (" + columns + ") ENGINE = " + t.engine().sql() + " ORDER BY " + keyTuple(t.orderBy());
    }

    private void appendClauses(TableSpec t, StringBuilder sql) {
        if (t.engine().isMergeTreeFamily()) {
            sql.append("\nORDER BY ").append(keyTuple(t.orderBy()));
        }
        if (!t.partitionBy().isEmpty()) {
            sql.append("\nPARTITION BY ").append(t.partitionBy());
        }
        if (!t.primaryKey().isEmpty()) {
            sql.append("\nPRIMARY KEY ").append(keyTuple(t.primaryKey()));
        }
        if (!t.sampleBy().isEmpty()) {
            sql.append("\nSAMPLE BY ").append(t.sampleBy());
        }
        if (!t.ttl().isEmpty()) {
            sql.append("\nTTL ").append(String.join(", ", t.ttl()));
        }
        if (!t.settings().isEmpty()) {
            sql.append("\nSETTINGS ").append(settingList(t.settings()));
        }
    }

    /** Return {@code `name` Type [DEFAULT expr] [COMMENT 'c'] [CODEC(...)] [TTL expr]}, as in CREATE and ALTER. */
    public String columnDefinition(ColumnSpec c) {
        StringBuilder sql = new StringBuilder(quoteIdentifier(c.name())).append(' ').append(c.type().sql());
        if (c.defaultKind() != DefaultKind.NONE) {
            sql.append(' ').append(c.defaultKind().keyword());
            if (!c.defaultExpression().isEmpty()) {
                sql.append(' ').append(c.defaultExpression());
            }
        }
        if (!c.comment().isEmpty()) {
            sql.append(" COMMENT ").append(quoteString(c.comment()));
        }
        if (!c.codec().isEmpty()) {
            sql.append(" CODEC(").append(c.codec()).append(')');
        }
        if (!c.ttl().isEmpty()) {
            sql.append(" TTL ").append(c.ttl());
        }
        return sql.toString();
    }

    /** Return {@code INDEX `name` expr TYPE type GRANULARITY n}. */
    public String indexDefinition(IndexSpec i) {
        return "INDEX " + quoteIdentifier(i.name()) + ' ' + i.expression() + " TYPE " + i.type()
                + " GRANULARITY " + i.granularity();
    }

    /** Return {@code CONSTRAINT `name` CHECK|ASSUME expr}. */
    public String constraintDefinition(ConstraintSpec c) {
        return "CONSTRAINT " + quoteIdentifier(c.name()) + ' ' + c.kind().name() + ' ' + c.expression();
    }

    /** Return {@code PROJECTION `name` (query)}. */
    public String projectionDefinition(ProjectionSpec p) {
        return "PROJECTION " + quoteIdentifier(p.name()) + " (" + p.query() + ')';
    }

    /**
     * Return {@code CREATE OR REPLACE DICTIONARY ...}: a changed dictionary in one statement, which the
     * engine swaps in atomically (queries keep reading the old one until the new one is created).
     */
    public String replaceDictionary(TableSpec t) {
        return createDictionary(t, "CREATE OR REPLACE DICTIONARY ");
    }

    /**
     * Return {@code <create> db.name [ON CLUSTER c] (columns) PRIMARY KEY .. SOURCE(CLICKHOUSE(..))
     * LAYOUT(..) [LIFETIME(MIN a MAX b)] [RANGE(MIN x MAX y)] [COMMENT '..']}. The source has no HOST,
     * so the dictionary reads the server it lives on; without DB it reads its own database.
     */
    private String createDictionary(TableSpec t, String create) {
        DictionarySpec d = t.dictionary();
        List<String> columns = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            StringBuilder col = new StringBuilder(INDENT).append(quoteIdentifier(c.name())).append(' ').append(c.type().sql());
            if (c.defaultKind() == DefaultKind.DEFAULT) {
                col.append(" DEFAULT ").append(c.defaultExpression());
            }
            String expression = d.expressions().get(c.name());
            if (expression != null) {
                col.append(" EXPRESSION ").append(expression);
            }
            if (d.hierarchical().contains(c.name())) {
                col.append(" HIERARCHICAL");
            }
            if (d.injective().contains(c.name())) {
                col.append(" INJECTIVE");
            }
            columns.add(col.toString());
        }
        StringBuilder sql = new StringBuilder(create).append(table(t)).append(SqlLiterals.onCluster(t.cluster()))
                .append("\n(\n").append(String.join(",\n", columns)).append("\n)\nPRIMARY KEY ")
                .append(d.primaryKey().stream().map(SqlLiterals::quoteIdentifier).collect(Collectors.joining(", ")))
                .append("\nSOURCE(CLICKHOUSE(").append(dictionarySource(d)).append("))\nLAYOUT(")
                .append(d.layout().sql()).append(')');
        if (!d.layout().direct()) {
            sql.append("\nLIFETIME(MIN ").append(d.lifetimeMin()).append(" MAX ").append(d.lifetimeMax()).append(')');
        }
        if (d.layout().ranged()) {
            sql.append("\nRANGE(MIN ").append(quoteIdentifier(d.rangeMin())).append(" MAX ")
                    .append(quoteIdentifier(d.rangeMax())).append(')');
        }
        if (!t.comment().isEmpty()) {
            sql.append("\nCOMMENT ").append(quoteString(t.comment()));
        }
        return sql.toString();
    }

    private static String dictionarySource(DictionarySpec d) {
        if (!d.sourceQuery().isEmpty()) {
            return "QUERY " + quoteString(d.sourceQuery());
        }
        String source = "TABLE " + quoteString(d.sourceTable());
        return d.sourceDatabase().isEmpty() ? source : source + " DB " + quoteString(d.sourceDatabase());
    }

    /** Return {@code DROP TABLE|VIEW|DICTIONARY [IF EXISTS] db.table [ON CLUSTER c] [SYNC]}. */
    public String dropTable(TableSpec t, boolean ifExists, boolean sync) {
        if (t.isView()) {
            return DROP_VIEW.formatted(ifExists ? "IF EXISTS " : "", table(t), SqlLiterals.onCluster(t.cluster()), sync ? " SYNC" : "");
        }
        if (t.isDictionary()) {
            // ClickHouse refuses DROP TABLE on a dictionary (code 520); SYNC does not apply to one.
            return "DROP DICTIONARY " + (ifExists ? "IF EXISTS " : "") + table(t) + SqlLiterals.onCluster(t.cluster());
        }
        return DROP_TABLE.formatted(ifExists ? "IF EXISTS " : "", table(t), SqlLiterals.onCluster(t.cluster()), sync ? " SYNC" : "");
    }

    /** Return {@code RENAME TABLE db.old TO db.new [ON CLUSTER c]}; the database stays the same. */
    public String renameTable(TableSpec t, String newName) {
        return renameTable(t, newName, false);
    }

    /** Return {@code RENAME TABLE [IF EXISTS] db.old TO db.new [ON CLUSTER c]}. */
    public String renameTable(TableSpec t, String newName, boolean ifExists) {
        return RENAME_TABLE.formatted(ifExists ? "IF EXISTS " : "", table(t), SqlLiterals.qualifiedName(t.database(), newName),
                SqlLiterals.onCluster(t.cluster()));
    }

    /** Return {@code EXCHANGE TABLES a AND b [ON CLUSTER c]}, atomically swapping two tables of {@code a}'s database. */
    public String exchangeTables(TableSpec a, String otherName) {
        return EXCHANGE_TABLES.formatted(table(a), SqlLiterals.qualifiedName(a.database(), otherName),
                SqlLiterals.onCluster(a.cluster()));
    }

    /** Return {@code CREATE DATABASE IF NOT EXISTS db [ON CLUSTER c]}. */
    public String createDatabase(String database, String cluster) {
        return CREATE_DATABASE.formatted(quoteIdentifier(database), SqlLiterals.onCluster(cluster));
    }

    /** Return {@code DROP DATABASE IF EXISTS db [ON CLUSTER c] [SYNC]}. */
    public String dropDatabase(String database, String cluster, boolean sync) {
        return DROP_DATABASE.formatted(quoteIdentifier(database), SqlLiterals.onCluster(cluster), sync ? " SYNC" : "");
    }

    /**
     * Return {@code CREATE TABLE db.table [ON CLUSTER c] AS source.table}: a new, empty table with the
     * source's columns, engine and settings (test databases are copied from a migrated template so).
     */
    public String createTableAs(String database, String table, String sourceDatabase, String sourceTable, String cluster) {
        return CREATE_TABLE_AS.formatted(SqlLiterals.qualifiedName(database, table), SqlLiterals.onCluster(cluster),
                SqlLiterals.qualifiedName(sourceDatabase, sourceTable));
    }

    /** Return {@code TRUNCATE TABLE IF EXISTS db.table [ON CLUSTER c]}. */
    public String truncateTable(String database, String table, String cluster) {
        return TRUNCATE_TABLE.formatted(SqlLiterals.qualifiedName(database, table), SqlLiterals.onCluster(cluster));
    }

    /** Return {@code ALTER TABLE db.table [ON CLUSTER c] action}; {@code action} must already be rendered. */
    public String alter(TableSpec t, String action) {
        return ALTER_TABLE.formatted(table(t), SqlLiterals.onCluster(t.cluster()), action);
    }

    /**
     * Return {@code alter} (an ALTER that starts a mutation) made to return once the mutation is queued
     * rather than done, so that its progress can be read from {@code system.mutations} meanwhile.
     */
    public String inBackground(String alter) {
        return alter + " SETTINGS alter_sync = 0, mutations_sync = 0";
    }

    /** Return the action {@code ADD COLUMN `c` ... [AFTER `x` | FIRST]}; {@code after} null for last, empty for first. */
    public String addColumn(ColumnSpec c, String after) {
        return addColumn(c, after, false);
    }

    /** Return the action {@code ADD COLUMN [IF NOT EXISTS] `c` ... [AFTER `x` | FIRST]}. */
    public String addColumn(ColumnSpec c, String after, boolean ifNotExists) {
        String position = after == null ? "" : after.isEmpty() ? " FIRST" : " AFTER " + quoteIdentifier(after);
        return "ADD COLUMN " + ifNotExists(ifNotExists) + columnDefinition(c) + position;
    }

    /** Return the action {@code DROP COLUMN `c`}. */
    public String dropColumn(String column) {
        return dropColumn(column, false);
    }

    /** Return the action {@code DROP COLUMN [IF EXISTS] `c`}. */
    public String dropColumn(String column, boolean ifExists) {
        return "DROP COLUMN " + ifExists(ifExists) + quoteIdentifier(column);
    }

    /** Return the action {@code MODIFY COLUMN `c` ...} with the full new definition. */
    public String modifyColumn(ColumnSpec c) {
        return "MODIFY COLUMN " + columnDefinition(c);
    }

    /**
     * Return the action {@code MODIFY COLUMN `c` REMOVE property}, where property is one of
     * DEFAULT, MATERIALIZED, ALIAS, CODEC, COMMENT, TTL (a MODIFY with the full definition cannot remove them).
     */
    public String removeColumnProperty(String column, String property) {
        return "MODIFY COLUMN " + quoteIdentifier(column) + " REMOVE " + property;
    }

    /** Return the action {@code RENAME COLUMN `a` TO `b`}. */
    public String renameColumn(String from, String to) {
        return renameColumn(from, to, false);
    }

    /** Return the action {@code RENAME COLUMN [IF EXISTS] `a` TO `b`}. */
    public String renameColumn(String from, String to, boolean ifExists) {
        return "RENAME COLUMN " + ifExists(ifExists) + quoteIdentifier(from) + " TO " + quoteIdentifier(to);
    }

    /** Return the action {@code COMMENT COLUMN `c` 'text'}. */
    public String commentColumn(String column, String comment) {
        return "COMMENT COLUMN " + quoteIdentifier(column) + ' ' + quoteString(comment);
    }

    /** Return the action {@code ADD INDEX ...}. */
    public String addIndex(IndexSpec i) {
        return addIndex(i, false);
    }

    /** Return the action {@code ADD INDEX [IF NOT EXISTS] ...}. */
    public String addIndex(IndexSpec i, boolean ifNotExists) {
        return "ADD " + withIfNotExists(indexDefinition(i), ifNotExists);
    }

    /** Return the action {@code DROP INDEX `name`}. */
    public String dropIndex(String name) {
        return dropIndex(name, false);
    }

    /** Return the action {@code DROP INDEX [IF EXISTS] `name`}. */
    public String dropIndex(String name, boolean ifExists) {
        return "DROP INDEX " + ifExists(ifExists) + quoteIdentifier(name);
    }

    /** Return the action {@code MATERIALIZE INDEX `name`}: build the index for parts written before it. */
    public String materializeIndex(String name) {
        return "MATERIALIZE INDEX " + quoteIdentifier(name);
    }

    /** Return the action {@code ADD CONSTRAINT ...}. */
    public String addConstraint(ConstraintSpec c) {
        return addConstraint(c, false);
    }

    /** Return the action {@code ADD CONSTRAINT [IF NOT EXISTS] ...}. */
    public String addConstraint(ConstraintSpec c, boolean ifNotExists) {
        return "ADD " + withIfNotExists(constraintDefinition(c), ifNotExists);
    }

    /** Return the action {@code DROP CONSTRAINT `name`}. */
    public String dropConstraint(String name) {
        return dropConstraint(name, false);
    }

    /** Return the action {@code DROP CONSTRAINT [IF EXISTS] `name`}. */
    public String dropConstraint(String name, boolean ifExists) {
        return "DROP CONSTRAINT " + ifExists(ifExists) + quoteIdentifier(name);
    }

    /** Return the action {@code ADD PROJECTION ...}. */
    public String addProjection(ProjectionSpec p) {
        return addProjection(p, false);
    }

    /** Return the action {@code ADD PROJECTION [IF NOT EXISTS] ...}. */
    public String addProjection(ProjectionSpec p, boolean ifNotExists) {
        return "ADD " + withIfNotExists(projectionDefinition(p), ifNotExists);
    }

    /** Return the action {@code MATERIALIZE PROJECTION `name`}: build the projection for older parts. */
    public String materializeProjection(String name) {
        return "MATERIALIZE PROJECTION " + quoteIdentifier(name);
    }

    /** Return the action {@code DROP PROJECTION `name`}. */
    public String dropProjection(String name) {
        return dropProjection(name, false);
    }

    /** Return the action {@code DROP PROJECTION [IF EXISTS] `name`}. */
    public String dropProjection(String name, boolean ifExists) {
        return "DROP PROJECTION " + ifExists(ifExists) + quoteIdentifier(name);
    }

    /** Return {@code SYSTEM STOP MERGES db.table} or {@code SYSTEM START MERGES db.table}: on this server only. */
    public String merges(TableSpec t, boolean run) {
        return "SYSTEM " + (run ? "START" : "STOP") + " MERGES " + table(t);
    }

    /**
     * Return the copy of a table rebuild: {@code INSERT INTO target (cols) SELECT cols FROM source
     * [WHERE chunk]}, {@code chunk} one of {@link #partRange} or {@link #partsIn} (null: every row).
     */
    public String copyRows(TableSpec target, List<String> columns, TableSpec source, String chunk) {
        String list = columns.stream().map(SqlLiterals::quoteIdentifier).collect(Collectors.joining(", "));
        return "INSERT INTO " + table(target) + " (" + list + ") SELECT " + list + " FROM " + table(source)
                + (chunk == null ? "" : " WHERE " + chunk);
    }

    /** Return the condition of the rows {@code from} (inclusive) to {@code to} (exclusive) of the part {@code part}. */
    public String partRange(String part, long from, long to) {
        return "_part = " + quoteString(part) + " AND _part_offset >= " + from + " AND _part_offset < " + to;
    }

    /** Return the condition of the rows of the parts {@code parts}. */
    public String partsIn(List<String> parts) {
        return "_part IN (" + parts.stream().map(SqlLiterals::quoteString).collect(Collectors.joining(", ")) + ")";
    }

    /** Return {@code SELECT count() AS n FROM table}, to check a copy. */
    public String countRows(TableSpec t) {
        return "SELECT count() AS n FROM " + table(t);
    }

    /** Return the action {@code MODIFY SETTING a = 1, b = 2}. */
    public String modifySettings(Map<String, String> settings) {
        return "MODIFY SETTING " + settingList(settings);
    }

    /** Return the action {@code RESET SETTING a, b}. */
    public String resetSettings(List<String> names) {
        return "RESET SETTING " + String.join(", ", names);
    }

    /** Return the action {@code MODIFY ORDER BY ...}. */
    public String modifyOrderBy(List<String> orderBy) {
        return "MODIFY ORDER BY " + keyTuple(orderBy);
    }

    /** Return the action {@code MODIFY TTL rules}. */
    public String modifyTtl(List<String> rules) {
        return "MODIFY TTL " + String.join(", ", rules);
    }

    /** Return the action {@code REMOVE TTL}. */
    public String removeTtl() {
        return "REMOVE TTL";
    }

    /** Return the action {@code MODIFY COMMENT 'text'}. */
    public String modifyComment(String comment) {
        return "MODIFY COMMENT " + quoteString(comment);
    }

    private static String ifExists(boolean ifExists) {
        return ifExists ? "IF EXISTS " : "";
    }

    private static String ifNotExists(boolean ifNotExists) {
        return ifNotExists ? "IF NOT EXISTS " : "";
    }

    /** Return {@code KIND IF NOT EXISTS rest} for a definition {@code KIND rest} (INDEX, CONSTRAINT, PROJECTION). */
    private static String withIfNotExists(String definition, boolean ifNotExists) {
        int space = definition.indexOf(' ');
        return ifNotExists ? definition.substring(0, space + 1) + "IF NOT EXISTS " + definition.substring(space + 1) : definition;
    }

    private static String table(TableSpec t) {
        return SqlLiterals.qualifiedName(t.database(), t.name());
    }

    private static String keyTuple(List<String> expressions) {
        return switch (expressions.size()) {
            case 0 -> "tuple()";
            case 1 -> expressions.get(0);
            default -> "(" + String.join(", ", expressions) + ")";
        };
    }

    private static String settingList(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
