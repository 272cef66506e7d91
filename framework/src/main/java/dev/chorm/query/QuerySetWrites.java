package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Q;
import dev.chorm.query.internal.Query;
import dev.chorm.query.write.ModelWriter;
import dev.chorm.query.write.MutationMode;
import dev.chorm.schema.QueryDatabase;
import java.util.ArrayList;
import java.util.List;
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
final class QuerySetWrites {
    private QuerySetWrites() {
    }

    /** Return the writer for {@code qs}'s model and database, sending {@code qs}'s settings. */
    static <T> ModelWriter<T> writer(QuerySet<T> qs) {
        @SuppressWarnings("unchecked")
        Class<T> model = (Class<T>) qs.meta().modelClass();
        return ModelWriter.of(qs.database(), model).withSettings(qs.querySettings());
    }

    /** Insert the rows of {@code source} into the table of {@code target}, which must be the model's whole table. */
    static long insertFrom(QuerySet<?> target, QuerySet<?> source) {
        Objects.requireNonNull(source, "source == null");
        Query q = target.query();
        if (q.isReshaped() || !q.where().isEmpty() || !q.prewhere().isEmpty() || q.limit() != null || q.offset() > 0) {
            String model = target.meta().modelClass().getSimpleName();
            throw new QueryException("Cannot insert from a QuerySet into a filtered, sliced or reshaped QuerySet of "
                    + model + ": the rows go into the whole table. Call db.objects(" + model + ".class).insertFrom(...).");
        }
        // The statement runs on the target's database (maybe another server), where the SELECT's tables
        // resolve: a source bound to another Database would silently read the target's tables of its names.
        QueryDatabase from = source.boundDatabase();
        if (from != null && from != target.database()) {
            String model = source.meta().modelClass().getSimpleName();
            throw new QueryException("Cannot insert into " + target.meta().modelClass().getSimpleName()
                    + " from a QuerySet of " + model + " bound to another Database: INSERT ... SELECT runs on the"
                    + " target's Database and would read its table " + source.meta().table().name()
                    + ", not the source's. Take the source from the target's Database: db.objects(" + model + ".class).");
        }
        // The target's settings go into the SELECT, which carries the statement's SETTINGS clause.
        Map<String, Object> settings = target.querySettings().asMap();
        QuerySet<?> select = settings.isEmpty() ? source : source.settings(settings);
        return ModelWriter.of(target.database(), target.meta().modelClass())
                .insertFrom(select.asSelect(), source.meta().modelClass().getSimpleName());
    }

    /** Set {@code values} on the rows {@code qs} matches, as {@code mode} says. */
    static void update(QuerySet<?> qs, Map<String, ?> values, MutationMode mode) {
        Objects.requireNonNull(values, "values == null");
        writer(qs).update(where(qs, "update"), values, Objects.requireNonNull(mode, "mode == null"));
    }

    /** Delete the rows {@code qs} matches, as {@code mode} says. */
    static void delete(QuerySet<?> qs, MutationMode mode) {
        writer(qs).delete(where(qs, "delete"), Objects.requireNonNull(mode, "mode == null"));
    }

    /**
     * Return the filters of {@code qs} (PREWHERE and WHERE) as one mutation condition, or null for
     * every row, refusing what a mutation cannot honour. It is rendered once, by the mutation itself,
     * which also refuses a condition that crosses a relation.
     */
    static Condition where(QuerySet<?> qs, String operation) {
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
        List<Condition> all = new ArrayList<>(q.prewhere());
        all.addAll(q.where());
        return all.isEmpty() ? null : Q.and(all.toArray(Condition[]::new));
    }
}
