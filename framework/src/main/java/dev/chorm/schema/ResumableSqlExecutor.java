package dev.chorm.schema;

/**
 * An executor for a run that may repeat a statement which already ran: a resumed {@code migrate}
 * runs again the statement a killed run was in, because that run died before it could record it.
 * {@link SchemaEditor} asks before each statement and then issues its idempotent form
 * ({@code IF [NOT] EXISTS}), or, where ClickHouse has none, reads the live table and skips the
 * statement when it is done already.
 */
public interface ResumableSqlExecutor extends SqlExecutor {
    /** Return whether the next statement may have run already. */
    boolean nextMayHaveRun();

    /** Count the next statement as run without running it, because the live schema shows it is done. */
    void skipNext(String sql);
}
