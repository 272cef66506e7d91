package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Read the union of all tables whose names match a regular expression.
 *
 * <pre>{@code @Merge(regexp = "^events_")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EngineAnnotation
public @interface Merge {
    /** Return the database to look in; empty means {@code currentDatabase()}. */
    String database() default "";

    /** Return the regular expression the table names must match. */
    String regexp();
}
