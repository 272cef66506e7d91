package dev.chorm.embedded.internal;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The output of one engine query, still in the engine's native memory. Read it, then close it:
 * the buffer is freed by {@code chdb_destroy_query_result}.
 */
public final class EngineResult implements AutoCloseable {
    private final ChdbLibrary lib;
    private Pointer handle;
    private final long length;
    private final QueryStats stats;

    EngineResult(ChdbLibrary lib, Pointer handle, QueryStats stats) {
        this.lib = lib;
        this.handle = handle;
        this.length = lib.chdb_result_length(handle);
        this.stats = stats;
    }

    private EngineResult() {
        this.lib = null;
        this.length = 0;
        this.stats = new QueryStats(0, 0, 0, 0);
    }

    /** Return the output of a statement the server answered itself: no rows, no counters. */
    static EngineResult empty() {
        return new EngineResult();
    }

    /** Return the output's size in bytes. */
    public long length() {
        return length;
    }

    /** Return the query's counters. */
    public QueryStats stats() {
        return stats;
    }

    /** Copy {@code count} bytes from {@code offset} of the output into {@code target}. */
    public void read(long offset, byte[] target, int targetOffset, int count) {
        lib.chdb_result_buffer(handle).read(offset, target, targetOffset, count);
    }

    /** Return the whole output (small results only). */
    public byte[] bytes() {
        byte[] out = new byte[Math.toIntExact(length)];
        if (length > 0) {
            read(0, out, 0, out.length);
        }
        return out;
    }

    /** Write the whole output to {@code out} in chunks, without holding it on the heap. */
    public void writeTo(OutputStream out) throws IOException {
        byte[] chunk = new byte[(int) Math.min(length, 1 << 20)];
        for (long pos = 0; pos < length; pos += chunk.length) {
            int n = (int) Math.min(chunk.length, length - pos);
            read(pos, chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    @Override
    public synchronized void close() {
        if (handle != null) {
            lib.chdb_destroy_query_result(handle);
            handle = null;
        }
    }

    /** The counters the engine reports for a successful query. */
    public record QueryStats(long rowsRead, long bytesRead, long rowsWritten, long bytesWritten) {
    }
}
