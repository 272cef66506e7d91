package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a model as a materialized view: its query runs on each block inserted into its source and
 * writes the result {@link #to} another model's table, or, without {@code to}, into its own storage
 * described by the class's engine annotation (then the fields are that storage's columns). Either way
 * the model is read through {@code objects()}. With {@link #refresh} the view is refreshable: the whole
 * query runs on a schedule instead of on inserts.
 *
 * <p>The query is SQL text in {@link #query} or the result of the class's {@link ViewQuery} method;
 * its columns must match the view's fields (and the {@code to} table's columns) by name and type.
 * A new materialized view sees only rows inserted after it exists: fill it from older rows with an
 * {@code INSERT INTO target SELECT ...} in a migration ({@code RunSQL}, see docs/views.md), not with
 * {@link #populate}.
 *
 * <pre>{@code
 * @MaterializedView(to = HitsPerMinute.class, sources = Hit.class, query =
 *         "SELECT toStartOfMinute(ts) AS minute, sumState(bytes) AS bytes FROM hit GROUP BY minute")
 * public record HitsPerMinuteMv(Instant minute, @Type("AggregateFunction(sum, UInt64)") byte[] bytes) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MaterializedView {
    /** Return the SELECT text; empty when the class has a {@link ViewQuery} method. */
    String query() default "";

    /** Return the models the SQL text reads (a {@link ViewQuery} method's QuerySet knows its own). */
    Class<?>[] sources() default {};

    /** Return the model whose table the view writes to; {@code void.class} for the view's own storage. */
    Class<?> to() default void.class;

    /**
     * Return the refresh schedule of a refreshable view, {@code EVERY 1 HOUR} or {@code AFTER 10 MINUTE}
     * (with optional {@code OFFSET ...} and {@code RANDOMIZE FOR ...}); empty for a view that runs on inserts.
     */
    String refresh() default "";

    /** Return whether each refresh appends its rows ({@code APPEND}) instead of replacing the table's content. */
    boolean append() default false;

    /** Return the refreshable views this one refreshes after ({@code DEPENDS ON}; only with {@code EVERY}). */
    Class<?>[] dependsOn() default {};

    /**
     * Return whether CREATE fills the view's own storage from the rows already in the source
     * ({@code POPULATE}). Rows inserted while it runs are missed, so chorm refuses it unless
     * {@link #populateDespiteRace} is set too; the safe way is a backfill {@code INSERT ... SELECT}.
     */
    boolean populate() default false;

    /** Return whether {@link #populate} is wanted although it misses rows inserted meanwhile (nothing inserts then). */
    boolean populateDespiteRace() default false;
}
