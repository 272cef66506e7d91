package dev.chorm.query.write;

import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.query.GenericRecord;
import dev.chorm.QueryException;
import dev.chorm.schema.QueryDatabase;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run mutation statements through the database's client-v2 client, which sends the text verbatim
 * (no JDBC escape processing of {@code {}} or {@code ?} inside literals), and remember which tables
 * reject lightweight updates so that the default mode falls back to {@code ALTER TABLE} once.
 */
final class MutationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MutationRunner.class);
    /** NOT_IMPLEMENTED, SYNTAX_ERROR (servers before lightweight updates), SUPPORT_IS_DISABLED. */
    private static final Set<Integer> UNSUPPORTED = Set.of(48, 62, 344);
    private static final Map<QueryDatabase, Set<String>> NO_LIGHTWEIGHT = Collections.synchronizedMap(new WeakHashMap<>());

    private MutationRunner() {
    }

    /** Run {@code sql}; turn a server error into a {@link QueryException} with ClickHouse's code. */
    static void execute(QueryDatabase db, String sql) {
        LOG.debug("mutation: {}", sql);
        run(db, sql);
    }

    /** Run the INSERT {@code sql} and return the rows it wrote, as the server's summary counts them. */
    static long executeInsert(QueryDatabase db, String sql) {
        LOG.debug("insert: {}", sql);
        return run(db, sql);
    }

    private static long run(QueryDatabase db, String sql) {
        try (CommandResponse response = db.client().execute(sql).get()) {
            return response.getWrittenRows();
        } catch (ExecutionException e) {
            throw failure(sql, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("Interrupted while running: " + sql, -1, e);
        } catch (QueryException e) {
            throw e;
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Run the query {@code sql} and return its rows. */
    static List<GenericRecord> query(QueryDatabase db, String sql) {
        LOG.debug("query: {}", sql);
        try {
            return db.client().queryAll(sql);
        } catch (RuntimeException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Run the lightweight form of a mutation unless {@code table} is known to reject it; when the
     * server rejects it as unsupported, remember that and run the {@code ALTER TABLE} form instead.
     */
    static void executePreferLightweight(QueryDatabase db, String table, Supplier<String> lightweight,
                                         Supplier<String> alter) {
        Set<String> rejected = NO_LIGHTWEIGHT.computeIfAbsent(db, d -> ConcurrentHashMap.newKeySet());
        if (!rejected.contains(table)) {
            try {
                execute(db, lightweight.get());
                return;
            } catch (QueryException e) {
                if (!UNSUPPORTED.contains(e.errorCode())) {
                    throw e;
                }
                LOG.debug("{} rejects lightweight mutations ({}); using ALTER TABLE", table, e.errorCode());
                rejected.add(table);
            }
        }
        execute(db, alter.get());
    }

    private static QueryException failure(String sql, Throwable e) {
        int code = -1;
        // The server's own message, not a wrapper's ("Failed to get query response" says nothing).
        String reason = e.getMessage();
        for (Throwable t = e; t != null && code == -1; t = t.getCause()) {
            if (t instanceof ServerException se) {
                code = se.getCode();
                reason = se.getMessage();
            }
        }
        String text = sql.length() <= 2000 ? sql : sql.substring(0, 2000) + "...";
        return new QueryException("ClickHouse rejected: " + text + "\n" + reason, code, e);
    }
}
