package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Choose the ClickHouse Enum value (and optionally the label) of one Java enum constant.
 *
 * <p>Without it, constants are numbered 1, 2, 3... in declaration order (as ClickHouse numbers
 * {@code Enum('a', 'b')}) and labelled with {@link Enum#name()}. Annotate all constants or none.
 * <pre>{@code enum Level { @EnumValue(-1) LOW, @EnumValue(value = 10, label = "high") HIGH }}</pre>
 * An enum maps to Enum8 when every value fits -128..127, otherwise to Enum16.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumValue {
    /** Return the numeric value stored in ClickHouse. */
    int value();

    /** Return the label stored in ClickHouse; empty for the constant's name. */
    String label() default "";
}
