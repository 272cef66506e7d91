package dev.chorm.query.expr;

import dev.chorm.QueryException;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Call a ClickHouse function: {@code name(arg, ...)}; arguments that are query parts render
 * themselves, other arguments become literals.
 */
public final class FunctionCall implements Expression {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final List<Object> args;
    private final DataType type;
    private final boolean aggregate;

    /** Create a call of {@code name}; {@code type} is its result type when known, else null. */
    public FunctionCall(String name, List<?> args, DataType type, boolean aggregate) {
        this.name = checkName(name);
        this.args = Collections.unmodifiableList(new ArrayList<>(args));
        this.type = type;
        this.aggregate = aggregate;
    }

    /** Return {@code name} if it is a plain function name, else throw a {@link QueryException}. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new QueryException("Not a function name: '" + name + "'. Use letters, digits and underscores.");
        }
        return name;
    }

    /** Return the function name. */
    public String name() {
        return name;
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.sql(name).sql('(');
        for (int i = 0; i < args.size(); i++) {
            ctx.sql(i == 0 ? "" : ", ").value(args.get(i), null);
        }
        ctx.sql(')');
    }

    @Override
    public DataType type(RenderContext ctx) {
        if (type == null && name.equals("arrayElement") && args.get(0) instanceof Expression e) {
            DataType t = e.type(ctx);
            DataType base = t == null ? null : t.base();
            if (base != null && base.kind() == dev.chorm.types.TypeKind.MAP) {
                return base.valueType();
            }
            return base != null && base.kind() == dev.chorm.types.TypeKind.ARRAY ? base.inner() : null;
        }
        return type;
    }

    @Override
    public List<Expression> groupingKeys() {
        if (aggregate) {
            return List.of();
        }
        if (!isAggregate()) {
            // A call only of constants (now64(6), toDate('2024-01-02')) is the same on every row:
            // grouping by it changes nothing, so it is not a key, as a Literal is not.
            boolean constant = !args.isEmpty() && args.stream()
                    .allMatch(a -> !(a instanceof Expression e) || e.groupingKeys().isEmpty());
            return constant ? List.of() : List.of(this);
        }
        List<Expression> keys = new ArrayList<>();
        args.forEach(a -> keys.addAll(a instanceof Expression e ? e.groupingKeys() : List.of()));
        return keys;
    }

    @Override
    public boolean isAggregate() {
        return aggregate || args.stream().anyMatch(a -> a instanceof Expression e && e.isAggregate());
    }
}
