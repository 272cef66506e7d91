package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store a {@code List<Point>} as ClickHouse {@code Ring}: a closed line, the first point repeated at the
 * end or not (ClickHouse closes it). {@link dev.chorm.types.geo.Point} fields map to {@code Point}
 * without annotation.
 *
 * <pre>{@code @Ring public List<Point> outline;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Ring {
}
