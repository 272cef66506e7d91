package dev.chorm.model.types;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Decimal(precision, scale)}; the field must be a BigDecimal.
 *
 * <p>{@code precision} is 1..76 and {@code scale} 0..precision. Values are written exactly; a value
 * with more fraction digits than {@code scale} or more integer digits than {@code precision - scale}
 * is rejected instead of rounded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Decimal {
    /** Return the total number of decimal digits, 1..76. */
    int precision();

    /** Return the number of digits after the decimal point, 0..precision. */
    int scale() default 0;
}
