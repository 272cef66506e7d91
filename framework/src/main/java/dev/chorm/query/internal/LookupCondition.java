package dev.chorm.query.internal;

import dev.chorm.query.Condition;
import dev.chorm.query.Expression;
import dev.chorm.sql.RenderContext;

/**
 * Apply a Django lookup to an operand: either a path such as {@code port__gte} (resolved when
 * rendered) or an expression with an explicit lookup name.
 */
public final class LookupCondition implements Condition {
    private final String path;
    private final Expression lhs;
    private final String lookup;
    private final Object value;

    /** Create the condition {@code path=value}, the path ending in an optional lookup name. */
    public LookupCondition(String path, Object value) {
        this.path = path;
        this.lhs = null;
        this.lookup = null;
        this.value = value;
    }

    /** Create the condition {@code lhs <lookup> value}. */
    public LookupCondition(Expression lhs, String lookup, Object value) {
        this.path = null;
        this.lhs = lhs;
        this.lookup = lookup;
        this.value = value;
    }

    @Override
    public void accept(RenderContext ctx) {
        if (path != null) {
            Scope.Resolved r = Scope.of(ctx).resolve(path, true);
            Lookups.render(ctx, r.expression(), r.lookup(), value);
        } else {
            Lookups.render(ctx, lhs, Lookups.check(lookup), value);
        }
    }

    @Override
    public String toString() {
        return (path != null ? path : lhs + "__" + lookup) + "=" + value;
    }
}
