package dev.chorm.query;

import dev.chorm.types.DataType;

/**
 * Compute the standard deviation, of the population by default as in Django; NULL over no rows.
 *
 * <pre>{@code events.aggregate(Map.of("x", StdDev.of("port")))}</pre>
 */
public final class StdDev {
    private StdDev() {
    }

    /** Return {@code stddevPopOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("stddevPop", true, DataType.float64(), field);
    }

    /** Return {@code stddevSampOrNull(field)}: the sample standard deviation. */
    public static Aggregate sample(Object field) {
        return Aggregate.of("stddevSamp", true, DataType.float64(), field);
    }
}
