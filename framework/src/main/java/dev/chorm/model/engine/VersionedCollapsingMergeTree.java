package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the table in VersionedCollapsingMergeTree: collapsing by sign, ordered by a version column.
 *
 * <p>See {@link ReplicatedMergeTree} for the replicated variant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EngineAnnotation(mergeTree = true)
public @interface VersionedCollapsingMergeTree {
    /** Return the Int8 sign column: 1 for a state row, -1 for its cancellation. */
    String sign();

    /** Return the version column (an unsigned integer, Date or DateTime type). */
    String version();

    /** Return the ORDER BY expressions (the sorting key); empty means {@code ORDER BY tuple()}. */
    String[] orderBy() default {};

    /** Return the PARTITION BY expression; empty for none. */
    String partitionBy() default "";

    /** Return the PRIMARY KEY expressions, a prefix of {@link #orderBy()}; empty means the same as orderBy. */
    String[] primaryKey() default {};

    /** Return the SAMPLE BY expression, which must be part of the primary key; empty for none. */
    String sampleBy() default "";

    /** Return the table TTL rules, for example {@code timestamp + INTERVAL 1 MONTH DELETE}. */
    String[] ttl() default {};

    /** Return the table settings, for example {@code @Setting(name = "index_granularity", value = "1024")}. */
    Setting[] settings() default {};
}
