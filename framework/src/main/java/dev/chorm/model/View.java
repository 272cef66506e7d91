package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a model as a plain view ({@code CREATE VIEW ... AS SELECT}): its fields are the query's
 * columns, it is read through {@code objects()} like any model, and the query runs on every read.
 * The query is SQL text here, or the result of the class's {@link ViewQuery} method. {@code @Table}
 * still gives the name, database, cluster and comment; an engine annotation is not allowed.
 *
 * <pre>{@code
 * @View(query = "SELECT port, count() AS hits FROM event GROUP BY port", sources = Event.class)
 * public record PortHits(int port, long hits) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface View {
    /** Return the SELECT text; empty when the class has a {@link ViewQuery} method. */
    String query() default "";

    /**
     * Return the models the SQL text reads, so that they are created before the view and dropped after
     * it; a {@link ViewQuery} method's QuerySet knows its own.
     */
    Class<?>[] sources() default {};
}
