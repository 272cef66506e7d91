package dev.chorm.query.write;

/**
 * Choose how {@code update()} and {@code delete()} change rows.
 *
 * <pre>{@code events.filter("port", 0).delete(MutationMode.ALTER)}</pre>
 */
public enum MutationMode {
    /**
     * Use the lightweight statement where the table supports it ({@code DELETE FROM}; {@code UPDATE ...
     * SET} on MergeTree tables with {@code enable_block_number_column} and
     * {@code enable_block_offset_column}), else the {@code ALTER TABLE} mutation. The first rejection
     * of a table is remembered, so the fallback costs one failed statement per table and database.
     */
    DEFAULT,
    /** Use {@code UPDATE t SET ...} or {@code DELETE FROM t}, and fail where the table does not support them. */
    LIGHTWEIGHT,
    /** Use the classic mutation, {@code ALTER TABLE t UPDATE ...} or {@code ALTER TABLE t DELETE}, which rewrites parts. */
    ALTER
}
