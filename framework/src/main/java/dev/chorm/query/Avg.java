package dev.chorm.query;

import dev.chorm.types.DataType;

/**
 * Average a field or expression; NULL over no rows ({@code avgOrNull}), not nan.
 *
 * <pre>{@code events.aggregate(Map.of("x", Avg.of("port")))}</pre>
 */
public final class Avg {
    private Avg() {
    }

    /** Return {@code avgOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("avg", true, DataType.float64(), field);
    }
}
