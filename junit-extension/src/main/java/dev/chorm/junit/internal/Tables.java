package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.migrations.MigrationLock;
import dev.chorm.migrations.MigrationRecorder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * List the tables of a test database and say, by engine, which can be copied structure-only from
 * a template and which hold rows to flush. The migration history and lock tables are left out:
 * a copy holds the tables, not the history.
 */
final class Tables {
    /**
     * Engines whose definition points at other tables or databases (a view's query, a Distributed
     * table's local table, a dictionary's source): a copy made with CREATE TABLE ... AS would still
     * point into the template, so a database holding one is migrated directly instead.
     */
    private static final Set<String> NOT_COPYABLE = Set.of("View", "MaterializedView", "LiveView", "WindowView",
            "Dictionary", "Distributed", "Merge", "Buffer");
    /** Engines that hold no rows of their own or refuse TRUNCATE. */
    private static final Set<String> NO_ROWS = Set.of("View", "MaterializedView", "LiveView", "WindowView",
            "Dictionary", "Merge", "Buffer", "Null", "File", "URL");
    private static final Set<String> BOOKKEEPING = Set.of(MigrationRecorder.TABLE, MigrationLock.TABLE);

    /**
     * One table.
     *
     * @param name the table name
     * @param engine the engine name, as in {@code system.tables.engine}
     */
    record Table(String name, String engine) {
        /** Return whether CREATE TABLE ... AS gives an equivalent, independent table. */
        boolean copyable() {
            return !NOT_COPYABLE.contains(engine);
        }

        /** Return whether the table holds rows that a flush must remove. */
        boolean holdsRows() {
            return !NO_ROWS.contains(engine);
        }

        /** Return whether its rows live on several nodes, so that TRUNCATE must run ON CLUSTER. */
        boolean clusterWide() {
            return engine.startsWith("Replicated") || engine.equals("Distributed");
        }
    }

    private Tables() {
    }

    /** Return the tables of {@code database} except chorm's bookkeeping, by name. */
    static List<Table> of(Database admin, String database) {
        return read(admin, "SELECT name, engine FROM system.tables WHERE database = {db:String} AND NOT is_temporary"
                + " ORDER BY name", database);
    }

    /**
     * Return the tables of {@code database} that may hold rows: those with rows, and those whose
     * engine does not count them. Flushing only these keeps a flush cheap when a test wrote to few tables.
     */
    static List<Table> withRows(Database admin, String database) {
        return read(admin, "SELECT name, engine FROM system.tables WHERE database = {db:String} AND NOT is_temporary"
                + " AND (total_rows IS NULL OR total_rows > 0) ORDER BY name", database).stream()
                .filter(Table::holdsRows).toList();
    }

    private static List<Table> read(Database admin, String sql, String database) {
        return admin.raw(sql, "db", database).fetchMaps().stream()
                .map((Map<String, Object> row) -> new Table(row.get("name").toString(), row.get("engine").toString()))
                .filter(t -> !BOOKKEEPING.contains(t.name()))
                .toList();
    }
}
