package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Dynamic}: each value carries its own type. The field is an
 * {@code Object}; a value is written with the type its Java class maps to (String, Long as Int64,
 * Integer as Int32, Double, Boolean as Bool, UUID, LocalDate as Date32, Instant as DateTime64(9, 'UTC'),
 * BigDecimal, BigInteger as Int256, Lists of those as Arrays) and read back as the driver reads the
 * stored type (an Int8 stored by SQL may come back as a Short). A Duration is refused: clickhouse-jdbc
 * 0.11 reads a Time inside a Dynamic as a LocalDateTime of 1970-01-01.
 *
 * <pre>{@code @Dynamic public Object payload;   @Dynamic("max_types=8") public Object small;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Dynamic {
    /** Return the type parameters as written, such as {@code max_types=8}; empty for none. */
    String value() default "";
}
