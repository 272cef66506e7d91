package dev.chorm.query.expr;

import dev.chorm.sql.QueryPart;

/**
 * Test rows in WHERE, PREWHERE or HAVING: a {@link Q} tree or a comparison of expressions.
 *
 * <pre>{@code F.of("height").gt(1.75).and(Q.of("last_name", "Smith"))}</pre>
 */
public interface Condition extends QueryPart {
    /** Return {@code this AND other}. */
    default Q and(Condition other) {
        return Q.and(this, other);
    }

    /** Return {@code this OR other}. */
    default Q or(Condition other) {
        return Q.or(this, other);
    }

    /** Return {@code NOT this} (rows where a Nullable operand is NULL are kept, as in Django). */
    default Q not() {
        return Q.not(this);
    }
}
