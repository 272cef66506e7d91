package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Time64(precision)}: a signed time with {@code precision} (0..9)
 * fraction digits, -999:59:59.99... to 999:59:59.99...; the field must be a {@link java.time.Duration}
 * or a {@link java.time.LocalTime}. Digits beyond the precision are dropped, as for DateTime64.
 *
 * <pre>{@code @Time64(3) public Duration lap;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Time64 {
    /** Return the number of fraction digits, 0..9. */
    int value();
}
