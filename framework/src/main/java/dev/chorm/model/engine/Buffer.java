package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Buffer writes in memory and flush them to another table when any maximum, or all minimums, are reached.
 *
 * <pre>{@code @Buffer(table = "event")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EngineAnnotation
public @interface Buffer {
    /** Return the database of the destination table; empty means {@code currentDatabase()}. */
    String database() default "";

    /** Return the destination table. */
    String table();

    /** Return the number of independent buffers. */
    int numLayers() default 16;

    /** Return the minimum seconds since the first write before a flush. */
    int minTime() default 10;

    /** Return the maximum seconds since the first write before a flush. */
    int maxTime() default 100;

    /** Return the minimum number of rows before a flush. */
    long minRows() default 10_000;

    /** Return the maximum number of rows before a flush. */
    long maxRows() default 1_000_000;

    /** Return the minimum number of bytes before a flush. */
    long minBytes() default 10_000_000;

    /** Return the maximum number of bytes before a flush. */
    long maxBytes() default 100_000_000;
}
