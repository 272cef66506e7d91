package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code FixedString(n)}: exactly n bytes; the field must be a String or byte[].
 *
 * <p>Shorter values are padded with NUL bytes by ClickHouse; a String field reads back without the
 * trailing NULs, a byte[] field reads back all n bytes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface FixedString {
    /** Return the length in bytes, at least 1. */
    int value() default 0;
}
