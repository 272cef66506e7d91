package dev.chorm.migrations;

import static dev.chorm.schema.SqlLiterals.quoteString;

import dev.chorm.model.TableSpec;
import dev.chorm.schema.SqlExecutor;
import java.util.List;
import java.util.Map;

/** Poll {@code system.mutations} until a table has no unfinished mutation, reporting the parts left. */
final class MutationWatcher {
    private static final String PENDING = "SELECT count() AS mutations, sum(parts_to_do) AS parts,"
            + " any(latest_fail_reason) AS failure FROM system.mutations"
            + " WHERE database = %s AND table = %s AND NOT is_done";
    private static final String PARTS = "SELECT count() AS parts FROM system.parts WHERE database = %s AND table = %s AND active";
    private static final long POLL_MILLIS = 200;

    private final SqlExecutor sql;
    private final OperationContext.ProgressSink progress;

    MutationWatcher(SqlExecutor sql, OperationContext.ProgressSink progress) {
        this.sql = sql;
        this.progress = progress;
    }

    void await(TableSpec table) {
        String db = table.database().isEmpty() ? "currentDatabase()" : quoteString(table.database());
        String query = PENDING.formatted(db, quoteString(table.name()));
        long firstParts = -1;
        while (true) {
            List<Map<String, Object>> rows = sql.query(query);
            long mutations = number(rows.get(0).get("mutations"));
            long parts = number(rows.get(0).get("parts"));
            if (mutations == 0) {
                long total = firstParts > 0 ? firstParts : activeParts(db, table);
                progress.report(total, total, "parts mutated");
                return;
            }
            failIfStuck(table, rows.get(0).get("failure"));
            firstParts = Math.max(firstParts, parts);
            progress.report(firstParts - parts, firstParts, "parts mutated");
            sleep();
        }
    }

    private long activeParts(String db, TableSpec table) {
        return number(sql.query(PARTS.formatted(db, quoteString(table.name()))).get(0).get("parts"));
    }

    private static void failIfStuck(TableSpec table, Object failure) {
        if (failure != null && !failure.toString().isBlank()) {
            throw new MigrationException("A mutation of table %s fails: %s. Fix the cause, run KILL MUTATION for it, then run migrate again."
                    .formatted(table.name(), failure));
        }
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
