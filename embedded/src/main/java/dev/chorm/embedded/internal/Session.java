package dev.chorm.embedded.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one HTTP session ({@code session_id}) has changed: settings set with {@code SET} (kept as
 * the SQL literals the client wrote, and replayed whenever the session runs), the database
 * chosen with {@code USE}, {@code readonly}, and its temporary tables. The engine has a single
 * global context, so the server applies a session's state whenever that session runs.
 */
final class Session {
    /** A temporary table moved out of the engine while another session runs. */
    record Parked(String createStatement, Path rows) {
    }

    final String id;
    /** Setting name to the SQL literal that {@code SET} gave it, in order. */
    final Map<String, String> settings = new LinkedHashMap<>();
    /** Temporary tables that this session created, by name. */
    final List<String> temporaryTables = new ArrayList<>();
    /** The session's temporary tables while another context runs: their DDL and rows (Native). */
    final Map<String, Parked> parkedTables = new LinkedHashMap<>();
    String database;
    /** The readonly level set with {@code SET readonly}: the server applies it, never the engine's global context. */
    int readonly;
    /** False after {@code SET allow_ddl = 0}: kept by the server, as readonly is. */
    boolean allowDdl = true;
    long timeoutNanos;
    volatile long lastUsedNanos = System.nanoTime();
    /** Requests of one session never run at once, as on a server (which answers code 373). */
    final ReentrantLock inUse = new ReentrantLock();

    Session(String id, long timeoutSeconds) {
        this.id = id;
        this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    }

    boolean expired(long now) {
        return now - lastUsedNanos > timeoutNanos && !inUse.isLocked();
    }
}
