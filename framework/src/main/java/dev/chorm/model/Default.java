package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Give a column a {@code DEFAULT expr}: ClickHouse computes the value when an insert omits it.
 *
 * <pre>{@code @Default("now()") public Instant seen;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Default {
    /** Return the ClickHouse expression, for example {@code now()} or {@code 'unknown'}. */
    String value();
}
