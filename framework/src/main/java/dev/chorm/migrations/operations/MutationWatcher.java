package dev.chorm.migrations.operations;

import static dev.chorm.sql.SqlLiterals.quoteString;

import dev.chorm.MigrationException;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.SystemQueries;
import java.util.Map;

/**
 * Poll {@code system.mutations} until a table has no unfinished mutation, reporting rows mutated and
 * failing with ClickHouse's reason when a mutation fails.
 *
 * <p>The ALTER that starts the mutation returns at once ({@code alter_sync = 0, mutations_sync = 0}),
 * so these polls never wait behind it, also on the embedded engine, which runs one query at a time.
 * Rows mutated are the rows of the parts no longer to do plus the rows the running mutation merges
 * have read ({@code system.merges.rows_read}), so that a table of one big part shows progress too.
 * The failing mutation and its reason are chosen the same way (the oldest), so that the KILL MUTATION
 * hint names the mutation whose reason it prints.
 * Reports go through the context's throttle: at most about one line a second, never a repeated one.
 */
final class MutationWatcher {
    private static final long POLL_MILLIS = 250;

    private final SqlExecutor sql;
    private final OperationContext.ProgressSink progress;

    MutationWatcher(SqlExecutor sql, OperationContext.ProgressSink progress) {
        this.sql = sql;
        this.progress = progress;
    }

    void await(TableSpec table) {
        String query = SystemQueries.mutationProgress(table);
        long total = -1;
        while (true) {
            Map<String, Object> row = sql.query(query).get(0);
            if (number(row.get("mutations")) == 0) {
                if (total > 0) {
                    progress.report(total, total, "rows mutated");
                }
                return;
            }
            failIfFailing(table, text(row.get("db")), text(row.get("failed")), text(row.get("failure")));
            long toDo = number(row.get("rows_to_do"));
            total = Math.max(total, toDo);
            if (total > 0) { // else its parts are not listed yet
                long done = Math.min(total, Math.max(0, total - toDo + number(row.get("rows_in_progress"))));
                progress.report(done, total, "rows mutated");
            }
            sleep();
        }
    }

    private static void failIfFailing(TableSpec table, String db, String mutation, String failure) {
        if (!failure.isBlank()) {
            throw new MigrationException(("Mutation %s of table %s fails: %s%nFix the data or the migration, stop the"
                    + " mutation with KILL MUTATION WHERE database = %s AND table = %s AND mutation_id = %s,"
                    + " then run migrate again.").formatted(mutation, table.name(), failure, quoteString(db),
                    quoteString(table.name()), quoteString(mutation)));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for a mutation to finish.", e);
        }
    }
}
