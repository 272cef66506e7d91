package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wrap the field's type in ClickHouse {@code LowCardinality}, for example {@code LowCardinality(String)}.
 *
 * <p>Allowed around String and FixedString, and (the engine then needs the setting
 * {@code allow_suspicious_low_cardinality_types = 1}) around numbers, Bool, Date, Date32, DateTime,
 * UUID, IPv4 and IPv6, and the Nullable of all these; not around Decimal, DateTime64, Enum, Array,
 * Tuple, Map or JSON.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface LowCardinality {
}
