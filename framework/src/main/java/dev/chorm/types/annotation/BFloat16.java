package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code BFloat16}, the 16-bit brain float (the upper half of a Float32:
 * 8 exponent bits, 7 mantissa bits); the field must be a float or double. Values are truncated to
 * BFloat16 as ClickHouse converts them (1.1 is stored as 1.09375); NaN and ±Inf are kept.
 *
 * <pre>{@code @BFloat16 public float weight;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface BFloat16 {
}
