package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Combine two operands with an arithmetic operator, always parenthesized: {@code (`a` + 1)}. */
public final class Arithmetic implements Expression {
    private final Expression left;
    private final String operator;
    private final Object right;

    /** Create {@code (left operator right)}; {@code right} is an expression or a value. */
    public Arithmetic(Expression left, String operator, Object right) {
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.sql('(').visit(left).sql(' ').sql(operator).sql(' ').value(right, null).sql(')');
    }

    @Override
    public DataType type(RenderContext ctx) {
        return operator.equals("/") ? DataType.float64() : null;
    }

    @Override
    public List<Expression> groupingKeys() {
        if (!isAggregate()) {
            return List.of(this);
        }
        List<Expression> keys = new ArrayList<>(left.groupingKeys());
        if (right instanceof Expression e) {
            keys.addAll(e.groupingKeys());
        }
        return keys;
    }

    @Override
    public boolean isAggregate() {
        return left.isAggregate() || right instanceof Expression e && e.isAggregate();
    }
}
