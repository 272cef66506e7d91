package dev.chorm.query;

/**
 * Sum a field or expression; NULL over no rows ({@code sumOrNull}), not 0.
 *
 * <pre>{@code events.aggregate(Map.of("x", Sum.of("port")))}</pre>
 */
public final class Sum {
    private Sum() {
    }

    /** Return {@code sumOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("sum", true, null, field);
    }
}
