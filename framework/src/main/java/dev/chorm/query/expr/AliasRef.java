package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;

/**
 * Refer to a SELECT alias (an annotation) by name: {@code `n`}.
 *
 * @param name the alias
 * @param target the aliased expression, to tell its type
 */
public record AliasRef(String name, Expression target) implements Expression {
    @Override
    public void accept(RenderContext ctx) {
        ctx.identifier(name);
    }

    @Override
    public DataType type(RenderContext ctx) {
        return target.type(ctx);
    }

    /** Return false: the alias names a value already computed, which a later aggregate cannot nest. */
    @Override
    public boolean isAggregate() {
        return false;
    }

    /** Return the keys of the aliased expression when it aggregates (ClickHouse cannot group by an aggregate), else the alias. */
    @Override
    public java.util.List<Expression> groupingKeys() {
        return target.isAggregate() ? target.groupingKeys() : java.util.List.of(this);
    }
}
