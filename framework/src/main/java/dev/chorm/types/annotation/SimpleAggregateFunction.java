package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code SimpleAggregateFunction(function, T)}: plain values of {@code T}
 * that an {@code AggregatingMergeTree} merges with {@code function} (sum, min, max, any, anyLast,
 * groupBitOr, groupArrayArray, groupUniqArrayArray, sumMap, ...).
 *
 * <pre>{@code @SimpleAggregateFunction("sum") public long hits;                       // (sum, Int64)
 * @SimpleAggregateFunction("max") @UInt32 public long peak;                     // (max, UInt32)
 * @SimpleAggregateFunction("anyLast") @LowCardinality public String browser;   // (anyLast, LowCardinality(String))
 * @SimpleAggregateFunction(value = "sum", arg = "UInt64") public long bytes;}</pre>
 * {@code T} is the type the field maps to without this annotation (with its other type annotations),
 * or {@link #arg()} when given. Values read and write as values of {@code T}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface SimpleAggregateFunction {
    /** Return the function that merges the values, such as {@code sum} or {@code anyLast}. */
    String value();

    /** Return the value type as {@code system.columns} writes it; empty to map it from the field. */
    String arg() default "";
}
