package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a projection of a MergeTree-family table: a hidden, automatically maintained re-sorting or
 * pre-aggregation.
 *
 * <pre>{@code @Projection(name = "by_port", query = "SELECT port, count() GROUP BY port")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Projections.class)
public @interface Projection {
    /** Return the projection name, unique within the table. */
    String name();

    /** Return the projection query, {@code SELECT ... [GROUP BY ...] [ORDER BY ...]} without FROM. */
    String query();
}
