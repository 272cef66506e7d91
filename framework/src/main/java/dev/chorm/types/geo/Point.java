package dev.chorm.types.geo;

/**
 * A point of ClickHouse's geo types: a field of this type maps to {@code Point}
 * ({@code Tuple(Float64, Float64)}), and {@code List<Point>} with {@code @Ring}, {@code @LineString},
 * nested Lists with {@code @Polygon}, {@code @MultiLineString} or {@code @MultiPolygon} to the others.
 *
 * @param x the first coordinate (a longitude, for the geo functions that take degrees)
 * @param y the second coordinate (a latitude)
 */
public record Point(double x, double y) {
}
