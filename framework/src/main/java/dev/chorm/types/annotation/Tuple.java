package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Choose how a record field maps to ClickHouse {@code Tuple}.
 *
 * <p>A record maps to a named Tuple by default, one element per component, named after the
 * component: {@code record Point(int x, int y)} is {@code Tuple(x Int32, y Int32)}. With
 * {@code named = false} it maps to {@code Tuple(Int32, Int32)}. The annotation may also sit on the
 * record class itself. Reading builds the record through its canonical constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.TYPE})
public @interface Tuple {
    /** Return whether the Tuple's elements carry the component names. */
    boolean named() default true;
}
