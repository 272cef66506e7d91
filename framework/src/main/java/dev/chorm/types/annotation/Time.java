package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Time}: a signed time in whole seconds, -999:59:59 to 999:59:59
 * (not a time of day: it may be negative or exceed 24 hours). The field must be a {@link java.time.Duration}
 * (any value of the range) or a {@link java.time.LocalTime} (00:00:00 to 23:59:59).
 *
 * <pre>{@code @Time public Duration shift;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Time {
}
