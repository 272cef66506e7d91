package dev.chorm.embedded.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one HTTP session ({@code session_id}) has changed in the engine: settings set with
 * {@code SET}, the database chosen with {@code USE}, and its temporary tables. The engine has a
 * single global context, so the server re-applies a session's state whenever that session runs.
 */
final class Session {
    final String id;
    final Map<String, String> settings = new LinkedHashMap<>();
    /** Temporary tables that this session created, by name. */
    final List<String> temporaryTables = new ArrayList<>();
    /** Full CREATE statements of the session's temporary tables while another context runs. */
    final Map<String, String> parkedTables = new LinkedHashMap<>();
    String database;
    long timeoutNanos;
    volatile long lastUsedNanos = System.nanoTime();
    /** Requests of one session never run at once, as on a server (which answers code 373). */
    final java.util.concurrent.locks.ReentrantLock inUse = new java.util.concurrent.locks.ReentrantLock();

    Session(String id, long timeoutSeconds) {
        this.id = id;
        this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    }

    boolean expired(long now) {
        return now - lastUsedNanos > timeoutNanos && !inUse.isLocked();
    }
}
