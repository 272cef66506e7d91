package dev.chorm.embedded.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The C API of libchdb.so, as JNA sees it. Strings are passed as byte arrays with explicit
 * lengths: the engine must see UTF-8 whatever the platform locale, and SQL may hold NUL bytes.
 */
public interface ChdbLibrary extends Library {

    /** {@code chdb_connection *chdb_connect(int argc, char **argv)}; NULL on failure. */
    Pointer chdb_connect(int argc, String[] argv);

    /** {@code void chdb_close_conn(chdb_connection *conn)}. */
    void chdb_close_conn(Pointer connection);

    /** {@code chdb_result *chdb_query_n(conn, query, query_len, format, format_len)}. */
    Pointer chdb_query_n(Pointer conn, byte[] query, long queryLength, byte[] format, long formatLength);

    /** {@code chdb_query_with_params_n}: server-side {@code {name:Type}} parameters. */
    Pointer chdb_query_with_params_n(Pointer conn, byte[] query, long queryLength, byte[] format,
            long formatLength, Pointer[] names, long[] nameLengths, Pointer[] values, long[] valueLengths,
            long count);

    /** {@code char *chdb_result_buffer(chdb_result *)}. */
    Pointer chdb_result_buffer(Pointer result);

    /** {@code size_t chdb_result_length(chdb_result *)}. */
    long chdb_result_length(Pointer result);

    /** {@code const char *chdb_result_error(chdb_result *)}: NULL on success. */
    Pointer chdb_result_error(Pointer result);

    /** {@code uint64_t chdb_result_rows_read(chdb_result *)}; garbage on error results. */
    long chdb_result_rows_read(Pointer result);

    /** {@code uint64_t chdb_result_bytes_read(chdb_result *)}; garbage on error results. */
    long chdb_result_bytes_read(Pointer result);

    /** {@code uint64_t chdb_result_rows_written(chdb_result *)}; garbage on error results. */
    long chdb_result_rows_written(Pointer result);

    /** {@code uint64_t chdb_result_bytes_written(chdb_result *)}; garbage on error results. */
    long chdb_result_bytes_written(Pointer result);

    /** {@code void chdb_destroy_query_result(chdb_result *)}: needed for every result. */
    void chdb_destroy_query_result(Pointer result);

    /** {@code void chdb_set_signal_handlers_enabled(int)}: 0 keeps the JVM's handlers. */
    void chdb_set_signal_handlers_enabled(int enabled);
}
