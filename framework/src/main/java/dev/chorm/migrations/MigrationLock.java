package dev.chorm.migrations;

import static dev.chorm.sql.SqlLiterals.qualifiedName;

import dev.chorm.ChormException;
import dev.chorm.MigrationException;
import dev.chorm.model.TableSpec;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.Func;
import dev.chorm.query.Max;
import dev.chorm.query.Min;
import dev.chorm.schema.DdlRenderer;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.SystemQueries;
import dev.chorm.sql.RenderContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keep two {@code migrate} runs on one database from interleaving, without transactions.
 *
 * <p><b>Design.</b> The lock is the existence of a table: {@code CREATE TABLE chorm_migrations_lock}
 * without {@code IF NOT EXISTS} succeeds for exactly one run (ClickHouse serializes DDL on one table
 * name; on a cluster the distributed DDL queue orders the two CREATEs). The winner writes a claim row
 * (its random token, host, pid) and a heartbeat row every few seconds; it drops the table when done.
 * A loser reads the claim and waits, polling, up to its wait limit, then fails with a message naming
 * the holder.
 *
 * <p><b>Failure modes.</b> A run that dies keeps the table. When the claim names this host and a
 * process id that no longer exists, a waiting run breaks the lock at once; otherwise once its last
 * heartbeat is older than the stale limit (measured with the server's clock). It breaks the lock by renaming the
 * table away (only one renamer can win), checks that it renamed the stale claim and drops it. Should
 * two runs break and re-take the lock in the same instant, the holder notices at its next check
 * ({@link #checkHeld}, called before every operation) that its claim is gone and stops with a
 * message, so operations never interleave silently. A process that is frozen (not dead) for longer
 * than the stale limit loses the lock the same way.
 */
public final class MigrationLock {
    /** The lock table's name. */
    public static final String TABLE = "chorm_migrations_lock";
    private static final int TABLE_ALREADY_EXISTS = 57;
    private static final Duration POLL = Duration.ofMillis(250);

    private final SqlExecutor sql;
    private final String database;
    private final String cluster;
    private final Duration staleAfter;
    private final String token = UUID.randomUUID().toString();
    private final DdlRenderer ddl = new DdlRenderer();
    private final BookkeepingTable<LockRow> lockTable;
    private ScheduledExecutorService heartbeat;

    /**
     * Create a lock on {@code database} (empty: the current one) whose claims go stale after
     * {@code staleAfter} without heartbeat; with a {@code cluster}, the lock table is replicated and
     * created, renamed and dropped ON CLUSTER, so that runs started on different nodes exclude each other.
     */
    public MigrationLock(SqlExecutor sql, String database, String cluster, Duration staleAfter) {
        this.sql = sql;
        this.database = database == null ? "" : database;
        this.cluster = cluster == null ? "" : cluster;
        this.staleAfter = staleAfter;
        this.lockTable = new BookkeepingTable<>(LockRow.class, this.database, this.cluster);
    }

    /** Return the statement that takes the lock: a CREATE TABLE without IF NOT EXISTS. */
    public String createTableSql() {
        return ddl.createBookkeepingTable(lockTable.spec(), false);
    }

    /** Return the statement that drops the lock table {@code name}: SYNC on a cluster, so its Keeper path is free at once. */
    private String dropSql(String name) {
        return ddl.dropTable(lockTable(name), true, !cluster.isEmpty());
    }

    /** Return the lock table {@code name} as a spec, for the renderer (it names the table, nothing more). */
    private TableSpec lockTable(String name) {
        return TableSpec.builder(name).database(database).cluster(cluster).build();
    }

    /** Take the lock, waiting up to {@code wait} for another run to release it; fails with the holder's name when it does not. */
    public void acquire(Duration wait, ProgressListener listener) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean announced = false;
        while (!tryCreate()) {
            Holder holder = holder(TABLE);
            if (holder == null && tableAgeSeconds() > staleAfter.toSeconds()) {
                holder = new Holder("", "unknown", "unknown", "unknown", tableAgeSeconds());
            }
            if (holder != null && (holder.secondsSinceHeartbeat() > staleAfter.toSeconds() || holder.diedOnThisHost())) {
                breakStale(holder);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new MigrationException(heldMessage(holder));
            }
            if (!announced) {
                listener.waiting("Waiting for the migration lock: " + describe(holder));
                announced = true;
            }
            sleep(POLL);
        }
        writeClaim();
        startHeartbeat();
    }

    private boolean tryCreate() {
        try {
            sql.execute(createTableSql());
            return true;
        } catch (ChormException e) {
            // Another run's table: ClickHouse says so with its error code, but a distributed DDL task may
            // report it under another code, so the table itself is asked for too.
            if (e.errorCode() == TABLE_ALREADY_EXISTS || !sql.query(SystemQueries.tableExists(database, TABLE)).isEmpty()) {
                return false;
            }
            throw e;
        }
    }

    /** Write the claim, its times from the server's clock, which measures staleness too. */
    private void writeClaim() {
        sql.execute(RenderContext.of(null).sql("INSERT INTO ").sql(table()).sql(" VALUES (").value(token).sql(", ")
                .value(hostName()).sql(", ").value(ProcessHandle.current().pid()).sql(", now64(6), now64(6))").toString());
    }

    private void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chorm-migration-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, staleAfter.toMillis() / 4);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            sql.execute(RenderContext.of(null).sql("INSERT INTO ").sql(table()).sql(" SELECT token, host, pid, claimed_at,"
                    + " now64(6) FROM ").sql(table()).sql(" WHERE token = ").value(token).sql(" LIMIT 1").toString());
        } catch (RuntimeException e) {
            // The next checkHeld reports a lost lock; a missed beat alone is harmless.
        }
    }

    /** Fail when this run no longer holds the lock (another run broke it as stale). */
    public void checkHeld() {
        Holder holder = holder(TABLE);
        if (holder == null || !holder.token().equals(token)) {
            throw new MigrationException("This run lost the migration lock (%s). Another run took it over, probably because this one stalled longer than %ds. Run migrate again once the other run is done."
                    .formatted(describe(holder), staleAfter.toSeconds()));
        }
    }

    /** Release the lock if this run holds it. */
    public void release() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        Holder holder = holder(TABLE);
        if (holder != null && holder.token().equals(token)) {
            sql.execute(dropSql(TABLE));
        }
    }

    private void breakStale(Holder stale) {
        String aside = TABLE + "_stale_" + token.replace("-", "");
        try {
            sql.execute(ddl.renameTable(lockTable(TABLE), aside));
        } catch (ChormException e) {
            return; // another run broke it first, or its owner released it
        }
        Holder renamed = holder(aside);
        if (renamed != null && !renamed.token().equals(stale.token())) {
            try {
                sql.execute(ddl.renameTable(lockTable(aside), TABLE));
                return;
            } catch (ChormException e) {
                // A new lock exists already; its owner's checkHeld stops it if it was the renamed one.
            }
        }
        sql.execute(dropSql(aside));
    }

    /** Return the first claim of the lock table {@code name}, with the seconds since its last heartbeat by the server's clock; null when there is none. */
    private Holder holder(String name) {
        Map<String, Expression> times = new LinkedHashMap<>();
        times.put("claimed", Func.of("toString", Min.of("claimed_at")));
        times.put("age", Func.dateDiff("second", Max.of("heartbeat_at"), Func.of("now64", Func.value(6))));
        try {
            List<Map<String, Object>> rows = sql.query(lockTable.objects(name).values("token", "host", "pid")
                    .annotate(times).orderBy("claimed").limit(1).toSql());
            if (rows.isEmpty()) {
                return null;
            }
            Map<String, Object> r = rows.get(0);
            return new Holder(r.get("token").toString(), r.get("host").toString(), r.get("pid").toString(),
                    r.get("claimed").toString(), Long.parseLong(r.get("age").toString()));
        } catch (ChormException e) {
            return null;
        }
    }

    /** Return how long ago the lock table was created (a claim may be missing if its owner died right after CREATE). */
    private long tableAgeSeconds() {
        List<Map<String, Object>> rows = sql.query(SystemQueries.tableAge(database, TABLE));
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get("age").toString());
    }

    private String heldMessage(Holder holder) {
        return ("Another migrate run holds the migration lock of %s: %s. Wait for it to finish and run migrate again;"
                + " if that run died, its lock goes stale %ds after its last heartbeat, or at once on the host it ran on"
                + " (or drop table %s).")
                .formatted(database.isEmpty() ? "the database" : "database " + database, describe(holder),
                        staleAfter.toSeconds(), table());
    }

    private static String describe(Holder h) {
        return h == null ? "a run that is just starting"
                : "host %s, pid %s, since %s UTC, last heartbeat %ds ago".formatted(h.host(), h.pid(), h.claimed(),
                h.secondsSinceHeartbeat());
    }

    private String table() {
        return qualifiedName(database, TABLE);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for the migration lock.", e);
        }
    }

    private record Holder(String token, String host, String pid, String claimed, long secondsSinceHeartbeat) {
        /**
         * Return whether the holder ran on this host and its process is gone: then its lock is left
         * over from a crash and need not go stale first. (A reused pid only makes the run wait for
         * the stale limit, as for a holder on another host.)
         */
        boolean diedOnThisHost() {
            if (!host.equals(hostName())) {
                return false;
            }
            try {
                return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
