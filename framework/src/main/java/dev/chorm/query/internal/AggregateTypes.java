package dev.chorm.query.internal;

import dev.chorm.query.Expression;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.List;

/**
 * Tell the ClickHouse types of aggregate states and of their merges, for the checks that compare a
 * query's columns with a table's ({@code INSERT ... SELECT}, materialized views).
 */
public final class AggregateTypes {
    private AggregateTypes() {
    }

    /**
     * Return the type of {@code name(params)State(args)}, {@code AggregateFunction(name(params), T...)},
     * or null when an argument's type is unknown.
     */
    public static DataType state(String name, List<Object> params, List<Expression> args, RenderContext ctx) {
        return null;
    }

    /** Return the finished type of merging the states in {@code stateColumn}, or null when unknown. */
    public static DataType merged(String name, Expression stateColumn, RenderContext ctx) {
        return null;
    }
}
