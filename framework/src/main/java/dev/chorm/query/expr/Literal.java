package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;

/**
 * Hold a value with the type its literal should have: {@code CAST('2024-01-02' AS Date)}.
 *
 * @param value the Java value
 * @param type its ClickHouse type, or null to infer it from the value
 */
public record Literal(Object value, DataType type) implements Expression {
    /** Return no keys: grouping by a constant changes nothing. */
    @Override
    public java.util.List<Expression> groupingKeys() {
        return java.util.List.of();
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.value(value, type);
    }

    @Override
    public DataType type(RenderContext ctx) {
        return type;
    }
}
