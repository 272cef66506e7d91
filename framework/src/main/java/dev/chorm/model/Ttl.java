package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Expire a column's values: {@code @Ttl("timestamp + INTERVAL 1 MONTH")} renders a column TTL.
 * Only MergeTree-family engines accept it, and never on a column of the sorting key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Ttl {
    /** Return the TTL expression, for example {@code timestamp + INTERVAL 1 DAY}. */
    String value();
}
