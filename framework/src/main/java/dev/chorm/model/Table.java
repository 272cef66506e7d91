package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare the table a model class maps to.
 *
 * <pre>{@code @Table(name = "event", comment = "Firewall events", cluster = "cluster")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** Return the table name; empty means the snake_case of the class name. */
    String name() default "";

    /** Return the database; empty means the connection's current database. */
    String database() default "";

    /** Return the table comment; empty for none. */
    String comment() default "";

    /** Return the cluster whose nodes all get this table ({@code ON CLUSTER}); empty for none. */
    String cluster() default "";
}
