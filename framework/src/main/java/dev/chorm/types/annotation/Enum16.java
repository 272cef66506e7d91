package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code Enum16}.
 *
 * <p>On a Java enum field it chooses the width (labels and values come from the enum, see
 * {@link EnumValue}). On a String or integer field it needs the labels:
 * <pre>{@code @Enum16({@EnumLabel(name = "banana", value = 1), @EnumLabel(name = "pear", value = 2)})
 * public String fruit;   // reads the label; an int field reads the value}</pre>
 * The field's type decides what is read: a Java enum its constant, a String the label, an int the
 * value; {@link #returnInt()} chooses for fields typed {@code Object}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Enum16 {
    /** Return the labels and values of a String or integer field; empty for a Java enum field. */
    EnumLabel[] value() default {};

    /** Return whether an {@code Object} field reads the numeric value (Integer) instead of the label (String). */
    boolean returnInt() default false;
}
