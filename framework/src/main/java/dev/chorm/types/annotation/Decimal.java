package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.math.RoundingMode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Decimal(precision, scale)}; the field must be a BigDecimal.
 *
 * <p>{@code precision} is 1..76 and {@code scale} 0..precision. Values are written exactly: by default
 * a value with more fraction digits than {@code scale} is rejected instead of rounded; set
 * {@link #rounding()} to round it, as the reference backend (Django) does with {@code HALF_EVEN}:
 * <pre>{@code @Decimal(precision = 9, scale = 2, rounding = RoundingMode.HALF_EVEN) public BigDecimal price;}</pre>
 * A value with more integer digits than {@code precision - scale} is always rejected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Decimal {
    /** Return the total number of decimal digits, 1..76. */
    int precision();

    /** Return the number of digits after the decimal point, 0..precision. */
    int scale() default 0;

    /**
     * Return how a value with more fraction digits than {@link #scale()} is written: {@code UNNECESSARY}
     * (the default) rejects it, any other mode rounds it to the scale first.
     */
    RoundingMode rounding() default RoundingMode.UNNECESSARY;
}
