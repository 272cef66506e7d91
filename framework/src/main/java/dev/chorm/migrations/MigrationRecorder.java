package dev.chorm.migrations;

import static dev.chorm.sql.SqlLiterals.onCluster;
import static dev.chorm.sql.SqlLiterals.qualifiedName;
import static dev.chorm.sql.SqlLiterals.quoteString;

import dev.chorm.schema.SqlExecutor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keep the migration history in ClickHouse: one row per change of a migration's status (progress
 * after each operation and statement, applied, unapplied) in a ReplacingMergeTree keyed by app and
 * name, read back with FINAL. With a migration cluster the table is a ReplicatedReplacingMergeTree
 * created ON CLUSTER, so every node sees one history.
 */
public final class MigrationRecorder {
    /** The history table's name. */
    public static final String TABLE = "chorm_migrations";
    private static final String COLUMNS = "app, name, applied, progress, step, backwards, operations, checksum,"
            + " prefix_checksum, applied_at, version";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final SqlExecutor sql;
    private final String database;
    private final String cluster;
    private final Map<MigrationKey, Long> versions = new TreeMap<>();
    /** Whether {@link #records} has read the whole table, so that a key missing from versions has no row. */
    private boolean versionsLoaded;

    /** Create a recorder whose table lives in {@code database} (empty: the current one), on {@code cluster} when not empty. */
    public MigrationRecorder(SqlExecutor sql, String database, String cluster) {
        this.sql = sql;
        this.database = database == null ? "" : database;
        this.cluster = cluster == null ? "" : cluster;
    }

    /** Return the CREATE statement of the history table. */
    public String createTableSql() {
        String engine = cluster.isEmpty() ? "ReplacingMergeTree(version)"
                : "ReplicatedReplacingMergeTree('/clickhouse/chorm/{database}/%s', '{replica}', version)".formatted(TABLE);
        return ("CREATE TABLE IF NOT EXISTS %s%s (app String, name String, applied Bool, progress UInt32, step UInt32,"
                + " backwards Bool, operations UInt32, checksum String, prefix_checksum String,"
                + " applied_at DateTime64(6, 'UTC'), version UInt64) ENGINE = %s ORDER BY (app, name)")
                .formatted(table(), onCluster(cluster), engine);
    }

    /** Create the history table if it does not exist. */
    public void ensureSchema() {
        sql.execute(createTableSql());
    }

    /** Return whether the history table exists. */
    public boolean hasSchema() {
        String db = database.isEmpty() ? "currentDatabase()" : quoteString(database);
        return !sql.query("SELECT 1 FROM system.tables WHERE database = %s AND name = %s".formatted(db, quoteString(TABLE)))
                .isEmpty();
    }

    /** Return the record of every migration that is applied or part-way done, by key. */
    public SortedMap<MigrationKey, MigrationRecord> records() {
        SortedMap<MigrationKey, MigrationRecord> out = new TreeMap<>();
        if (!hasSchema()) {
            return out;
        }
        for (Map<String, Object> row : sql.query("SELECT %s FROM %s FINAL ORDER BY app, name".formatted(COLUMNS, table()))) {
            MigrationRecord r = record(row);
            versions.put(r.key(), r.version());
            if (r.applied() || r.isPartial()) {
                out.put(r.key(), r);
            }
        }
        versionsLoaded = true;
        return out;
    }

    private static MigrationRecord record(Map<String, Object> row) {
        return new MigrationRecord(new MigrationKey(text(row, "app"), text(row, "name")),
                bool(row.get("applied")), integer(row, "progress"), integer(row, "step"), bool(row.get("backwards")),
                integer(row, "operations"), text(row, "checksum"), text(row, "prefix_checksum"),
                instant(row.get("applied_at")), Long.parseLong(text(row, "version")));
    }

    /** Record that {@code progress} operations of {@code migration} are done, plus {@code step} statements of the next one. */
    public void recordProgress(Migration migration, int progress, int step, boolean backwards) {
        int started = Math.min(migration.operations().size(), MigrationRecord.startedOperations(progress, step, backwards));
        write(migration, false, progress, step, backwards, migration.checksumOfFirst(started));
    }

    /** Record that {@code migration} is applied. */
    public void recordApplied(Migration migration) {
        write(migration, true, migration.operations().size(), 0, false, migration.checksum());
    }

    /** Record that {@code migration} is not applied (any more). */
    public void recordUnapplied(Migration migration) {
        write(migration, false, 0, 0, true, "");
    }

    private void write(Migration m, boolean applied, int progress, int step, boolean backwards, String prefix) {
        if (!versions.containsKey(m.key())) {
            versions.put(m.key(), versionsLoaded ? 0 : latestVersion(m.key()));
        }
        long version = versions.merge(m.key(), 1L, Long::sum);
        sql.execute("INSERT INTO %s (%s) VALUES (%s, %s, %s, %d, %d, %s, %d, %s, %s, %s, %d)".formatted(table(), COLUMNS,
                quoteString(m.app()), quoteString(m.name()), applied, progress, step, backwards, m.operations().size(),
                quoteString(m.checksum()), quoteString(prefix), quoteString(TIME.format(LocalDateTime.now(ZoneOffset.UTC))),
                version));
    }

    private long latestVersion(MigrationKey key) {
        Object max = sql.query("SELECT max(version) AS v FROM %s WHERE app = %s AND name = %s"
                .formatted(table(), quoteString(key.app()), quoteString(key.name()))).get(0).get("v");
        return max == null ? 0 : Long.parseLong(max.toString());
    }

    private String table() {
        return qualifiedName(database, TABLE);
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? "" : v.toString();
    }

    private static int integer(Map<String, Object> row, String column) {
        return Integer.parseInt(text(row, column));
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v != null && (v.toString().equals("1") || v.toString().equalsIgnoreCase("true"));
    }

    private static Instant instant(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return v == null ? null : LocalDateTime.parse(v.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
