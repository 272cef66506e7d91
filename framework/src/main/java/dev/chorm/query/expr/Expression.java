package dev.chorm.query.expr;

import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.List;

/**
 * Compute a value in SQL: a column ({@link F}), a function ({@link Func}), an aggregate, arithmetic.
 *
 * <pre>{@code
 * F.of("price").times(F.of("quantity")).gt(100)        // (`price` * `quantity`) > 100
 * Func.toYYYYMM("timestamp").desc()                     // toYYYYMM(`timestamp`) DESC
 * }</pre>
 */
public interface Expression extends QueryPart {
    /** Return the ClickHouse type of this expression in {@code ctx}, or null when chorm cannot tell. */
    default DataType type(RenderContext ctx) {
        return null;
    }

    /** Return whether this expression aggregates rows (and so makes its query group). */
    default boolean isAggregate() {
        return false;
    }

    /**
     * Return the parts of this expression that a GROUP BY must list when it is selected next to
     * aggregates, as Django's {@code get_group_by_cols}: itself when it does not aggregate, nothing for
     * an aggregate, and for a mix such as {@code Sum.of("age").plus(F.of("age"))} the non-aggregate
     * operands ({@code age}).
     */
    default List<Expression> groupingKeys() {
        return isAggregate() ? List.of() : List.of(this);
    }

    /** Return {@code this + other}; {@code other} is an expression or a value. */
    default Expression plus(Object other) {
        return new Arithmetic(this, "+", other);
    }

    /** Return {@code this - other}. */
    default Expression minus(Object other) {
        return new Arithmetic(this, "-", other);
    }

    /** Return {@code this * other}. */
    default Expression times(Object other) {
        return new Arithmetic(this, "*", other);
    }

    /** Return {@code this / other} (ClickHouse divides as floating point). */
    default Expression div(Object other) {
        return new Arithmetic(this, "/", other);
    }

    /** Return {@code this % other}. */
    default Expression mod(Object other) {
        return new Arithmetic(this, "%", other);
    }

    /** Return the condition {@code this = value}; a null value tests {@code isNull}. */
    default Condition eq(Object value) {
        return new LookupCondition(this, BuiltinLookups.EXACT, value);
    }

    /** Return the condition {@code this != value}. */
    default Condition ne(Object value) {
        return new LookupCondition(this, BuiltinLookups.NE, value);
    }

    /** Return the condition {@code this > value}. */
    default Condition gt(Object value) {
        return new LookupCondition(this, BuiltinLookups.GT, value);
    }

    /** Return the condition {@code this >= value}. */
    default Condition gte(Object value) {
        return new LookupCondition(this, BuiltinLookups.GTE, value);
    }

    /** Return the condition {@code this < value}. */
    default Condition lt(Object value) {
        return new LookupCondition(this, BuiltinLookups.LT, value);
    }

    /** Return the condition {@code this <= value}. */
    default Condition lte(Object value) {
        return new LookupCondition(this, BuiltinLookups.LTE, value);
    }

    /** Return the condition {@code this IN (values)}: a collection, or a {@link QuerySet} subquery. */
    default Condition in(Object values) {
        return new LookupCondition(this, BuiltinLookups.IN, values);
    }

    /** Return the condition {@code this NOT IN (values)}: a collection, or a {@link QuerySet} subquery. */
    default Condition notIn(Object values) {
        return new LookupCondition(this, BuiltinLookups.NOT_IN, values);
    }

    /** Return the condition {@code this LIKE pattern}, the pattern used as written ({@code %} and {@code _} are wildcards). */
    default Condition like(String pattern) {
        return new LookupCondition(this, BuiltinLookups.LIKE, pattern);
    }

    /** Return the condition {@code isNull(this)}. */
    default Condition isNull() {
        return new LookupCondition(this, BuiltinLookups.ISNULL, true);
    }

    /**
     * Return the condition that applies the lookup {@code name} (such as {@code icontains}, or one
     * {@link Lookups#register registered}) to this expression.
     */
    default Condition lookup(String name, Object value) {
        return new LookupCondition(this, name, value);
    }

    /** Return an ascending order term on this expression. */
    default OrderTerm asc() {
        return OrderTerm.asc(this);
    }

    /** Return a descending order term on this expression. */
    default OrderTerm desc() {
        return OrderTerm.desc(this);
    }

    /** Return this (aggregate or window) function evaluated over {@code window}. */
    default Expression over(Window window) {
        return new Over(this, window);
    }

    /** Return the value under {@code key} of this Map expression, even when the key looks like a lookup ({@code len}). */
    default Expression key(Object key) {
        return new FunctionCall("arrayElement", List.of(this, key), null, false);
    }
}
