package dev.chorm.query.internal;

import dev.chorm.QueryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.OrderTerm;
import dev.chorm.query.expr.Scope;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hold the state of a QuerySet as an immutable value: each {@code with...} method returns a changed
 * copy. {@link SqlCompiler} turns it into SQL; the write side reads {@link #where()},
 * {@link #settings()} and {@link #meta()} from it.
 */
public final class Query {
    /** Say what a row of the result is. */
    public enum Shape {
        /** Model objects (all fields, or those {@code only}/{@code defer} leave). */
        MODEL,
        /** The values of named fields and annotations. */
        VALUES,
        /** Only the annotations, over all rows (an {@code aggregate} call). */
        AGGREGATE
    }

    /**
     * Name one ARRAY JOIN.
     *
     * @param path the array field path
     * @param alias the name the element gets, or null to reuse the field name
     */
    public record ArrayJoin(String path, String alias) {
    }

    /**
     * Name one common table expression.
     *
     * @param name the name the query refers to
     * @param query the subquery
     */
    public record Cte(String name, QueryPart query) {
    }

    final ModelMeta meta;
    final List<Condition> where;
    final List<Condition> prewhere;
    final List<Condition> having;
    final Map<String, Expression> annotations;
    final Shape shape;
    final List<String> values;
    final List<String> only;
    final List<String> defer;
    final List<OrderTerm> orderBy;
    final List<Object> groupBy;
    final boolean distinct;
    final int limitByCount;
    final long limitByOffset;
    final List<Object> limitBy;
    final Long limit;
    final long offset;
    final boolean asFinal;
    final String sample;
    final List<ArrayJoin> arrayJoins;
    final Settings settings;
    final List<Cte> ctes;
    final List<String> selectRelated;

    private Query(Draft d) {
        this.meta = d.meta;
        this.where = d.where;
        this.prewhere = d.prewhere;
        this.having = d.having;
        this.annotations = d.annotations;
        this.shape = d.shape;
        this.values = d.values;
        this.only = d.only;
        this.defer = d.defer;
        this.orderBy = d.orderBy;
        this.groupBy = d.groupBy;
        this.distinct = d.distinct;
        this.limitByCount = d.limitByCount;
        this.limitByOffset = d.limitByOffset;
        this.limitBy = d.limitBy;
        this.limit = d.limit;
        this.offset = d.offset;
        this.asFinal = d.asFinal;
        this.sample = d.sample;
        this.arrayJoins = d.arrayJoins;
        this.settings = d.settings;
        this.ctes = d.ctes;
        this.selectRelated = d.selectRelated;
    }

    /** Return the query of all rows of {@code meta}'s model. */
    public static Query of(ModelMeta meta) {
        Draft d = new Draft();
        d.meta = meta;
        return new Query(d);
    }

    private Query copy(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Query(d);
    }

    /** The fields of a query being changed by a {@code with...} method, before it becomes a new {@link Query}. */
    private static final class Draft {
        ModelMeta meta;
        List<Condition> where = List.of();
        List<Condition> prewhere = List.of();
        List<Condition> having = List.of();
        Map<String, Expression> annotations = Map.of();
        Shape shape = Shape.MODEL;
        List<String> values = List.of();
        List<String> only = List.of();
        List<String> defer = List.of();
        List<OrderTerm> orderBy = List.of();
        List<Object> groupBy = List.of();
        boolean distinct;
        int limitByCount;
        long limitByOffset;
        List<Object> limitBy = List.of();
        Long limit;
        long offset;
        boolean asFinal;
        String sample;
        List<ArrayJoin> arrayJoins = List.of();
        Settings settings = Settings.empty();
        List<Cte> ctes = List.of();
        List<String> selectRelated = List.of();

        Draft() {
        }

        Draft(Query q) {
            meta = q.meta;
            where = q.where;
            prewhere = q.prewhere;
            having = q.having;
            annotations = q.annotations;
            shape = q.shape;
            values = q.values;
            only = q.only;
            defer = q.defer;
            orderBy = q.orderBy;
            groupBy = q.groupBy;
            distinct = q.distinct;
            limitByCount = q.limitByCount;
            limitByOffset = q.limitByOffset;
            limitBy = q.limitBy;
            limit = q.limit;
            offset = q.offset;
            asFinal = q.asFinal;
            sample = q.sample;
            arrayJoins = q.arrayJoins;
            settings = q.settings;
            ctes = q.ctes;
            selectRelated = q.selectRelated;
        }
    }

    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        List<E> out = new ArrayList<>(list);
        out.addAll(more);
        return List.copyOf(out);
    }

    /** Return the model. */
    public ModelMeta meta() {
        return meta;
    }

    /** Return the WHERE conditions, ANDed. */
    public List<Condition> where() {
        return where;
    }

    /** Return the PREWHERE conditions, ANDed. */
    public List<Condition> prewhere() {
        return prewhere;
    }

    /** Return the settings of the query. */
    public Settings settings() {
        return settings;
    }

    /** Return the annotations by name, in order. */
    public Map<String, Expression> annotations() {
        return annotations;
    }

    /** Return the shape of a result row. */
    public Shape shape() {
        return shape;
    }

    /** Return the ORDER BY terms. */
    public List<OrderTerm> orderBy() {
        return orderBy;
    }

    /** Return the row limit, or null for none. */
    public Long limit() {
        return limit;
    }

    /** Return the number of rows skipped. */
    public long offset() {
        return offset;
    }

    /** Return whether the query groups, takes distinct rows or limits by key (so counting needs a subquery). */
    public boolean isReshaped() {
        return distinct || limitByCount > 0 || !groupBy.isEmpty() || limit != null || offset > 0
                || !annotations.isEmpty() || shape == Shape.AGGREGATE;
    }

    /** Return this query with {@code condition} added to WHERE. */
    public Query withWhere(Condition condition) {
        return copy(q -> q.where = plus(where, List.of(condition)));
    }

    /** Return this query with {@code condition} added to PREWHERE. */
    public Query withPrewhere(Condition condition) {
        return copy(q -> q.prewhere = plus(prewhere, List.of(condition)));
    }

    /** Return this query with {@code condition} added to HAVING. */
    public Query withHaving(Condition condition) {
        return copy(q -> q.having = plus(having, List.of(condition)));
    }

    /**
     * Return this query with the annotation {@code name}. As in Django, it may not take the name of a
     * field, except after {@code values(...)} of other fields: then the field is not in the result
     * and the annotation takes its name ({@code values("name").annotate("age", Sum.of("age"))}).
     */
    public Query withAnnotation(String name, Expression expression) {
        boolean fieldName = Scope.field(meta, name).filter(f -> !freeAfterValues(f)).isPresent();
        if (fieldName || annotations.containsKey(name)) {
            throw new QueryException("The annotation '" + name + "' conflicts with a "
                    + (annotations.containsKey(name) ? "previous annotation" : "field on the model " + meta.modelClass()
                    .getSimpleName()) + "; choose another name.");
        }
        Map<String, Expression> a = new LinkedHashMap<>(annotations);
        a.put(name, expression);
        return copy(q -> q.annotations = Collections.unmodifiableMap(a));
    }

    /** Return whether the values selected leave out {@code f}, so that an annotation may take its name. */
    private boolean freeAfterValues(dev.chorm.model.ModelField f) {
        return shape == Shape.VALUES && !values.isEmpty() && !values.contains(f.javaName())
                && !values.contains(f.columnName());
    }

    /** Return this query selecting the values of {@code names} (all fields when empty). */
    public Query withValues(List<String> names) {
        return copy(q -> {
            q.shape = Shape.VALUES;
            q.values = List.copyOf(names);
        });
    }

    /** Return this query selecting only its annotations, over all rows. */
    public Query asAggregate() {
        return copy(q -> {
            q.shape = Shape.AGGREGATE;
            q.orderBy = List.of();
            q.limit = null;
            q.offset = 0;
        });
    }

    /** Return this query loading only {@code names} into model objects. */
    public Query withOnly(List<String> names) {
        return copy(q -> q.only = List.copyOf(names));
    }

    /** Return this query leaving {@code names} out of model objects. */
    public Query withDefer(List<String> names) {
        return copy(q -> q.defer = plus(defer, names));
    }

    /** Return this query ordered by {@code terms} (replacing any order). */
    public Query withOrderBy(List<OrderTerm> terms) {
        return copy(q -> q.orderBy = List.copyOf(terms));
    }

    /** Return this query grouped explicitly by {@code keys} (paths or expressions). */
    public Query withGroupBy(List<Object> keys) {
        return copy(q -> q.groupBy = List.copyOf(keys));
    }

    /** Return this query with or without DISTINCT. */
    public Query withDistinct(boolean on) {
        return copy(q -> q.distinct = on);
    }

    /** Return this query keeping {@code n} rows per value of {@code keys} after skipping {@code offset} (LIMIT n OFFSET m BY keys). */
    public Query withLimitBy(int n, long offset, List<Object> keys) {
        return copy(q -> {
            q.limitByCount = n;
            q.limitByOffset = offset;
            q.limitBy = List.copyOf(keys);
        });
    }

    /** Return this query with LIMIT {@code limit} (null: none) and OFFSET {@code offset}. */
    public Query withSlice(Long limit, long offset) {
        return copy(q -> {
            q.limit = limit;
            q.offset = offset;
        });
    }

    /** Return this query reading the table FINAL. */
    public Query withFinal() {
        return copy(q -> q.asFinal = true);
    }

    /** Return this query sampling {@code sampleClause} (ratio and optional offset, already rendered). */
    public Query withSample(String sampleClause) {
        return copy(q -> q.sample = sampleClause);
    }

    /** Return this query with an ARRAY JOIN of {@code path}. */
    public Query withArrayJoin(String path, String alias) {
        return copy(q -> q.arrayJoins = plus(arrayJoins, List.of(new ArrayJoin(path, alias))));
    }

    /** Return this query with {@code more} settings. */
    public Query withSettings(Map<String, ?> more) {
        return copy(q -> q.settings = settings.withAll(more));
    }

    /** Return this query without settings (they move to an enclosing query). */
    public Query withoutSettings() {
        return copy(q -> q.settings = Settings.empty());
    }

    /** Return this query with the common table expression {@code name}. */
    public Query withCte(String name, QueryPart sub) {
        return copy(q -> q.ctes = plus(ctes, List.of(new Cte(name, sub))));
    }

    /** Return this query loading the related objects of {@code relations}. */
    public Query withSelectRelated(List<String> relations) {
        return copy(q -> q.selectRelated = plus(selectRelated, relations));
    }
}
