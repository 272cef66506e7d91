package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code AggregateFunction(function, args...)}: a column of partial
 * aggregation states, as an {@code AggregatingMergeTree} keeps them.
 *
 * <pre>{@code @AggregateFunction(function = "uniq", args = "String") public long visitors;
 * @AggregateFunction(function = "quantiles(0.5, 0.9)", args = "Float64") public List<Double> latency;
 * @AggregateFunction(function = "count") public long hits;}</pre>
 * The Java field holds the finalized value ({@code finalizeAggregation(column)}, which chorm selects
 * when it reads the model): a {@code long} for {@code uniq} and {@code count}, a {@code List<Double>}
 * for {@code quantiles}, the argument's type for {@code min}/{@code max}/{@code any}. A state cannot
 * be written from Java: {@code bulkCreate} and {@code create} refuse a model whose AggregateFunction
 * field is not {@code @Default} or {@code @Materialized}; write the states with {@code -State}
 * functions in a materialized view or in {@code INSERT ... SELECT}, and read merged values with
 * {@code -Merge} aggregates in a QuerySet.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface AggregateFunction {
    /** Return the aggregate function with its parameters, such as {@code uniq} or {@code quantiles(0.5, 0.9)}. */
    String function();

    /** Return the argument types as {@code system.columns} writes them, such as {@code "String"}; none for {@code count}. */
    String[] args() default {};
}
