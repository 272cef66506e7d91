package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.SelectQuery;
import dev.chorm.model.SelectText;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.OrderTerm;
import dev.chorm.query.expr.Q;
import dev.chorm.query.expr.Scope;
import dev.chorm.query.internal.Query;
import dev.chorm.query.internal.QueryRunner;
import dev.chorm.query.internal.RowShape;
import dev.chorm.query.internal.RowShapes;
import dev.chorm.query.internal.SqlCompiler;
import dev.chorm.query.write.MutationMode;
import dev.chorm.schema.QueryDatabase;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.Settings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Query the rows of a model, Django-style: an immutable, lazy description of a SELECT that every
 * method copies and refines, and that runs only when rows are asked for.
 *
 * <pre>{@code
 * QuerySet<Event> events = db.objects(Event.class);
 * List<Map<String, Object>> top = events.filter("timestamp__date", LocalDate.now())
 *         .prewhere("action", Event.Action.DROP)
 *         .values("protocol").annotate("n", Count.all()).orderBy("-n").limit(10).fetch();
 * try (Stream<Event> s = events.orderBy("timestamp").stream()) { ... }   // streamed, bounded memory
 * }</pre>
 * Lookup paths name fields by their Java name or their column name ({@code ipNullable} or
 * {@code ip_nullable}), then transforms and a lookup: {@code timestamp__date__gte}, {@code tags__len},
 * {@code customer__country}. Unknown names fail with a {@link QueryException} listing the choices.
 *
 * @param <T> the type of a result row: the model, or a Map, List or value after {@link #values},
 *            {@link #valuesList} or {@link #into}
 */
public final class QuerySet<T> implements QueryPart, SelectQuery {
    private final QueryDatabase db;
    private final Query query;
    private final RowShape<T> shape;

    private QuerySet(QueryDatabase db, Query query, RowShape<T> shape) {
        this.db = db;
        this.query = query;
        this.shape = shape;
    }

    /** Return the QuerySet of all rows of {@code model} in {@code db}; {@code Database.objects} calls this. */
    public static <T> QuerySet<T> of(QueryDatabase db, Class<T> model) {
        return new QuerySet<>(Objects.requireNonNull(db, "db == null"), Query.of(ModelMeta.of(model)),
                RowShapes.model());
    }

    /** Return a QuerySet of {@code model} bound to no database: it renders SQL (and subqueries) but cannot run. */
    public static <T> QuerySet<T> of(Class<T> model) {
        return new QuerySet<>(null, Query.of(ModelMeta.of(model)), RowShapes.model());
    }

    /**
     * Return a QuerySet of the model {@code meta} describes, bound to no database: it renders SQL but
     * cannot run (the migration recorder renders its reads of the history table so, see {@link ModelMeta#inTable}).
     */
    public static <T> QuerySet<T> of(ModelMeta meta) {
        return new QuerySet<>(null, Query.of(meta), RowShapes.model());
    }

    private QuerySet<T> with(Query q) {
        return new QuerySet<>(db, q, shape);
    }

    private <R> QuerySet<R> shaped(Query q, RowShape<R> s) {
        return new QuerySet<>(db, q, s);
    }

    // ---- filtering ----

    /** Return the rows matching the lookup {@code lookup=value}, such as {@code filter("port__gte", 1024)}. */
    public QuerySet<T> filter(String lookup, Object value) {
        return with(query.withWhere(Q.of(lookup, value)));
    }

    /** Return the rows matching every condition. */
    public QuerySet<T> filter(Condition... conditions) {
        return with(query.withWhere(Q.and(conditions)));
    }

    /** Return the rows not matching {@code lookup=value}. */
    public QuerySet<T> exclude(String lookup, Object value) {
        return with(query.withWhere(Q.of(lookup, value).not()));
    }

    /** Return the rows not matching all of the conditions together. */
    public QuerySet<T> exclude(Condition... conditions) {
        return with(query.withWhere(Q.and(conditions).not()));
    }

    /** Return the rows matching {@code lookup=value}, tested in PREWHERE (before reading other columns). */
    public QuerySet<T> prewhere(String lookup, Object value) {
        return with(query.withPrewhere(Q.of(lookup, value)));
    }

    /** Return the rows matching every condition, tested in PREWHERE. */
    public QuerySet<T> prewhere(Condition... conditions) {
        return with(query.withPrewhere(Q.and(conditions)));
    }

    /** Return the groups matching {@code lookup=value}, where the path may name an annotation (HAVING). */
    public QuerySet<T> having(String lookup, Object value) {
        return with(query.withHaving(Q.of(lookup, value)));
    }

    /** Return the groups matching every condition (HAVING). */
    public QuerySet<T> having(Condition... conditions) {
        return with(query.withHaving(Q.and(conditions)));
    }

    // ---- shaping ----

    /** Return the rows with {@code expression} computed as {@code name}; an aggregate groups the rows. */
    public QuerySet<T> annotate(String name, Expression expression) {
        return with(query.withAnnotation(name, expression));
    }

    /** Return the rows with each expression of {@code annotations} computed under its name, in map order. */
    public QuerySet<T> annotate(Map<String, ? extends Expression> annotations) {
        Query q = query;
        for (Map.Entry<String, ? extends Expression> e : annotations.entrySet()) {
            q = q.withAnnotation(e.getKey(), e.getValue());
        }
        return with(q);
    }

    /** Return rows as maps of the values of {@code paths} (all fields when none), plus annotations. */
    public QuerySet<Map<String, Object>> values(String... paths) {
        return shaped(query.withValues(List.of(paths)), RowShapes.map());
    }

    /** Return rows as lists of the values of {@code paths}, plus annotations. */
    public QuerySet<List<Object>> valuesList(String... paths) {
        return shaped(query.withValues(List.of(paths)), RowShapes.list());
    }

    /** Return the values of the single path {@code path}, as {@code type}: Django's {@code values_list(flat=True)}. */
    public <V> QuerySet<V> valuesList(String path, Class<V> type) {
        return shaped(query.withValues(List.of(path)), RowShapes.single(type));
    }

    /** Return rows as {@code type}: a record (by component name) or a class (by field name) matching the values keys. */
    public <R> QuerySet<R> into(Class<R> type) {
        Query q = query.shape() == Query.Shape.MODEL ? query.withValues(List.of()) : query;
        return shaped(q, RowShapes.into(type));
    }

    /** Return model objects with only {@code fields} loaded; the others keep their defaults. */
    public QuerySet<T> only(String... fields) {
        checkFields(fields);
        return with(query.withOnly(List.of(fields)));
    }

    /** Return model objects without {@code fields} loaded. */
    public QuerySet<T> defer(String... fields) {
        checkFields(fields);
        return with(query.withDefer(List.of(fields)));
    }

    private void checkFields(String... fields) {
        for (String f : fields) {
            Scope.requireField(query.meta(), f);
        }
    }

    /** Return the rows ordered by {@code terms}: {@code "-field"}, paths, {@link OrderTerm}s or expressions. */
    public QuerySet<T> orderBy(Object... terms) {
        List<OrderTerm> out = new ArrayList<>();
        for (Object t : terms) {
            out.add(t instanceof OrderTerm o ? o : t instanceof String s ? OrderTerm.parse(s)
                    : OrderTerm.asc(Objects.requireNonNull(t, "term == null")));
        }
        return with(query.withOrderBy(out));
    }

    /** Return the rows in the opposite order; needs an ordering. */
    public QuerySet<T> reverse() {
        return with(query.withOrderBy(ordering().stream().map(OrderTerm::reversed).toList()));
    }

    /** Return the distinct rows (SELECT DISTINCT). */
    public QuerySet<T> distinct() {
        return with(query.withDistinct(true));
    }

    /** Return the first row for each value of {@code fields} (LIMIT 1 BY), in the query's order. */
    public QuerySet<T> distinctOn(String... fields) {
        return limitBy(1, (Object[]) fields);
    }

    /** Return at most {@code n} rows for each value of {@code keys} (LIMIT n BY keys). */
    public QuerySet<T> limitBy(int n, Object... keys) {
        if (n <= 0 || keys.length == 0) {
            throw new QueryException("limitBy needs n > 0 and at least one key, got " + n + " and " + keys.length + ".");
        }
        return with(query.withLimitBy(n, 0, List.of(keys)));
    }

    /**
     * Return at most {@code n} rows for each value of {@code keys}, after skipping the first
     * {@code offset} rows of each ({@code LIMIT n OFFSET m BY keys}), as infi's {@code limit_by((offset, n), ...)}.
     *
     * <pre>{@code people.orderBy("-height").limitBy(1, 1, List.of("lastName"))   // the second tallest per name}</pre>
     */
    public QuerySet<T> limitBy(int n, long offset, List<?> keys) {
        if (n <= 0 || offset < 0 || keys.isEmpty()) {
            throw new QueryException("limitBy needs n > 0, offset >= 0 and at least one key, got " + n + ", " + offset
                    + " and " + keys.size() + ".");
        }
        return with(query.withLimitBy(n, offset, List.<Object>copyOf(keys)));
    }

    /** Return at most {@code n} rows. */
    public QuerySet<T> limit(long n) {
        checkNonNegative(n);
        return with(query.withSlice(n, query.offset()));
    }

    /** Return the rows after the first {@code n}. */
    public QuerySet<T> offset(long n) {
        checkNonNegative(n);
        return with(query.withSlice(query.limit(), n));
    }

    /** Return rows {@code from} (inclusive) to {@code to} (exclusive), like Python's {@code qs[from:to]}. */
    public QuerySet<T> slice(long from, long to) {
        checkNonNegative(from);
        if (to < from) {
            throw new QueryException("slice(" + from + ", " + to + "): the end is before the start.");
        }
        return with(query.withSlice(to - from, from));
    }

    private static void checkNonNegative(long n) {
        if (n < 0) {
            throw new QueryException("Negative indexing is not supported: " + n + ".");
        }
    }

    // ---- ClickHouse features ----

    /** Return the rows read with FINAL: merged as the engine (Replacing, Collapsing, ...) would merge them. */
    public QuerySet<T> asFinal() {
        return with(query.withFinal());
    }

    /** Return a sample of about {@code ratio} (0 < ratio <= 1) of the rows; the table needs SAMPLE BY. */
    public QuerySet<T> sample(double ratio) {
        return with(query.withSample(ratioText(ratio)));
    }

    /** Return the sample of about {@code ratio} of the rows starting at {@code offset} of the sampling key range. */
    public QuerySet<T> sample(double ratio, double offset) {
        return with(query.withSample(ratioText(ratio) + " " + Keyword.OFFSET.text() + " " + ratioText(offset)));
    }

    private static String ratioText(double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new QueryException("A sample ratio or offset must be within 0..1, got " + r + ".");
        }
        return BigDecimal.valueOf(r).toPlainString();
    }

    /**
     * Return a new QuerySet of the same rows: it marks, as Django-style chains read, that the totals will
     * be asked for. The totals come from {@link #fetchWithTotals()}, which works with or without this
     * call and computes them with a second query, not with ClickHouse's {@code WITH TOTALS}. Like every
     * other step it returns a new QuerySet, never this one.
     */
    public QuerySet<T> withTotals() {
        return with(query);
    }

    /** Return one row per element of the array {@code field}, the field then standing for its element (ARRAY JOIN). */
    public QuerySet<T> arrayJoin(String field) {
        return with(query.withArrayJoin(field, null));
    }

    /** Return one row per element of the array {@code field}, the element named {@code alias}. */
    public QuerySet<T> arrayJoin(String field, String alias) {
        return with(query.withArrayJoin(field, alias));
    }

    /** Return this query with ClickHouse {@code settings} (its SETTINGS clause). */
    public QuerySet<T> settings(Map<String, ?> settings) {
        return with(query.withSettings(settings));
    }

    /** Return this query with the common table expression {@code WITH name AS (sub)}; refer to it with {@link Func#identifier}. */
    public QuerySet<T> withCte(String name, QuerySet<?> sub) {
        return with(query.withCte(name, sub));
    }

    /** Return the rows grouped explicitly by {@code keys} (paths or expressions) instead of by the selected values. */
    public QuerySet<T> groupBy(Object... keys) {
        return with(query.withGroupBy(List.of(keys)));
    }

    /** Return model objects with the related objects of {@code relations} loaded by a LEFT OUTER JOIN. */
    public QuerySet<T> selectRelated(String... relations) {
        return with(query.withSelectRelated(List.of(relations)));
    }

    // ---- running ----

    /** Return all rows. */
    public List<T> fetch() {
        SqlCompiler.Compiled c = SqlCompiler.compile(query);
        return runner().list(c.sql(), query, c, shape);
    }

    /** Return the rows as a lazy stream read from the server as it is consumed; close it (try-with-resources). */
    public Stream<T> stream() {
        SqlCompiler.Compiled c = SqlCompiler.compile(query);
        return runner().stream(c.sql(), query, c, shape);
    }

    /** Return an iterator over the rows that reads them lazily; it closes itself after the last row. */
    public RowIterator<T> iterator() {
        return new RowIterator<>(stream());
    }

    /** Return the first row in the query's order (or the table's sorting key), if any. */
    public Optional<T> first() {
        QuerySet<T> ordered = query.orderBy().isEmpty() ? with(query.withOrderBy(defaultOrdering())) : this;
        return ordered.limit(1).fetch().stream().findFirst();
    }

    /** Return the last row in the query's order (or the table's sorting key), if any. */
    public Optional<T> last() {
        return with(query.withOrderBy(ordering())).reverse().limit(1).fetch().stream().findFirst();
    }

    private List<OrderTerm> ordering() {
        List<OrderTerm> o = query.orderBy().isEmpty() ? defaultOrdering() : query.orderBy();
        if (o.isEmpty()) {
            throw new QueryException("This query has no ordering and " + query.meta().modelClass().getSimpleName()
                    + " has no sorting key; call orderBy(...) first.");
        }
        return o;
    }

    private List<OrderTerm> defaultOrdering() {
        return query.meta().table().orderBy().stream().map(e -> OrderTerm.asc(new SortKey(e))).toList();
    }

    /** Return the only row; throw {@link DoesNotExist} when there is none, {@link MultipleObjectsReturned} when more. */
    public T get() {
        List<T> rows = limit(21).fetch();
        if (rows.isEmpty()) {
            throw new DoesNotExist(query.meta().modelClass());
        }
        if (rows.size() > 1) {
            throw new MultipleObjectsReturned(query.meta().modelClass(), rows.size());
        }
        return rows.get(0);
    }

    /** Return the only row matching {@code lookup=value}. */
    public T get(String lookup, Object value) {
        return filter(lookup, value).get();
    }

    /** Return whether any row matches. */
    public boolean exists() {
        SqlCompiler.Compiled c = SqlCompiler.compile(query, SqlCompiler.Mode.EXISTS);
        return !runner().list(c.sql(), query, c, RowShapes.list()).isEmpty();
    }

    /** Return the number of rows. */
    public long count() {
        SqlCompiler.Compiled c = SqlCompiler.compile(query, SqlCompiler.Mode.COUNT);
        List<List<Object>> rows = runner().list(c.sql(), query, c, (q, x, md) -> rs -> List.of(rs.getLong(1)));
        return (Long) rows.get(0).get(0);
    }

    /** Return the aggregates of {@code aggregates} over all matching rows, by name (NULL over no rows). */
    public Map<String, Object> aggregate(Map<String, ? extends Expression> aggregates) {
        Query q = query.asAggregate();
        for (Map.Entry<String, ? extends Expression> e : aggregates.entrySet()) {
            q = q.withAnnotation(e.getKey(), e.getValue());
        }
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        return runner().list(c.sql(), q, c, RowShapes.map()).get(0);
    }

    /** Return the aggregate {@code expression} over all matching rows, under {@code name}. */
    public Map<String, Object> aggregate(String name, Expression expression) {
        return aggregate(Map.of(name, expression));
    }

    /** Return the rows and, separately, the totals row: the aggregates over all matching rows (see {@link #withTotals()}). */
    public WithTotals<T> fetchWithTotals() {
        SqlCompiler.Compiled t = SqlCompiler.compile(query, SqlCompiler.Mode.TOTALS);
        List<T> totals = runner().list(t.sql(), query, t, shape);
        return new WithTotals<>(fetch(), totals.isEmpty() ? null : totals.get(0));
    }

    /** Return a paginator over the rows, {@code pageSize} per page; order the query first for stable pages. */
    public Paginator<T> paginate(int pageSize) {
        return new Paginator<>(this, pageSize);
    }

    /** Return page {@code number} (1-based; -1 for the last page) of {@code pageSize} rows, as infi's {@code paginate}. */
    public Page<T> paginate(int number, int pageSize) {
        return paginate(pageSize).page(number);
    }

    /** Return ClickHouse's {@code EXPLAIN} of this query (the plan). */
    public String explain() {
        return explain("PLAN");
    }

    /** Return ClickHouse's {@code EXPLAIN kind} of this query: PLAN, PIPELINE, SYNTAX, AST, ESTIMATE or QUERY TREE. */
    public String explain(String kind) {
        String k = kind.toUpperCase(Locale.ROOT);
        if (!List.of("PLAN", "PIPELINE", "SYNTAX", "AST", "ESTIMATE", "QUERY TREE").contains(k)) {
            throw new QueryException("Unknown EXPLAIN kind '" + kind + "'. Choices: PLAN, PIPELINE, SYNTAX, AST, "
                    + "ESTIMATE, QUERY TREE.");
        }
        String sql = Keyword.EXPLAIN.text() + " " + k + " " + toSql();
        List<String> rows = runner().list(sql, query, null, (q, c, md) -> rs -> rs.getString(1));
        return String.join("\n", rows);
    }

    // ---- writing: thin delegations into dev.chorm.query.write ----

    /** Insert {@code obj} (drawing its Snowflake id, if it has one) and return it. */
    public T create(T obj) {
        return QuerySetWrites.writer(this).create(obj);
    }

    /** Stream {@code rows} into the table as RowBinary, one INSERT per million rows; return the row count. */
    public long bulkCreate(Iterable<? extends T> rows) {
        return QuerySetWrites.writer(this).bulkCreate(rows);
    }

    /** Stream {@code rows} into the table as RowBinary, one INSERT per {@code batchSize} rows; return the row count. */
    public long bulkCreate(Iterable<? extends T> rows, int batchSize) {
        return QuerySetWrites.writer(this).bulkCreate(rows, batchSize);
    }

    /** Stream the rows of {@code rows} (consumed lazily, not closed), one INSERT per {@code batchSize} rows. */
    public long bulkCreate(Stream<? extends T> rows, int batchSize) {
        return QuerySetWrites.writer(this).bulkCreate(rows, batchSize);
    }

    /**
     * Insert the rows of {@code source} into this model's table with one {@code INSERT INTO table
     * (columns) SELECT ...} run by the server, and return the number of rows written. Each column
     * {@code source} selects fills the column of the same name (column or Java field name), so name
     * values after the target's columns:
     * <pre>{@code
     * db.objects(Rollup.class).insertFrom(db.objects(Event.class)
     *         .annotate("minute", Func.toStartOfMinute("ts")).values("minute")
     *         .annotate("visitors", Aggregate.uniq("user").state()));
     * }</pre>
     * Columns left out get their DEFAULT; a {@code Model}'s id left out gets {@code generateSnowflakeID()}.
     *
     * @throws QueryException before any SQL, naming the columns and the fix, when a selected name is
     *                        no insertable column of this model, when this QuerySet is filtered or reshaped,
     *                        or when {@code source} is bound to another Database (the statement runs on this one)
     */
    public long insertFrom(QuerySet<?> source) {
        return QuerySetWrites.insertFrom(this, source);
    }

    /** Insert {@code obj}, or update its row when it exists (found by id or sorting key); return it. */
    public T save(T obj) {
        return QuerySetWrites.writer(this).save(obj);
    }

    /**
     * Set {@code values} (field name to value or expression such as {@code F.of("n").plus(1)}) on the
     * matching rows: a lightweight {@code UPDATE} where the table supports it, else
     * {@code ALTER TABLE ... UPDATE}; waits as {@code mutations_sync} says.
     */
    public void update(Map<String, ?> values) {
        QuerySetWrites.update(this, values, MutationMode.DEFAULT);
    }

    /** Set {@code values} on the matching rows with the statement {@code mode} picks. */
    public void update(Map<String, ?> values, MutationMode mode) {
        QuerySetWrites.update(this, values, mode);
    }

    /** Delete the matching rows with a lightweight {@code DELETE FROM} (every row when unfiltered). */
    public void delete() {
        QuerySetWrites.delete(this, MutationMode.DEFAULT);
    }

    /** Delete the matching rows with the statement {@code mode} picks ({@code ALTER} for {@code ALTER TABLE ... DELETE}). */
    public void delete(MutationMode mode) {
        QuerySetWrites.delete(this, mode);
    }

    // ---- SQL and internals ----

    /** Return the SELECT statement this QuerySet runs. */
    public String toSql() {
        return SqlCompiler.compile(query).sql();
    }

    /**
     * Return the SELECT of this QuerySet as another statement embeds it ({@code INSERT ... SELECT},
     * {@code CREATE [MATERIALIZED] VIEW ... AS}): literals inlined, columns as stored, with the name
     * and type of each selected column. {@link #toSql()} is the statement that reads rows into Java.
     */
    public SelectText asSelect() {
        return SqlCompiler.embedded(query);
    }

    /** Return this QuerySet as a view's query (see {@link dev.chorm.model.ViewQuery}): {@link #asSelect()}. */
    @Override
    public SelectText selectText() {
        return asSelect();
    }

    /** Return the SELECT statement; same as {@link #toSql()}. */
    @Override
    public String toString() {
        return toSql();
    }

    /** Return the state of this QuerySet, for the write side (update, delete) and the SQL tests of this package. */
    Query query() {
        return query;
    }

    /** Return the model's description. */
    public ModelMeta meta() {
        return query.meta();
    }

    /** Return the database this QuerySet runs on. */
    public QueryDatabase database() {
        if (db == null) {
            throw new QueryException("This QuerySet of " + query.meta().modelClass().getSimpleName()
                    + " is not bound to a database; get it from db.objects(" + query.meta().modelClass().getSimpleName()
                    + ".class).");
        }
        return db;
    }

    /** Return the database this QuerySet is bound to, or null when it is not ({@link #of(Class)}). */
    QueryDatabase boundDatabase() {
        return db;
    }

    /** Return the settings of this query, for statements built from it (mutations reuse them). */
    public Settings querySettings() {
        return query.settings();
    }

    /** Return the runner that executes this QuerySet's statements. */
    private QueryRunner runner() {
        return new QueryRunner(database().dataSource(), query.meta(), database()::client);
    }

    /** Write this QuerySet as a parenthesized subquery (for {@code in} lookups and CTEs). */
    @Override
    public void accept(RenderContext ctx) {
        ctx.sql('(').sql(SqlCompiler.compileSubquery(query).sql()).sql(')');
    }

    /** Render a sorting-key expression of the model's table, trusted DDL text from the model. */
    private record SortKey(String expression) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.sql(expression);
        }
    }
}
