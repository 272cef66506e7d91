package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a data-skipping index of a MergeTree-family table.
 *
 * <pre>{@code @Index(name = "ip_set_idx", expression = "ip", type = "set(1000)", granularity = 4)}</pre>
 *
 * <p>Types: {@code minmax}, {@code set(N)}, {@code bloom_filter([p])}, {@code ngrambf_v1(n, size, hashes, seed)},
 * {@code tokenbf_v1(size, hashes, seed)} (and the newer {@code text}/{@code vector_similarity}, passed through).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {
    /** Return the index name, unique within the table. */
    String name();

    /** Return the indexed expression: a column name or any expression over columns. */
    String expression();

    /** Return the index type, for example {@code minmax} or {@code bloom_filter(0.01)}. */
    String type() default "minmax";

    /** Return how many granules one index block covers; must be positive. */
    int granularity() default 1;
}
