package dev.chorm.query.internal;

import dev.chorm.query.expr.Expression;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Tell the ClickHouse types of aggregate states and of their merges, as the engine gives them
 * (measured on 26.5), for the checks that compare a query's columns with a table's
 * ({@code INSERT ... SELECT}, materialized views) and for the readers of merged values.
 */
public final class AggregateTypes {
    private AggregateTypes() {
    }

    /**
     * Return the type of {@code function}'s state over {@code args}, {@code AggregateFunction(function,
     * T...)}: each argument's type without LowCardinality, at any depth (ClickHouse aggregates the plain values), or
     * null when an argument's type is unknown.
     *
     * @param function the function with its parameters, such as {@code quantiles(0.5, 0.9)}
     */
    public static DataType state(String function, List<Expression> args, RenderContext ctx) {
        List<DataType> types = new ArrayList<>(args.size());
        for (Expression a : args) {
            DataType t = a.type(ctx);
            if (t == null) {
                return null;
            }
            types.add(t.withoutLowCardinality()); // as the engine types a state's arguments
        }
        return DataType.aggregateFunction(function, types);
    }


    /**
     * Return the type of merging the states in {@code stateColumn}: the state's finalized type, Nullable
     * when {@code orNull} (the merge is NULL over no rows); null when the column's type is no known state.
     */
    public static DataType merged(Expression stateColumn, boolean orNull, RenderContext ctx) {
        DataType t = stateColumn.type(ctx);
        if (t == null || t.kind() != TypeKind.AGGREGATE_FUNCTION) {
            return null;
        }
        DataType finalized = t.readType();
        return orNull && !finalized.isNullable() ? DataType.nullable(finalized) : finalized;
    }
}
