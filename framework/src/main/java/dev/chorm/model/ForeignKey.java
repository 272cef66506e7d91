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
 *
 * <p>The referenced model reaches this one back through the reverse relation {@link #relatedName()}
 * (Django's {@code related_name}), for example to filter or aggregate across it:
 * {@code customers.annotate("spent", Sum.of("purchase__amount"))}. A reverse relation is known once the
 * referring model is known to chorm in this JVM (any QuerySet, table creation or {@code ModelMeta.of}).
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

    /**
     * Return the name of the reverse relation, by which the referenced model reaches this one
     * ({@code publishers.filter("book__price__gt", 10)}); empty for this model's class name in lower
     * case, Django's default related query name.
     */
    String relatedName() default "";
}
