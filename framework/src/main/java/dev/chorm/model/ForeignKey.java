package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare that a field holds the id of a row of another model (many-to-one), with no database
 * constraint, since ClickHouse has none.
 *
 * <pre>{@code
 * @ForeignKey(Customer.class) public long customerId;      // relation "customer"
 * orders.filter("customer__country", "FR")                 // LEFT OUTER JOIN `customer` ...
 * }</pre>
 * The relation is named {@link #name()} or, when that is empty, the field name without a trailing
 * {@code Id} ({@code customerId} → {@code customer}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ForeignKey {
    /** Return the referenced model class. */
    Class<?> value();

    /** Return the referenced field (Java or column name) of that model; {@code id} by default. */
    String field() default "id";

    /** Return the relation name used in lookups; empty for the field name without its {@code Id} suffix. */
    String name() default "";
}
