package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name the column a field maps to; without it the column is the snake_case of the field name.
 *
 * <pre>{@code @Column(name = "ts") public Instant timestamp;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
    /** Return the column name, for example {@code ts}. */
    String name();
}
