package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.Objects;

/**
 * Refer to a field of the model (or an annotation) by its path, as Django's {@code F()} does.
 *
 * <p>The path is a Java field name or a column name, optionally followed by transforms and
 * relations: {@code F.of("timestamp__year")}, {@code F.of("customer__country")}. It is resolved when
 * the query is rendered, so an unknown name fails then with the list of valid names.
 * <pre>{@code events.filter(F.of("bytesOut").gt(F.of("bytesIn").times(2)))}</pre>
 */
public final class F implements Expression {
    private final String path;

    private F(String path) {
        this.path = Objects.requireNonNull(path, "path == null");
    }

    /** Return a reference to the field or annotation at {@code path}. */
    public static F of(String path) {
        return new F(path);
    }

    /** Return the path as written. */
    public String path() {
        return path;
    }

    @Override
    public void accept(RenderContext ctx) {
        Scope.of(ctx).resolveExpression(path).accept(ctx);
    }

    @Override
    public DataType type(RenderContext ctx) {
        return Scope.of(ctx).resolveExpression(path).type(ctx);
    }

    @Override
    public boolean isAggregate() {
        return false;
    }

    @Override
    public String toString() {
        return "F(" + path + ")";
    }
}
