package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Name one label of an {@link Enum8} or {@link Enum16} declared on a String or integer field. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface EnumLabel {
    /** Return the label as stored in ClickHouse. */
    String name();

    /** Return the numeric value of the label. */
    int value();
}
