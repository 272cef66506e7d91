package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Give the field's exact ClickHouse type as text, when no other annotation says it.
 *
 * <pre>{@code @ChType("Map(LowCardinality(String), Array(Nullable(Float64)))")
 * public Map<String, List<Double>> series;}</pre>
 * The text is parsed (a typo is a definition error) and must not be combined with another type
 * annotation, {@link Nullable} or {@link LowCardinality}: write those inside the text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface ChType {
    /** Return the ClickHouse type, as {@code system.columns} would print it. */
    String value();
}
