package dev.chorm.schema;

import static dev.chorm.sql.SqlLiterals.quoteString;

import dev.chorm.model.TableSpec;
import java.util.List;

/**
 * Render chorm's reads of ClickHouse's system tables: the one place, beside {@link DdlRenderer}, where
 * the SQL that asks the server about its tables, parts and mutations is written. A table is named by
 * its database (empty: the connection's current one, {@code currentDatabase()}) and name, both as
 * escaped literals.
 *
 * <pre>{@code SystemQueries.activeParts(table)   // SELECT name, rows FROM system.parts WHERE database = ... AND active ORDER BY name}</pre>
 */
public final class SystemQueries {
    private SystemQueries() {
    }

    /** Return the row of {@code system.tables} that {@link Introspector} reads a table from. */
    static String table(String database, String name) {
        return "SELECT engine, engine_full, sorting_key, partition_key, primary_key, sampling_key, comment,"
                + " create_table_query, database, as_select, uuid, currentDatabase() AS current_database FROM system.tables WHERE " + where(database, "name", name);
    }

    /** Return the columns of a table, in their order. */
    static String columns(String database, String table) {
        return "SELECT name, type, default_kind, default_expression, comment, compression_codec FROM system.columns"
                + " WHERE " + where(database, "table", table) + " ORDER BY position";
    }

    /** Return the data-skipping indexes of a table. */
    static String indexes(String database, String table) {
        return "SELECT name, type_full, expr, granularity FROM system.data_skipping_indices WHERE "
                + where(database, "table", table);
    }

    /**
     * Return the result columns ({@code name}, {@code type}) of the SELECT {@code query}, without running it.
     * The bracket closes on a line of its own: a query ending in a {@code -- comment} would swallow it.
     */
    static String describeQuery(String query) {
        return "DESCRIBE (" + query + "\n)";
    }

    /** Return one row ({@code 1}) when the table exists, none when it does not. */
    public static String tableExists(String database, String name) {
        return "SELECT 1 FROM system.tables WHERE " + where(database, "name", name);
    }

    /** Return the seconds since the table was created or its metadata last changed, as {@code age}. */
    public static String tableAge(String database, String name) {
        return "SELECT dateDiff('second', metadata_modification_time, now()) AS age FROM system.tables WHERE "
                + where(database, "name", name);
    }

    /** Return the {@code name} and {@code rows} of every active part of {@code table}, by name. */
    public static String activeParts(TableSpec table) {
        return "SELECT name, rows FROM system.parts WHERE " + where(table.database(), "table", table.name())
                + " AND active ORDER BY name";
    }

    /**
     * Return the progress of {@code table}'s unfinished mutations in one row: how many there are
     * ({@code mutations}), the oldest failing one ({@code failed}, {@code failure}) with its database
     * ({@code db}), and the rows of the parts still to mutate ({@code rows_to_do}) and in the running
     * mutation merges ({@code rows_in_progress}).
     */
    public static String mutationProgress(TableSpec table) {
        String of = where(table.database(), "table", table.name());
        String unfinished = "FROM system.mutations WHERE " + of + " AND NOT is_done";
        String oldestFailing = "(create_time, mutation_id), latest_fail_reason != '') " + unfinished;
        return "WITH (SELECT groupUniqArrayArray(parts_to_do_names) " + unfinished + ") AS to_do"
                + " SELECT (SELECT count() " + unfinished + ") AS mutations,"
                + " (SELECT argMinIf(mutation_id, " + oldestFailing + ") AS failed,"
                + " " + database(table.database()) + " AS db,"
                + " (SELECT argMinIf(latest_fail_reason, " + oldestFailing + ") AS failure,"
                + " (SELECT sum(rows) FROM system.parts WHERE " + of + " AND active AND has(to_do, name)) AS rows_to_do,"
                + " (SELECT sum(rows_read) FROM system.merges WHERE " + of + " AND is_mutation) AS rows_in_progress";
    }

    /**
     * Return one row that holds each of {@code texts} formatted by the server's {@code formatQuerySingleLine},
     * the i-th in column {@link #formattedColumn}(i); a null text stands for the name of the current database.
     */
    static String formatSingleLine(List<String> texts) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            sql.append(i == 0 ? "" : ", ").append(text == null ? "currentDatabase()"
                    : "formatQuerySingleLine(" + quoteString(text) + ")").append(" AS ").append(formattedColumn(i));
        }
        return sql.toString();
    }

    /** Return the column of {@link #formatSingleLine}'s row that holds its {@code i}-th text. */
    static String formattedColumn(int i) {
        return "e" + i;
    }

    private static String where(String database, String nameColumn, String name) {
        return "database = " + database(database) + " AND " + nameColumn + " = " + quoteString(name);
    }

    private static String database(String database) {
        return database == null || database.isEmpty() ? "currentDatabase()" : quoteString(database);
    }
}
