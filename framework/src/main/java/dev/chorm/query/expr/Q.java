package dev.chorm.query.expr;

import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Combine conditions with AND, OR and NOT, as Django's {@code Q} objects do.
 *
 * <pre>{@code
 * Q.of("first_name", "Ciaran").and(Q.of("last_name", "Carver"))
 *         .or(Q.of("height__lte", 1.8))
 *         .and(Q.of("first_name", "David").not())
 * // ((`first_name` = 'Ciaran' AND `last_name` = 'Carver') OR `height` <= 1.8) AND NOT (`first_name` = 'David')
 * }</pre>
 * A negation keeps rows where a Nullable operand is NULL ({@code NOT ifNull(cond, 0)}), so that
 * {@code exclude(note="x")} returns the rows without a note, as Django does.
 */
public final class Q implements Condition {
    private enum Kind { LEAF, AND, OR, NOT }

    private final Kind kind;
    private final List<Condition> children;

    private Q(Kind kind, List<Condition> children) {
        this.kind = kind;
        this.children = List.copyOf(children);
    }

    /** Return the condition that applies the lookup path {@code lookup} (such as {@code port__gte}) to {@code value}. */
    public static Q of(String lookup, Object value) {
        return new Q(Kind.LEAF, List.of(new LookupCondition(Objects.requireNonNull(lookup, "lookup == null"), value)));
    }

    /** Return {@code condition} as a Q. */
    public static Q of(Condition condition) {
        return condition instanceof Q q ? q : new Q(Kind.LEAF, List.of(condition));
    }

    /** Return the conjunction of {@code conditions}; an empty list matches every row. */
    public static Q and(Condition... conditions) {
        return junction(Kind.AND, conditions);
    }

    /** Return the disjunction of {@code conditions}; an empty list matches no row. */
    public static Q or(Condition... conditions) {
        return junction(Kind.OR, conditions);
    }

    /** Return the negation of {@code condition}. */
    public static Q not(Condition condition) {
        return new Q(Kind.NOT, List.of(condition));
    }

    private static Q junction(Kind kind, Condition... conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            Objects.requireNonNull(c, "condition == null");
            if (c instanceof Q q && q.kind == kind) {
                flat.addAll(q.children);
            } else {
                flat.add(c);
            }
        }
        return flat.size() == 1 ? of(flat.get(0)) : new Q(kind, flat);
    }

    @Override
    public void accept(RenderContext ctx) {
        switch (kind) {
            case LEAF -> ctx.visit(children.get(0));
            case NOT -> renderNot(ctx);
            default -> renderJunction(ctx);
        }
    }

    private void renderJunction(RenderContext ctx) {
        if (children.isEmpty()) {
            ctx.sql(kind == Kind.AND ? "1" : "0");
            return;
        }
        String separator = kind == Kind.AND ? " AND " : " OR ";
        for (int i = 0; i < children.size(); i++) {
            ctx.sql(i == 0 ? "" : separator);
            Condition c = children.get(i);
            boolean wrap = c instanceof Q q && (q.kind == Kind.AND || q.kind == Kind.OR) && q.children.size() > 1;
            if (wrap) {
                ctx.sql('(').visit(c).sql(')');
            } else {
                ctx.visit(c);
            }
        }
    }

    private void renderNot(RenderContext ctx) {
        RenderContext operand = ctx.fork();
        operand.visit(children.get(0));
        boolean nullable = operand.sawNullable();
        ctx.visit(Keyword.NOT).sql(' ').sql(nullable ? "ifNull(" : "(").append(operand).sql(nullable ? ", 0)" : ")");
        if (nullable) {
            ctx.markNullable();
        }
    }

    @Override
    public String toString() {
        return kind + children.toString();
    }
}
