package dev.chorm.query;

import dev.chorm.types.DataType;

/**
 * Compute the variance, of the population by default as in Django; NULL over no rows.
 *
 * <pre>{@code events.aggregate(Map.of("x", Variance.of("port")))}</pre>
 */
public final class Variance {
    private Variance() {
    }

    /** Return {@code varPopOrNull(field)}; {@code field} is a field path or an expression. */
    public static Aggregate of(Object field) {
        return Aggregate.of("varPop", true, DataType.float64(), field);
    }

    /** Return {@code varSampOrNull(field)}: the sample variance. */
    public static Aggregate sample(Object field) {
        return Aggregate.of("varSamp", true, DataType.float64(), field);
    }
}
