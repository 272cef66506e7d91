package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wrap the field's type in ClickHouse {@code Nullable}; without it a column is not nullable, even for wrapper types.
 *
 * <p>Not allowed on a primitive field (use the wrapper type) nor around Array, Map, Tuple or JSON,
 * which ClickHouse cannot make Nullable; an empty value stands for none there. On a type argument
 * it makes the elements nullable: {@code List<@Nullable String>} is {@code Array(Nullable(String))}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Nullable {
}
