package dev.chorm.query.expr;

import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;

/** Evaluate a function over a window: {@code expr OVER (PARTITION BY ... ORDER BY ...)}. */
public final class Over implements Expression {
    private final Expression function;
    private final Window window;

    /** Create {@code function OVER window}. */
    public Over(Expression function, Window window) {
        this.function = function;
        this.window = window;
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.visit(function).sql(' ').visit(Keyword.OVER).sql(' ').visit(window);
    }

    @Override
    public DataType type(RenderContext ctx) {
        return function.type(ctx);
    }
}
