package dev.chorm.query.internal;

import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.SelectText;
import dev.chorm.model.TableRef;
import dev.chorm.query.expr.AliasRef;
import dev.chorm.query.expr.ColumnRef;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.Join;
import dev.chorm.query.expr.Literal;
import dev.chorm.query.expr.OrderTerm;
import dev.chorm.query.expr.Q;
import dev.chorm.query.expr.Scope;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turn a {@link Query} into ClickHouse SQL, clause by clause, in ClickHouse's order:
 * <pre>
 * WITH .. SELECT [DISTINCT] .. FROM t [FINAL] [SAMPLE ..] [ARRAY JOIN ..] [LEFT OUTER JOIN ..]
 * [PREWHERE ..] [WHERE ..] [GROUP BY ..] [HAVING ..] [ORDER BY ..] [LIMIT n [OFFSET m] BY ..] [LIMIT .. OFFSET ..] [SETTINGS ..]
 * </pre>
 * Columns are qualified with their table only when the query joins, which is known once every
 * clause is rendered: the qualifier is late text ({@link RenderContext#later}), and the joins are
 * written after FROM once the clauses after it (rendered into a fork) have named them. So a query is
 * rendered once. Joins run with {@code join_use_nulls = 1}.
 */
public final class SqlCompiler {
    /** Say which statement to build from a query. */
    public enum Mode {
        /** The rows. */
        SELECT,
        /** {@code SELECT count()} of the rows. */
        COUNT,
        /** {@code SELECT 1 ... LIMIT 1}. */
        EXISTS,
        /** The aggregates over all filtered rows, without grouping (the totals row). */
        TOTALS
    }

    /**
     * Hold compiled SQL.
     *
     * @param sql the statement
     * @param items its SELECT list, to read rows back
     */
    public record Compiled(String sql, List<SelectItem> items) {
    }

    private final Query q;
    private final Mode mode;
    private final boolean reading;
    private final Scope scope;
    private RenderContext ctx;

    private SqlCompiler(Query q, Mode mode, boolean reading) {
        this.q = q;
        this.mode = mode;
        this.reading = reading;
        this.scope = new Scope(q.meta, q.annotations, arrayJoinNames(q), true);
        this.ctx = RenderContext.of(scope);
    }

    /** Return the SELECT statement of {@code q}. */
    public static Compiled compile(Query q) {
        return compile(q, Mode.SELECT);
    }

    /** Return the statement of {@code q} in {@code mode}. */
    public static Compiled compile(Query q, Mode mode) {
        if ((mode == Mode.COUNT || mode == Mode.EXISTS) && q.isReshaped()) {
            return wrapped(q, mode);
        }
        return renderJoined(q, mode, true).compiled();
    }

    /**
     * Return the SELECT of {@code q} used inside another statement ({@code IN (...)}, a CTE): columns
     * stay plain, without the {@link WireForm}s that only reading rows back needs.
     */
    public static Compiled compileSubquery(Query q) {
        return renderJoined(q, Mode.SELECT, false).compiled();
    }

    /**
     * Return the SELECT of {@code q} as another statement embeds it (INSERT ... SELECT, CREATE VIEW ...
     * AS), as {@link #compileSubquery} renders it, with the name and type of each selected column and
     * the tables it reads: its model's, those of the related models it joins, then dictionaries it
     * looks up.
     */
    public static SelectText embedded(Query q) {
        SqlCompiler compiler = new SqlCompiler(q, Mode.SELECT, false);
        Compiled c = compiler.render();
        List<SelectText.Column> columns = new ArrayList<>();
        for (SelectItem i : c.items()) {
            columns.add(new SelectText.Column(i.outputName(), i.expression().type(RenderContext.of(compiler.scope))));
        }
        LinkedHashSet<TableRef> tables = new LinkedHashSet<>();
        tables.add(TableRef.of(q.meta.table()));
        compiler.scope.joins().forEach(j -> tables.add(TableRef.of(j.target().table())));
        tables.addAll(compiler.scope.namedReads());
        return new SelectText(c.sql(), columns, List.copyOf(tables));
    }

    /** Hold a statement and whether it joins related tables. */
    private record Rendered(Compiled compiled, boolean joins) {
    }

    private static Rendered renderJoined(Query q, Mode mode, boolean reading) {
        SqlCompiler compiler = new SqlCompiler(q, mode, reading);
        Compiled c = compiler.render();
        return new Rendered(c, !compiler.scope.joins().isEmpty());
    }

    private static Compiled wrapped(Query q, Mode mode) {
        Rendered inner = renderJoined(q.withoutSettings(), Mode.SELECT, false);
        RenderContext ctx = RenderContext.of(new Scope(q.meta, Map.of(), Map.of(), false));
        ctx.visit(Keyword.SELECT).sql(mode == Mode.COUNT ? " count() " : " 1 ").visit(Keyword.FROM).sql(" (")
                .sql(inner.compiled().sql()).sql(')');
        if (mode == Mode.EXISTS) {
            ctx.sql(' ').visit(Keyword.LIMIT).sql(" 1");
        }
        Settings s = q.settings;
        if (inner.joins()) {
            s = s.withDefault("join_use_nulls", 1);
        }
        if (!s.isEmpty()) {
            ctx.sql(' ').visit(s);
        }
        return new Compiled(ctx.toString(), List.of());
    }

    private static Map<String, Expression> arrayJoinNames(Query q) {
        Map<String, Expression> names = new LinkedHashMap<>();
        if (q.arrayJoins.isEmpty()) {
            return names;
        }
        Scope plain = new Scope(q.meta, q.annotations, Map.of(), false);
        for (Query.ArrayJoin a : q.arrayJoins) {
            Expression array = plain.resolveExpression(a.path());
            var type = array.type(RenderContext.of(plain));
            var element = type != null && type.base().kind() == dev.chorm.types.TypeKind.ARRAY ? type.base().inner() : null;
            if (a.alias() == null && array instanceof ColumnRef c) {
                names.put(a.path(), new ColumnRef(c.tableAlias(), c.column(), element == null ? c.type() : element,
                        c.field(), c.joined()));
            } else {
                String name = a.alias() == null ? a.path() : a.alias();
                names.put(name, new AliasRef(name, new Literal(null, element)));
            }
        }
        return names;
    }

    private Compiled render() {
        ctes();
        List<SelectItem> items = new Selection(q, scope, reading).items(mode);
        selectList(items);
        ctx.sql(' ').visit(Keyword.FROM).sql(' ');
        table();
        // The clauses after FROM are written into their own text first: the joins they need are
        // known once they are rendered, and come before them.
        RenderContext from = ctx;
        ctx = from.fork();
        conditions(Keyword.PREWHERE, q.prewhere);
        conditions(Keyword.WHERE, q.where);
        if (mode == Mode.SELECT) {
            grouping(items);
            order();
            limits();
        } else if (mode == Mode.EXISTS) {
            ctx.sql(' ').visit(Keyword.LIMIT).sql(" 1");
        }
        RenderContext clauses = ctx;
        ctx = from;
        joins();
        ctx.append(clauses);
        Settings s = scope.joins().isEmpty() ? q.settings : q.settings.withDefault("join_use_nulls", 1);
        if (!s.isEmpty()) {
            ctx.sql(' ').visit(s);
        }
        return new Compiled(ctx.toString(), items);
    }

    private void ctes() {
        if (q.ctes.isEmpty()) {
            return;
        }
        ctx.visit(Keyword.WITH).sql(' ');
        for (int i = 0; i < q.ctes.size(); i++) {
            Query.Cte cte = q.ctes.get(i);
            ctx.sql(i == 0 ? "" : ", ").identifier(cte.name()).sql(' ').visit(Keyword.AS).sql(' ')
                    .value(cte.query(), null);
        }
        ctx.sql(' ');
    }

    private void selectList(List<SelectItem> items) {
        ctx.visit(Keyword.SELECT).sql(' ');
        if (q.distinct && mode == Mode.SELECT) {
            ctx.visit(Keyword.DISTINCT).sql(' ');
        }
        if (mode == Mode.COUNT) {
            ctx.sql("count()");
            return;
        }
        if (mode == Mode.EXISTS) {
            ctx.sql('1');
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            SelectItem item = items.get(i);
            ctx.sql(i == 0 ? "" : ", ").visit(item.expression());
            if (item.alias() != null) {
                ctx.sql(' ').visit(Keyword.AS).sql(' ').identifier(item.alias());
            }
        }
    }

    private void table() {
        ctx.qualifiedName(q.meta.table().database(), q.meta.table().name());
        if (q.asFinal) {
            ctx.sql(' ').visit(Keyword.FINAL);
        }
        if (q.sample != null) {
            ctx.sql(' ').visit(Keyword.SAMPLE).sql(' ').sql(q.sample);
        }
        for (Query.ArrayJoin a : q.arrayJoins) {
            ctx.sql(' ').visit(Keyword.ARRAY_JOIN).sql(' ');
            new Scope(q.meta, q.annotations, Map.of(), false).resolveExpression(a.path()).accept(ctx);
            if (a.alias() != null) {
                ctx.sql(' ').visit(Keyword.AS).sql(' ').identifier(a.alias());
            }
        }
    }

    private void joins() {
        for (Join j : scope.joins()) {
            ctx.sql(' ');
            j.render(ctx);
        }
    }

    private void conditions(Keyword keyword, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        ctx.sql(' ').visit(keyword).sql(' ').visit(Q.and(conditions.toArray(Condition[]::new)));
    }

    private void grouping(List<SelectItem> items) {
        List<Expression> keys = new ArrayList<>();
        if (!q.groupBy.isEmpty()) {
            q.groupBy.forEach(k -> keys.add(k instanceof Expression e ? e : scope.resolveExpression((String) k)));
        } else if (items.stream().anyMatch(i -> i.expression().isAggregate())) {
            // As Django: every non-aggregate part of the selection is grouped, also one inside an annotation
            // that mixes it with an aggregate (Sum("age") + F("age") groups by age), each once.
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (SelectItem i : items) {
                for (Expression k : i.expression().groupingKeys()) {
                    if (seen.add(RenderContext.of(scope).visit(k).toString())) {
                        keys.add(k);
                    }
                }
            }
        }
        if (!keys.isEmpty()) {
            ctx.sql(' ').visit(Keyword.GROUP_BY).sql(' ').visit(keys, ", ");
        }
        conditions(Keyword.HAVING, q.having);
    }

    private void order() {
        if (q.orderBy.isEmpty()) {
            return;
        }
        ctx.sql(' ').visit(Keyword.ORDER_BY).sql(' ');
        for (int i = 0; i < q.orderBy.size(); i++) {
            OrderTerm t = q.orderBy.get(i);
            ctx.sql(i == 0 ? "" : ", ");
            t.render(ctx);
        }
    }

    private void limits() {
        if (q.limitByCount > 0) {
            ctx.sql(' ').visit(Keyword.LIMIT).sql(' ').sql(Long.toString(q.limitByCount)).sql(' ');
            if (q.limitByOffset > 0) {
                ctx.visit(Keyword.OFFSET).sql(' ').sql(Long.toString(q.limitByOffset)).sql(' ');
            }
            ctx.visit(Keyword.BY).sql(' ');
            for (int i = 0; i < q.limitBy.size(); i++) {
                Object k = q.limitBy.get(i);
                ctx.sql(i == 0 ? "" : ", ").visit(k instanceof Expression e ? e : scope.resolveExpression((String) k));
            }
        }
        if (q.limit != null) {
            ctx.sql(' ').visit(Keyword.LIMIT).sql(' ').sql(Long.toString(q.limit));
        }
        if (q.offset > 0) {
            ctx.sql(' ').visit(Keyword.OFFSET).sql(' ').sql(Long.toString(q.offset));
        }
    }

    /** Return the fields a model row loads: all, minus deferred ones, or only the listed ones. */
    static List<ModelField> loadedFields(Query q) {
        List<ModelField> out = new ArrayList<>();
        for (ModelField f : q.meta.fields()) {
            boolean listed = q.only.contains(f.javaName()) || q.only.contains(f.columnName());
            boolean deferred = q.defer.contains(f.javaName()) || q.defer.contains(f.columnName());
            if ((q.only.isEmpty() || listed) && !deferred) {
                out.add(f);
            }
        }
        return out;
    }
}
