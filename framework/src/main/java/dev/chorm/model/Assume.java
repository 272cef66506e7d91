package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a {@code CONSTRAINT name ASSUME expr}: a fact the optimizer may rely on, never checked on insert.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Assumes.class)
public @interface Assume {
    /** Return the constraint name, unique within the table. */
    String name();

    /** Return the boolean expression over columns. */
    String expression();
}
