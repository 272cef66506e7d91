package dev.chorm.query.expr;

import dev.chorm.sql.Keyword;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Describe the window of a window function: partition, order and frame.
 *
 * <pre>{@code
 * Func.of("row_number").over(Window.partitionBy("protocol").orderBy("-port"))
 * // row_number() OVER (PARTITION BY `protocol` ORDER BY `port` DESC)
 * Sum.of("port").over(Window.orderBy("timestamp").frame(Frame.rows(Frame.unboundedPreceding(), Frame.currentRow())))
 * }</pre>
 */
public final class Window implements QueryPart {
    private final List<Object> partitionBy;
    private final List<OrderTerm> orderBy;
    private final Frame frame;

    private Window(List<Object> partitionBy, List<OrderTerm> orderBy, Frame frame) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.frame = frame;
    }

    /** Return the window over all rows. */
    public static Window all() {
        return new Window(List.of(), List.of(), null);
    }

    /** Return a window partitioned by {@code keys}: field paths or expressions. */
    public static Window partitionBy(Object... keys) {
        return all().andPartitionBy(keys);
    }

    /** Return a window over all rows ordered by {@code terms} ({@code "-field"}, paths, expressions or OrderTerms). */
    public static Window orderBy(Object... terms) {
        return all().andOrderBy(terms);
    }

    /** Return this window also partitioned by {@code keys}. */
    public Window andPartitionBy(Object... keys) {
        List<Object> p = new ArrayList<>(partitionBy);
        p.addAll(List.of(keys));
        return new Window(p, orderBy, frame);
    }

    /** Return this window ordered by {@code terms} after its current order. */
    public Window andOrderBy(Object... terms) {
        List<OrderTerm> o = new ArrayList<>(orderBy);
        for (Object t : terms) {
            o.add(t instanceof OrderTerm ot ? ot : t instanceof String s ? OrderTerm.parse(s) : OrderTerm.asc(t));
        }
        return new Window(partitionBy, o, frame);
    }

    /** Return this window with {@code frame}. */
    public Window frame(Frame frame) {
        return new Window(partitionBy, orderBy, frame);
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.sql('(');
        String gap = "";
        if (!partitionBy.isEmpty()) {
            ctx.visit(Keyword.PARTITION_BY).sql(' ');
            for (int i = 0; i < partitionBy.size(); i++) {
                Object k = partitionBy.get(i);
                ctx.sql(i == 0 ? "" : ", ").visit(k instanceof Expression e ? e : F.of((String) k));
            }
            gap = " ";
        }
        if (!orderBy.isEmpty()) {
            ctx.sql(gap).visit(Keyword.ORDER_BY).sql(' ');
            for (int i = 0; i < orderBy.size(); i++) {
                ctx.sql(i == 0 ? "" : ", ");
                orderBy.get(i).render(ctx);
            }
            gap = " ";
        }
        if (frame != null) {
            ctx.sql(gap).visit(frame);
        }
        ctx.sql(')');
    }
}
