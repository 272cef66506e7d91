package dev.chorm.query;

/**
 * Take the largest value; NULL over no rows ({@code maxOrNull}).
 *
 * <pre>{@code events.aggregate(Map.of("x", Max.of("port")))}</pre>
 */
public final class Max {
    private Max() {
    }

    /** Return {@code maxOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("max", true, null, field);
    }
}
