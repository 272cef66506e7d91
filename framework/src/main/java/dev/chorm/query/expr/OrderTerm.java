package dev.chorm.query.expr;

import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Order rows by an expression or field path, ascending or descending, with NULLs first or last.
 *
 * <pre>{@code events.orderBy(OrderTerm.desc("note").nullsLast(), F.of("port").asc())}</pre>
 */
public final class OrderTerm {
    /** Say where NULLs sort. */
    public enum Nulls {
        /** ClickHouse's default (last for ascending, first for descending when nulls_last is default). */
        DEFAULT,
        /** {@code NULLS FIRST}. */
        FIRST,
        /** {@code NULLS LAST}. */
        LAST
    }

    private final Object target;
    private final boolean descending;
    private final Nulls nulls;

    private OrderTerm(Object target, boolean descending, Nulls nulls) {
        this.target = Objects.requireNonNull(target, "target == null");
        this.descending = descending;
        this.nulls = nulls;
    }

    /** Return an ascending term on {@code target}: a field path or an {@link Expression}. */
    public static OrderTerm asc(Object target) {
        return new OrderTerm(target, false, Nulls.DEFAULT);
    }

    /** Return a descending term on {@code target}: a field path or an {@link Expression}. */
    public static OrderTerm desc(Object target) {
        return new OrderTerm(target, true, Nulls.DEFAULT);
    }

    /** Parse Django's notation: {@code "-port"} is descending, {@code "port"} ascending, {@code "?"} random. */
    public static OrderTerm parse(String spec) {
        if (spec.equals("?")) {
            return asc(new FunctionCall("rand", List.of(), DataType.uint32(), false)); // Func.rand(); Func stands above this floor
        }
        return spec.startsWith("-") ? desc(spec.substring(1)) : asc(spec.startsWith("+") ? spec.substring(1) : spec);
    }

    /** Return this term with NULLs sorted first. */
    public OrderTerm nullsFirst() {
        return new OrderTerm(target, descending, Nulls.FIRST);
    }

    /** Return this term with NULLs sorted last. */
    public OrderTerm nullsLast() {
        return new OrderTerm(target, descending, Nulls.LAST);
    }

    /** Return this term in the opposite direction (and NULL placement), as {@code last()} and {@code reverse()} need. */
    public OrderTerm reversed() {
        Nulls n = nulls == Nulls.FIRST ? Nulls.LAST : nulls == Nulls.LAST ? Nulls.FIRST : Nulls.DEFAULT;
        return new OrderTerm(target, !descending, n);
    }

    /** Return the field path or expression ordered by. */
    public Object target() {
        return target;
    }

    /** Return whether the order is descending. */
    public boolean descending() {
        return descending;
    }

    /** Return where NULLs sort. */
    public Nulls nulls() {
        return nulls;
    }

    /** Write this term, resolving a path target through {@code ctx}. */
    public void render(RenderContext ctx) {
        Expression e = target instanceof Expression x ? x : Scope.of(ctx).resolveExpression((String) target);
        ctx.visit(e).sql(' ').visit(descending ? Keyword.DESC : Keyword.ASC);
        if (nulls != Nulls.DEFAULT) {
            ctx.sql(' ').visit(nulls == Nulls.FIRST ? Keyword.NULLS_FIRST : Keyword.NULLS_LAST);
        }
    }
}
