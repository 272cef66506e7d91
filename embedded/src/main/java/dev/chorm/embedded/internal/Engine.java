package dev.chorm.embedded.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One chDB engine on one data directory. The engine runs one query at a time, so callers take a
 * {@link Lease} (bounded wait) and run their queries through it; a lease also lets a caller run
 * several queries (settings, the query, a drain) without another caller slipping in between.
 *
 * <p>A statement run as a {@link Call} can be cancelled from another thread ({@link #cancel}).
 * The library's own {@code chdb_stream_cancel_query} cannot do that: it takes the same client
 * lock as the fetch it should interrupt, so it waits for the fetch (measured: never returned in
 * 60 s). Every {@code chdb_connect} on the same path is a client of its own on the one engine,
 * though, and runs while another client's query runs; a second client kept for this sends
 * {@code KILL QUERY}, which stopped a running query within 20-500 ms (the next block boundary).
 */
public final class Engine implements AutoCloseable {
    private static final byte[] DRAIN = "SELECT 1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_FORMAT = "Null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TSV_FORMAT = "TSV".getBytes(StandardCharsets.UTF_8);
    /**
     * Run on the cancelling client. Only the main client runs statements, and {@link #cancel}
     * sends this only while the call it cancels runs there, so every query it finds is that
     * call's (a user may kill the queries of its own user without the KILL QUERY grant, which
     * the engine's configuration revokes from clients). KILL skips its own query.
     */
    private static final byte[] KILL = "KILL QUERY WHERE 1 ASYNC".getBytes(StandardCharsets.UTF_8);

    private final ChdbLibrary lib;
    private final Pointer connection;
    private final Pointer conn;
    /** A second client on the same engine that sends KILL QUERY; null if the library has none. */
    private final Pointer cancelConnection;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Guards the state of every {@link Call} and the cancelling client. */
    private final Object callGate = new Object();
    private boolean cancelClosed;
    private volatile String busyWith = "";
    private volatile long busySince;
    private boolean closed;

    private Engine(ChdbLibrary lib, Pointer connection, Pointer cancelConnection) {
        this.lib = lib;
        this.connection = connection;
        this.conn = connection.getPointer(0);
        this.cancelConnection = cancelConnection;
    }

    /**
     * Load {@code library} and open an engine on {@code dataDir}. The JVM must have been started
     * with libjsig preloaded: the engine's own signal handlers are switched off so that the JVM's
     * (chained through libjsig) stay in charge. {@code configFile} is the engine's configuration
     * ({@link EngineConfig}).
     */
    public static Engine open(Path library, Path dataDir, Path configFile) {
        ChdbLibrary lib = Native.load(library.toAbsolutePath().toString(), ChdbLibrary.class);
        lib.chdb_set_signal_handlers_enabled(0);
        String[] argv = {"clickhouse", "--path=" + dataDir.toAbsolutePath(), "--config-file=" + configFile.toAbsolutePath()};
        Pointer connection = lib.chdb_connect(argv.length, argv);
        if (connection == null || connection.getPointer(0) == null) {
            throw new EngineException(EngineException.UNKNOWN,
                    "The engine could not open " + dataDir + ": chdb_connect returned NULL"
                            + " (is another engine in this process open on a different directory?)");
        }
        return new Engine(lib, connection, openCancelClient(lib, argv));
    }

    /** Open the client that cancels statements, and warm it (its first query opens its session). */
    private static Pointer openCancelClient(ChdbLibrary lib, String[] argv) {
        Pointer second = lib.chdb_connect(argv.length, argv);
        if (second == null || second.getPointer(0) == null) {
            return null; // an older library: one client per engine, and no cancel
        }
        Pointer r = lib.chdb_query_n(second.getPointer(0), DRAIN, DRAIN.length, NULL_FORMAT, NULL_FORMAT.length);
        if (r != null) {
            lib.chdb_destroy_query_result(r);
        }
        return second;
    }

    /** Wait up to {@code timeout} for the engine and return a lease on it. */
    public Lease acquire(Duration timeout, String purpose) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                long busyMs = (System.nanoTime() - busySince) / 1_000_000;
                throw new EngineException(159, "Code: 159. DB::Exception: The embedded engine stayed busy"
                        + " for " + timeout.toSeconds() + " s; it has been running for " + busyMs
                        + " ms: " + abbreviate(busyWith) + ". (TIMEOUT_EXCEEDED)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(394, "Code: 394. DB::Exception: Interrupted while waiting for the engine. (QUERY_WAS_CANCELLED)");
        }
        if (closed) {
            lock.unlock();
            throw new EngineException(EngineException.UNKNOWN, "Code: 1002. DB::Exception: The embedded engine is closed.");
        }
        busyWith = purpose;
        busySince = System.nanoTime();
        return new Lease();
    }

    /** What {@link #cancel} did. */
    public enum Cancel {
        /** The call had not started; it never will (its query fails with code 394). */
        BEFORE_START,
        /** The call runs; the engine stops it at its next block (its query fails with code 394). */
        STOPPING,
        /** The call runs, but the engine has not registered its query yet: cancel again shortly. */
        NOT_YET,
        /** The call had ended. */
        ENDED,
        /** The call runs and cannot be stopped: the library has no second client, or it refused KILL QUERY. */
        UNSUPPORTED
    }

    /** Cancel {@code call} from any thread. */
    public Cancel cancel(Call call) {
        synchronized (callGate) {
            // Under the gate the call cannot end and the next one cannot start: KILL finds this one only.
            if (call.state == CallState.NEW) {
                call.state = CallState.CANCELLED;
            }
            if (call.state != CallState.RUNNING) {
                return call.state == CallState.ENDED ? Cancel.ENDED : Cancel.BEFORE_START;
            }
            if (cancelConnection == null || cancelClosed) {
                return Cancel.UNSUPPORTED;
            }
            Pointer result = lib.chdb_query_n(cancelConnection.getPointer(0), KILL, KILL.length, TSV_FORMAT, TSV_FORMAT.length);
            if (result == null) {
                return Cancel.NOT_YET;
            }
            try {
                if (lib.chdb_result_error(result) != null) {
                    return Cancel.UNSUPPORTED;
                }
                long length = lib.chdb_result_length(result);
                String out = length == 0 ? "" : new String(lib.chdb_result_buffer(result).getByteArray(0, (int) length),
                        StandardCharsets.UTF_8);
                // One row per query found: "waiting" for a running one, "finished" for one that ended.
                return out.startsWith("waiting\t") || out.contains("\nwaiting\t") ? Cancel.STOPPING : Cancel.NOT_YET;
            } finally {
                lib.chdb_destroy_query_result(result);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                synchronized (callGate) {
                    cancelClosed = true;
                    if (cancelConnection != null) {
                        lib.chdb_close_conn(cancelConnection);
                    }
                }
                lib.chdb_close_conn(connection);
            }
        } finally {
            lock.unlock();
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    /** Exclusive use of the engine until {@link #close()}. */
    public final class Lease implements AutoCloseable {
        private boolean released;

        private Lease() {
        }

        /** Run {@code sql} and return its output in {@code format}; the caller closes the result. */
        public EngineResult query(byte[] sql, String format, Map<String, byte[]> parameters) {
            return query(sql, format, parameters, null);
        }

        /**
         * Run {@code sql} as {@code call} (null: not cancellable), which {@link Engine#cancel} may
         * stop from another thread, and return its output in {@code format}; the caller closes it.
         */
        public EngineResult query(byte[] sql, String format, Map<String, byte[]> parameters, Call call) {
            byte[] fmt = format.getBytes(StandardCharsets.UTF_8);
            if (call != null) {
                begin(call);
            }
            Pointer result;
            try {
                if (parameters.isEmpty()) {
                    result = lib.chdb_query_n(conn, sql, sql.length, fmt, fmt.length);
                } else {
                    result = queryWithParameters(sql, fmt, parameters);
                }
            } finally {
                if (call != null) {
                    synchronized (callGate) {
                        call.state = CallState.ENDED;
                    }
                }
            }
            return checked(result);
        }

        private void begin(Call call) {
            synchronized (callGate) {
                if (call.state != CallState.NEW) {
                    throw new EngineException(394, "Code: 394. DB::Exception: Query was cancelled before it started."
                            + " (QUERY_WAS_CANCELLED)");
                }
                call.state = CallState.RUNNING;
            }
        }

        /** Run {@code sql} and return its output as text (for small internal queries). */
        public String queryText(String sql, String format) {
            try (EngineResult r = query(sql.getBytes(StandardCharsets.UTF_8), format, Map.of())) {
                return new String(r.bytes(), StandardCharsets.UTF_8);
            }
        }

        /** Run {@code sql} and discard its output. */
        public void execute(String sql) {
            query(sql.getBytes(StandardCharsets.UTF_8), "Null", Map.of()).close();
        }

        private Pointer queryWithParameters(byte[] sql, byte[] fmt, Map<String, byte[]> parameters) {
            int n = parameters.size();
            Pointer[] names = new Pointer[n];
            Pointer[] values = new Pointer[n];
            long[] nameLengths = new long[n];
            long[] valueLengths = new long[n];
            int i = 0;
            for (Map.Entry<String, byte[]> e : parameters.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                names[i] = copy(name);
                nameLengths[i] = name.length;
                values[i] = copy(e.getValue());
                valueLengths[i] = e.getValue().length;
                i++;
            }
            Pointer result = lib.chdb_query_with_params_n(conn, sql, sql.length, fmt, fmt.length,
                    names, nameLengths, values, valueLengths, n);
            Reference.reachabilityFence(names);
            Reference.reachabilityFence(values);
            return result;
        }

        private EngineResult checked(Pointer result) {
            if (result == null) {
                throw new EngineException(EngineException.UNKNOWN, "Code: 1002. DB::Exception: The engine returned no result.");
            }
            Pointer error = lib.chdb_result_error(result);
            if (error != null) {
                String message = error.getString(0, StandardCharsets.UTF_8.name());
                lib.chdb_destroy_query_result(result);
                drainAfterError();
                throw new EngineException(message.strip());
            }
            EngineResult.QueryStats stats = new EngineResult.QueryStats(
                    lib.chdb_result_rows_read(result), lib.chdb_result_bytes_read(result),
                    lib.chdb_result_rows_written(result), lib.chdb_result_bytes_written(result));
            return new EngineResult(lib, result, stats);
        }

        /** The engine keeps a failed query's partial output and prepends it to the next result. */
        private void drainAfterError() {
            Pointer drained = lib.chdb_query_n(conn, DRAIN, DRAIN.length, NULL_FORMAT, NULL_FORMAT.length);
            if (drained != null) {
                lib.chdb_destroy_query_result(drained);
            }
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                busyWith = "";
                lock.unlock();
            }
        }
    }

    /**
     * One statement that {@link #cancel} may stop from another thread: before it starts or while
     * it runs. Make one per statement and pass it to {@link Lease#query(byte[], String, Map, Call)}.
     */
    public static final class Call {
        private CallState state = CallState.NEW; // guarded by the engine's callGate
    }

    private enum CallState { NEW, RUNNING, ENDED, CANCELLED }

    private static Pointer copy(byte[] bytes) {
        Memory m = new Memory(Math.max(1, bytes.length));
        m.write(0, bytes, 0, bytes.length);
        return m;
    }
}
