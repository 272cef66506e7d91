package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store a {@code List<List<List<Point>>>} as ClickHouse {@code MultiPolygon}: polygons, each its outer
 * ring then its holes.
 *
 * <pre>{@code @MultiPolygon public List<List<List<Point>>> country;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface MultiPolygon {
}
