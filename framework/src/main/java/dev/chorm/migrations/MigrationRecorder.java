package dev.chorm.migrations;

import dev.chorm.schema.DdlRenderer;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.SystemQueries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keep the migration history in ClickHouse: one row per change of a migration's status (progress
 * after each operation and statement, applied, unapplied) in a ReplacingMergeTree keyed by app and
 * name, read back with FINAL. With a migration cluster the table is a ReplicatedReplacingMergeTree
 * created ON CLUSTER, so every node sees one history. The table is the internal model
 * {@link MigrationRecord}, as Django's recorder keeps its history in a model.
 */
public final class MigrationRecorder {
    /** The history table's name. */
    public static final String TABLE = "chorm_migrations";

    private final SqlExecutor sql;
    private final String database;
    private final BookkeepingTable<MigrationRecord> history;
    private final Map<MigrationKey, Long> versions = new TreeMap<>();
    /** Whether {@link #records} has read the whole table, so that a key missing from versions has no row. */
    private boolean versionsLoaded;

    /** Create a recorder whose table lives in {@code database} (empty: the current one), on {@code cluster} when not empty. */
    public MigrationRecorder(SqlExecutor sql, String database, String cluster) {
        this.sql = sql;
        this.database = database == null ? "" : database;
        this.history = new BookkeepingTable<>(MigrationRecord.class, this.database, cluster == null ? "" : cluster);
    }

    /** Return the CREATE statement of the history table. */
    public String createTableSql() {
        return new DdlRenderer().createBookkeepingTable(history.spec(), true);
    }

    /** Create the history table if it does not exist. */
    public void ensureSchema() {
        sql.execute(createTableSql());
    }

    /** Return whether the history table exists. */
    public boolean hasSchema() {
        return !sql.query(SystemQueries.tableExists(database, TABLE)).isEmpty();
    }

    /** Return the record of every migration that is applied or part-way done, by key. */
    public SortedMap<MigrationKey, MigrationRecord> records() {
        SortedMap<MigrationKey, MigrationRecord> out = new TreeMap<>();
        if (!hasSchema()) {
            return out;
        }
        String all = history.objects().asFinal().orderBy("app", "name").toSql();
        for (MigrationRecord r : history.rows(sql.query(all))) {
            versions.put(r.key(), r.version());
            if (r.applied() || r.isPartial()) {
                out.put(r.key(), r);
            }
        }
        versionsLoaded = true;
        return out;
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
        sql.execute(history.insert(new MigrationRecord(m.app(), m.name(), applied, progress, step, backwards,
                m.operations().size(), m.checksum(), prefix, Instant.now().truncatedTo(ChronoUnit.MICROS), version)));
    }

    private long latestVersion(MigrationKey key) {
        // FINAL keeps the row of the highest version of the key; not ORDER BY version DESC LIMIT 1, which
        // the engine's top-k filter misreads here.
        String latest = history.objects().asFinal().filter("app", key.app()).filter("name", key.name()).toSql();
        List<MigrationRecord> rows = history.rows(sql.query(latest));
        return rows.isEmpty() ? 0 : rows.get(0).version();
    }
}
