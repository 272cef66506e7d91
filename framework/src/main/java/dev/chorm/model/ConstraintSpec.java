package dev.chorm.model;

import java.util.Objects;

/**
 * Describe one table constraint: {@code CONSTRAINT name CHECK expr} or {@code CONSTRAINT name ASSUME expr}.
 *
 * @param name the constraint name
 * @param kind CHECK (enforced on insert) or ASSUME (a hint for the optimizer)
 * @param expression the boolean expression
 */
public record ConstraintSpec(String name, Kind kind, String expression) {
    /** Name the two kinds of ClickHouse constraints. */
    public enum Kind {
        /** Checked on every insert. */
        CHECK,
        /** Assumed true by the optimizer, never checked. */
        ASSUME
    }

    /** Check the parts and trim the expression. */
    public ConstraintSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(kind, "kind == null");
        expression = Specs.text(expression);
    }

    /** Return a CHECK constraint. */
    public static ConstraintSpec check(String name, String expression) {
        return new ConstraintSpec(name, Kind.CHECK, expression);
    }

    /** Return an ASSUME constraint. */
    public static ConstraintSpec assume(String name, String expression) {
        return new ConstraintSpec(name, Kind.ASSUME, expression);
    }
}
