package dev.chorm.query;

import dev.chorm.query.internal.FunctionCall;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregate rows: the Django aggregates ({@link Count}, {@link Sum}, {@link Avg}, {@link Min},
 * {@link Max}, {@link StdDev}, {@link Variance}) and ClickHouse's own (built by the static methods
 * here: {@link #uniq}, {@link #argMax}, {@link #quantile}, {@link #topK}, ...).
 *
 * <p>Over no rows a value aggregate is NULL, as in SQL, not ClickHouse's 0 or nan: chorm uses the
 * {@code -OrNull} combinator ({@code sumOrNull}); counts stay 0. {@link #filter} becomes the
 * {@code -If} combinator and {@link #defaultValue} a {@code coalesce}:
 * <pre>{@code
 * Sum.of("bytes").filter(Q.of("protocol", "TCP")).defaultValue(0)
 * // coalesce(sumIfOrNull(`bytes`, `protocol` = 'TCP'), 0)
 * }</pre>
 * Field arguments given as strings are field paths, {@code "*"} stands for the whole row
 * ({@code Count.of("*")}, {@code uniq("*")}); pass other values through {@link Func#value}.
 */
public final class Aggregate implements Expression {
    private final String name;
    private final List<Object> params;
    private final List<Expression> args;
    private final boolean orNull;
    private final DataType type;
    private final Condition filter;
    private final Object defaultValue;

    private Aggregate(String name, List<Object> params, List<Expression> args, boolean orNull, DataType type,
                      Condition filter, Object defaultValue) {
        this.name = FunctionCall.checkName(name);
        this.params = List.copyOf(params);
        this.args = List.copyOf(args);
        this.orNull = orNull;
        this.type = type;
        this.filter = filter;
        this.defaultValue = defaultValue;
    }

    /** Return the aggregate {@code name(args)}, NULL over no rows when {@code orNull}. */
    public static Aggregate of(String name, boolean orNull, DataType type, Object... args) {
        return new Aggregate(name, List.of(), Func.args(args), orNull, type, null, null);
    }

    /** Return the parametric aggregate {@code name(params)(args)}, such as {@code quantile(0.9)(x)}. */
    public static Aggregate parametric(String name, List<?> params, boolean orNull, DataType type, Object... args) {
        return new Aggregate(name, new ArrayList<>(params), Func.args(args), orNull, type, null, null);
    }

    /** Return {@code uniq(fields...)}: the approximate number of distinct values (tuples); {@code uniq("*")} for whole rows. */
    public static Aggregate uniq(Object... fields) {
        return of("uniq", false, DataType.uint64(), fields);
    }

    /** Return {@code uniqExact(fields...)}: the exact number of distinct values (tuples). */
    public static Aggregate uniqExact(Object... fields) {
        return of("uniqExact", false, DataType.uint64(), fields);
    }

    /** Return {@code uniqCombined(fields...)}. */
    public static Aggregate uniqCombined(Object... fields) {
        return of("uniqCombined", false, DataType.uint64(), fields);
    }

    /** Return {@code anyLastOrNull(field)}: the last value met. */
    public static Aggregate anyLast(Object field) {
        return of("anyLast", true, null, field);
    }

    /** Return {@code argMinOrNull(arg, value)}: {@code arg} of the row with the smallest {@code value}. */
    public static Aggregate argMin(Object arg, Object value) {
        return of("argMin", true, null, arg, value);
    }

    /** Return {@code argMaxOrNull(arg, value)}: {@code arg} of the row with the largest {@code value}. */
    public static Aggregate argMax(Object arg, Object value) {
        return of("argMax", true, null, arg, value);
    }

    /** Return {@code quantileOrNull(level)(field)}. */
    public static Aggregate quantile(double level, Object field) {
        return parametric("quantile", List.of(level), true, DataType.float64(), field);
    }

    /** Return {@code quantiles(levels...)(field)}: an array, one value per level. */
    public static Aggregate quantiles(List<Double> levels, Object field) {
        return parametric("quantiles", levels, false, null, field);
    }

    /** Return {@code groupArray(field)}: the values as an array. */
    public static Aggregate groupArray(Object field) {
        return of("groupArray", false, null, field);
    }

    /** Return {@code topK(k)(field)}: the approximately most frequent values. */
    public static Aggregate topK(int k, Object field) {
        return parametric("topK", List.of(k), false, null, field);
    }

    /** Return this aggregate over only the rows matching {@code condition} (the -If combinator). */
    public Aggregate filter(Condition condition) {
        return new Aggregate(name, params, args, orNull, type, condition, defaultValue);
    }

    /** Return this aggregate over only the rows matching the lookup {@code lookup=value}. */
    public Aggregate filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    /** Return this aggregate with {@code value} instead of NULL when no row is aggregated. */
    public Aggregate defaultValue(Object value) {
        return new Aggregate(name, params, args, orNull, type, filter, value);
    }

    @Override
    public void accept(RenderContext ctx) {
        if (defaultValue != null) {
            ctx.sql("coalesce(");
        }
        ctx.sql(name).sql(filter != null ? "If" : "").sql(orNull ? "OrNull" : "");
        if (!params.isEmpty()) {
            ctx.sql('(');
            for (int i = 0; i < params.size(); i++) {
                ctx.sql(i == 0 ? "" : ", ").value(params.get(i), null);
            }
            ctx.sql(')');
        }
        ctx.sql('(').visit(args, ", ");
        if (filter != null) {
            ctx.sql(args.isEmpty() ? "" : ", ").visit(filter);
        }
        ctx.sql(')');
        if (defaultValue != null) {
            ctx.sql(", ").value(defaultValue, type).sql(')');
        }
    }

    @Override
    public DataType type(RenderContext ctx) {
        if (type != null) {
            return type;
        }
        return (name.equals("min") || name.equals("max") || name.equals("anyLast")) && !args.isEmpty()
                ? args.get(0).type(ctx) : null;
    }

    @Override
    public boolean isAggregate() {
        return true;
    }
}
