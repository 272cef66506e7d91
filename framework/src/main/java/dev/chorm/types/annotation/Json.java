package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code JSON}; the field must be a Map with String keys, a List, or a String of JSON text.
 *
 * <pre>{@code @Json public Map<String, Object> content = Map.of();}</pre>
 * Values are maps, lists, strings, numbers (Long, Double, BigInteger), booleans and null. ClickHouse
 * may change a value on the way (it infers one type per path), as the reference backend warns.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Json {
}
