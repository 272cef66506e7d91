package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a {@code CONSTRAINT name CHECK expr}: ClickHouse rejects inserted rows for which it is false.
 *
 * <pre>{@code @Check(name = "port_range", expression = "port >= 0 AND port <= 65535")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Checks.class)
public @interface Check {
    /** Return the constraint name, unique within the table. */
    String name();

    /** Return the boolean expression over columns. */
    String expression();
}
