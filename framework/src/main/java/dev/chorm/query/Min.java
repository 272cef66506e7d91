package dev.chorm.query;

/**
 * Take the smallest value; NULL over no rows ({@code minOrNull}).
 *
 * <pre>{@code events.aggregate(Map.of("x", Min.of("port")))}</pre>
 */
public final class Min {
    private Min() {
    }

    /** Return {@code minOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("min", true, null, field);
    }
}
