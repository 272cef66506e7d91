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
 */
public final class Engine implements AutoCloseable {
    private static final byte[] DRAIN = "SELECT 1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_FORMAT = "Null".getBytes(StandardCharsets.UTF_8);

    private final ChdbLibrary lib;
    private final Pointer connection;
    private final Pointer conn;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile String busyWith = "";
    private volatile long busySince;
    private boolean closed;

    private Engine(ChdbLibrary lib, Pointer connection) {
        this.lib = lib;
        this.connection = connection;
        this.conn = connection.getPointer(0);
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
        return new Engine(lib, connection);
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

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
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
            byte[] fmt = format.getBytes(StandardCharsets.UTF_8);
            Pointer result;
            if (parameters.isEmpty()) {
                result = lib.chdb_query_n(conn, sql, sql.length, fmt, fmt.length);
            } else {
                result = queryWithParameters(sql, fmt, parameters);
            }
            return checked(result);
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

    private static Pointer copy(byte[] bytes) {
        Memory m = new Memory(Math.max(1, bytes.length));
        m.write(0, bytes, 0, bytes.length);
        return m;
    }
}
