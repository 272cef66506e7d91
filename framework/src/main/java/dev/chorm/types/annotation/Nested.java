package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store a {@code List<R>} of records as ClickHouse {@code Nested(c1 T1, c2 T2, ...)},
 * one column per record component: {@code record Item(String sku, int qty)} gives
 * {@code Nested(sku String, qty Int32)}. chorm creates the column with {@code flatten_nested = 0}, so
 * that it stays one column (readable as {@code items} and as the arrays {@code items.sku},
 * {@code items.qty}) and introspection reads it back as declared.
 *
 * <pre>{@code @Nested public List<Item> items = List.of();}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Nested {
}
