package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of one attribute of a {@link Dictionary} model.
 *
 * <pre>{@code @DictionaryAttribute(hierarchical = true) public long parentId;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface DictionaryAttribute {
    /** Return the expression computed from the source's columns instead of reading a column; empty for none. */
    String expression() default "";

    /** Return whether the attribute holds the parent key (for {@code dictGetHierarchy}); needs the key's type. */
    boolean hierarchical() default false;

    /** Return whether distinct keys map to distinct values, which lets ClickHouse push GROUP BY down. */
    boolean injective() default false;
}
