package dev.chorm.query.write;

import dev.chorm.query.QueryException;
import dev.chorm.query.QuerySet;
import dev.chorm.query.internal.Query;
import dev.chorm.sql.QueryPart;
import java.util.Map;
import java.util.Objects;

/**
 * Connect a {@link QuerySet} to the write side: its database, model and {@code settings(...)} become
 * a {@link ModelWriter}, and its filters (WHERE and PREWHERE) the condition of a mutation.
 *
 * <pre>{@code
 * db.objects(Event.class).filter("port__in", List.of(1, 2, 3)).update(Map.of("protocol", "TCP"));
 * db.objects(Event.class).settings(Map.of("mutations_sync", 2)).filter("port", 0).delete();
 * }</pre>
 */
public final class QuerySetWrites {
    private QuerySetWrites() {
    }

    /** Return the writer for {@code qs}'s model and database, sending {@code qs}'s settings. */
    public static <T> ModelWriter<T> writer(QuerySet<T> qs) {
        @SuppressWarnings("unchecked")
        Class<T> model = (Class<T>) qs.meta().modelClass();
        return ModelWriter.of(qs.database(), model).withSettings(qs.querySettings());
    }

    /** Set {@code values} on the rows {@code qs} matches, as {@code mode} says. */
    public static void update(QuerySet<?> qs, Map<String, ?> values, MutationMode mode) {
        Objects.requireNonNull(values, "values == null");
        writer(qs).update(where(qs, "update"), values, Objects.requireNonNull(mode, "mode == null"));
    }

    /** Delete the rows {@code qs} matches, as {@code mode} says. */
    public static void delete(QuerySet<?> qs, MutationMode mode) {
        writer(qs).delete(where(qs, "delete"), Objects.requireNonNull(mode, "mode == null"));
    }

    /** Return the filter of {@code qs} as a mutation condition, refusing what a mutation cannot honour. */
    static QueryPart where(QuerySet<?> qs, String operation) {
        Query q = qs.query();
        String model = qs.meta().modelClass().getSimpleName();
        if (q.limit() != null || q.offset() > 0) {
            throw new QueryException("Cannot " + operation + " a sliced QuerySet of " + model + " (limit/offset):"
                    + " ClickHouse mutations change every matching row. Filter on the rows instead.");
        }
        if (q.isReshaped()) {
            throw new QueryException("Cannot " + operation + " a QuerySet of " + model + " that groups, annotates or"
                    + " takes distinct rows; start from db.objects(" + model + ".class).filter(...).");
        }
        String where = qs.compileWhere();
        return "1".equals(where) ? null : ctx -> ctx.sql(where);
    }
}
