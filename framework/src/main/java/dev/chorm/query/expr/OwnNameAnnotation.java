package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.List;

/**
 * Render an annotation that took the name of a field ({@code values("name").annotate("age",
 * Sum.of("age"))}, Django's rule): inside its own expression {@code age} is the field, everywhere else
 * (HAVING, ORDER BY, other annotations) it is the annotation.
 *
 * @param scope the scope that resolves the names
 * @param name the annotation's name, also a field's
 * @param expression the annotation's expression
 */
record OwnNameAnnotation(Scope scope, String name, Expression expression) implements Expression {
    @Override
    public void accept(RenderContext ctx) {
        scope.hide(name);
        try {
            expression.accept(ctx);
        } finally {
            scope.unhide(name);
        }
    }

    @Override
    public DataType type(RenderContext ctx) {
        scope.hide(name);
        try {
            return expression.type(ctx);
        } finally {
            scope.unhide(name);
        }
    }

    @Override
    public boolean isAggregate() {
        return expression.isAggregate();
    }

    @Override
    public List<Expression> groupingKeys() {
        return expression.groupingKeys().stream().map(k -> scope.ownExpression(name, k)).toList();
    }
}
