package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Make a column {@code EPHEMERAL [expr]}: accepted by inserts to feed other defaults, never stored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Ephemeral {
    /** Return the expression used when an insert omits the column; empty for the type's default. */
    String value() default "";
}
