package dev.chorm.query;

import dev.chorm.types.DataType;

/**
 * Count rows: {@code count()}, {@code count(field)} (non-NULL values) or distinct values
 * ({@code uniqExact}); 0 over no rows.
 *
 * <pre>{@code events.values("protocol").annotate("n", Count.all())}</pre>
 */
public final class Count {
    private Count() {
    }

    /** Return {@code count()}. */
    public static Aggregate all() {
        return Aggregate.of("count", false, DataType.uint64());
    }

    /** Return {@code count(field)}: the rows where {@code field} is not NULL. */
    public static Aggregate of(Object field) {
        return Aggregate.of("count", false, DataType.uint64(), field);
    }

    /** Return {@code uniqExact(field)}: the number of distinct values, like {@code Count(field, distinct=True)}. */
    public static Aggregate distinct(Object field) {
        return Aggregate.of("uniqExact", false, DataType.uint64(), field);
    }
}
