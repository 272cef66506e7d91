package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code UInt64}; the field must be a long or BigInteger (or its wrapper).
 *
 * <p>A {@code long} field holds the 64 bits unsigned: values above {@link Long#MAX_VALUE} read back
 * as negative longs (use {@link Long#toUnsignedString(long)}), while a {@code BigInteger} field holds
 * them as written. Writing a negative {@code BigInteger} or one above 2^64-1 fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface UInt64 {
}
