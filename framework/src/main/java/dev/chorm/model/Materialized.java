package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Make a column {@code MATERIALIZED expr}: always computed by ClickHouse, never inserted, not in {@code SELECT *}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Materialized {
    /** Return the ClickHouse expression, for example {@code toDate(timestamp)}. */
    String value();
}
