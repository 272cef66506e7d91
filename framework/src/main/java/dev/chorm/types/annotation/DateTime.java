package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code DateTime} (whole seconds) in an optional time zone.
 *
 * <p>The field must be an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface DateTime {
    /** Return the column's time zone, for example {@code Europe/Paris}; empty for the server's. */
    String timezone() default "";
}
