package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare a model class as a ClickHouse dictionary rather than a table: its fields are the key and
 * the attributes, its rows come from another model's table ({@link #source}) or a query
 * ({@link #query}), and it is read with {@code dictGet} ({@link dev.chorm.query.Dictionaries}) or
 * like any model through {@code objects()}. {@link Table} names it as it names a table.
 *
 * <pre>{@code
 * @Dictionary(source = Country.class, primaryKey = "id", layout = DictionaryLayout.HASHED, lifetimeMax = 300)
 * public class CountryDict { public long id; public String name; }
 * }</pre>
 *
 * <p>A model that gives {@link #source} is loaded with {@code SOURCE(CLICKHOUSE(TABLE .. DB ..))}:
 * without a host, the dictionary reads the server it lives on (the embedded engine too) as the
 * {@code default} user. Field options: {@link Default} is the attribute's value for a missing key,
 * {@link DictionaryAttribute} marks hierarchical, injective and computed attributes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Dictionary {
    /** Return the model whose table holds the rows; {@code void.class} when {@link #query} gives them. */
    Class<?> source() default void.class;

    /** Return the ClickHouse query that gives the rows, as an alternative to {@link #source}. */
    String query() default "";

    /** Return the key columns (the field's column names), in key order. */
    String[] primaryKey();

    /** Return the layout (default {@link DictionaryLayout#HASHED}). */
    DictionaryLayout layout() default DictionaryLayout.HASHED;

    /** Return the shortest time in seconds before the dictionary reloads; ignored by DIRECT layouts. */
    long lifetimeMin() default 0;

    /** Return the longest time in seconds before the dictionary reloads; 0 never reloads (use SYSTEM RELOAD). */
    long lifetimeMax() default 300;

    /** Return the column where a row's validity starts, for the RANGE_HASHED layouts; else empty. */
    String rangeMin() default "";

    /** Return the column where a row's validity ends, for the RANGE_HASHED layouts; else empty. */
    String rangeMax() default "";
}
