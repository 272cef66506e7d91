package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Variant(T1, T2, ...)}: each value is one of the types, or NULL.
 * The field is usually an {@code Object}; a value is written into the variant its Java class stands for
 * (a String into String, a Long into Int64, a List into an Array, ...) and read back as the driver reads
 * that variant (UInt64 as BigInteger, Date as LocalDate, Arrays as Lists).
 *
 * <pre>{@code @Variant({"String", "UInt64", "Array(String)"}) public Object value;}</pre>
 * ClickHouse refuses variants of similar types (Int64 and UInt32) unless the setting
 * {@code allow_suspicious_variant_types = 1} is given; chorm checks that before any SQL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Variant {
    /** Return the variant types as {@code system.columns} writes them, such as {@code "String"}. */
    String[] value();
}
