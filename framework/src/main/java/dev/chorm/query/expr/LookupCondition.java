package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;

/**
 * Apply a lookup to an operand: a path such as {@code port__gte} (resolved when rendered), an
 * expression with a lookup name ({@code lookup("icontains", v)}, found when rendered), or an
 * expression with the lookup itself (the typed {@code eq}, {@code gt}, ...).
 */
public final class LookupCondition implements Condition {
    private final String path;
    private final Expression lhs;
    private final String lookupName;
    private final Lookup lookup;
    private final Object value;

    private LookupCondition(String path, Expression lhs, String lookupName, Lookup lookup, Object value) {
        this.path = path;
        this.lhs = lhs;
        this.lookupName = lookupName;
        this.lookup = lookup;
        this.value = value;
    }

    /** Create the condition {@code path=value}, the path ending in an optional lookup name. */
    public LookupCondition(String path, Object value) {
        this(path, null, null, null, value);
    }

    /** Create the condition {@code lhs <lookup named lookupName> value}; the name is checked when rendered. */
    public LookupCondition(Expression lhs, String lookupName, Object value) {
        this(null, lhs, lookupName, null, value);
    }

    /** Create the condition {@code lhs <lookup> value}. */
    public LookupCondition(Expression lhs, Lookup lookup, Object value) {
        this(null, lhs, lookup.name(), lookup, value);
    }

    @Override
    public void accept(RenderContext ctx) {
        if (path != null) {
            Scope.Resolved r = Scope.of(ctx).resolve(path, true);
            Lookups.require(r.lookup()).render(ctx, r.expression(), value);
        } else {
            (lookup != null ? lookup : Lookups.require(lookupName)).render(ctx, lhs, value);
        }
    }

    @Override
    public String toString() {
        return (path != null ? path : lhs + "__" + lookupName) + "=" + value;
    }
}
