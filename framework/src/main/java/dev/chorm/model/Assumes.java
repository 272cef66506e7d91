package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Hold several {@link Assume} annotations; Java writes it for you when you repeat {@code @Assume}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Assumes {
    /** Return the repeated annotations. */
    Assume[] value();
}
