package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.FunctionCall;
import dev.chorm.query.expr.Q;
import dev.chorm.query.internal.AggregateTypes;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
 *
 * <p><b>States and merges</b> (for {@code AggregatingMergeTree} rollups): {@link #state()} writes the
 * partial state an {@code AggregateFunction(f, T)} column stores, {@link #merge()} reads such a
 * column back as the finished value:
 * <pre>{@code
 * Aggregate.uniq("user").state()                        // uniqState(`user`)
 * Sum.of("hits").filter(Q.of("ok", true)).state()       // sumStateIf(`hits`, `ok` = true)
 * Sum.of("hits").merge()                                // sumMergeIfOrNull(`hits`, 1)
 * Aggregate.quantiles(List.of(0.5, 0.9), "latency").merge()  // quantilesMerge(0.5, 0.9)(`latency`)
 * Aggregate.argMax("page", "ts").merge("last_page")     // argMaxMergeIfOrNull(`last_page`, 1)
 * }</pre>
 * A state is the plain function's ({@code sumState}, never {@code sumOrNullState}), so that it fits a
 * column {@code AggregateFunction(sum, UInt64)}; {@link #filter} comes after State
 * ({@code sumStateIf}: the sum's state over the matching rows, of that same type, where
 * {@code sumIfState} would be an {@code AggregateFunction(sumIf, UInt64, UInt8)}). A merge stays NULL
 * over no rows like the aggregate it finishes: ClickHouse refuses {@code sumMergeOrNull} (it looks for
 * a {@code sumOrNull} state) but takes {@code sumMergeIfOrNull}, so the merge carries an always-true
 * condition when it has no filter of its own; {@link #filter} on a merge picks the stored rows merged.
 */
public final class Aggregate implements Expression {
    private final String name;
    private final List<Object> params;
    private final List<Expression> args;
    private final boolean orNull;
    private final DataType type;
    private final Condition filter;
    private final Object defaultValue;
    private final Stage stage;

    /**
     * Say what the aggregate computes: its value, the partial state of it, the value of merged states,
     * or the state of merged states (a coarser rollup made from a finer one).
     */
    private enum Stage {
        VALUE, STATE, MERGE, MERGE_STATE
    }

    private Aggregate(String name, List<Object> params, List<Expression> args, boolean orNull, DataType type,
                      Condition filter, Object defaultValue, Stage stage) {
        this.name = FunctionCall.checkName(name);
        this.params = List.copyOf(params);
        this.args = List.copyOf(args);
        this.orNull = orNull;
        this.type = type;
        this.filter = filter;
        this.defaultValue = defaultValue;
        this.stage = stage;
    }

    /** Return the aggregate {@code name(args)}, NULL over no rows when {@code orNull}. */
    public static Aggregate of(String name, boolean orNull, DataType type, Object... args) {
        return new Aggregate(name, List.of(), Func.args(args), orNull, type, null, null, Stage.VALUE);
    }

    /** Return the parametric aggregate {@code name(params)(args)}, such as {@code quantile(0.9)(x)}. */
    public static Aggregate parametric(String name, List<?> params, boolean orNull, DataType type, Object... args) {
        return new Aggregate(name, new ArrayList<>(params), Func.args(args), orNull, type, null, null, Stage.VALUE);
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

    /** Return {@code uniqMerge(state)}: the distinct count of the {@code uniq} states in the column {@code state}. */
    public static Aggregate uniqMerge(Object state) {
        return uniq(state).merge();
    }

    /** Return {@code uniqExactMerge(state)}: the distinct count of the {@code uniqExact} states in {@code state}. */
    public static Aggregate uniqExactMerge(Object state) {
        return uniqExact(state).merge();
    }

    /** Return {@code quantilesMerge(levels...)(state)}: the quantiles of the {@code quantiles} states in {@code state}. */
    public static Aggregate quantilesMerge(List<Double> levels, Object state) {
        return quantiles(levels, state).merge();
    }

    /**
     * Return the partial state of this aggregate ({@code uniqState(user)}), the value an
     * {@code AggregateFunction} column stores: written by INSERT ... SELECT or a materialized view and
     * read back with {@link #merge()}. Its type is {@code AggregateFunction(f, T...)}. On a merge, the
     * state of the merged states ({@code Sum.of("hits").merge().state()}: {@code sumMergeState(hits)},
     * of the column's own type), to fill an hourly rollup from a per-minute one.
     *
     * @throws QueryException when this is already a state, or has a {@link #defaultValue}
     */
    public Aggregate state() {
        if (stage == Stage.MERGE && defaultValue == null) {
            return new Aggregate(name, params, args, orNull, type, filter, null, Stage.MERGE_STATE);
        }
        if (stage == Stage.STATE || stage == Stage.MERGE_STATE) {
            throw new QueryException("Cannot take the state of " + describe() + ": it is already a " + stageWord()
                    + ". Call state() on the plain aggregate, such as Sum.of(\"hits\").state().");
        }
        if (defaultValue != null) {
            throw new QueryException("Cannot take the state of " + describe() + " with a defaultValue: a state has no"
                    + " value to replace. Give the defaultValue to the merge that reads it back.");
        }
        return new Aggregate(name, params, args, orNull, type, filter, null, Stage.STATE);
    }

    /**
     * Return the merge of the states stored in this aggregate's one argument, the finished value
     * ({@code Sum.of("hits").merge()}: the sum of the sum states in {@code hits},
     * {@code sumMergeIfOrNull(hits, 1)}), NULL over no rows when the aggregate is.
     *
     * @throws QueryException when this is already a state or a merge, or has not exactly one argument
     *                        (then name the state column with {@link #merge(Object)})
     */
    public Aggregate merge() {
        if (stage != Stage.VALUE) {
            return merge(null);
        }
        if (args.size() != 1) {
            throw new QueryException("Cannot merge " + describe() + ": a merge reads one column of states and this"
                    + " aggregate has " + args.size() + " arguments. Name the state column: "
                    + name + "(...).merge(\"column\").");
        }
        return merge(args.get(0));
    }

    /**
     * Return the merge of the states of this aggregate stored in {@code stateColumn} (a field path or
     * an expression): {@code Aggregate.argMax("page", "ts").merge("last_page")} reads
     * {@code argMaxMergeIfOrNull(last_page, 1)}, the column that {@code argMax("page", "ts").state()} wrote.
     *
     * @throws QueryException when this is already a state or a merge
     */
    public Aggregate merge(Object stateColumn) {
        if (stage != Stage.VALUE) {
            throw new QueryException("Cannot merge " + describe() + ": it is already a " + stageWord()
                    + ". Call merge() on the plain aggregate, such as Sum.of(\"hits\").merge().");
        }
        return new Aggregate(name, params, Func.args(stateColumn), orNull, type, filter, defaultValue, Stage.MERGE);
    }

    /** Return this aggregate over only the rows matching {@code condition} (the -If combinator). */
    public Aggregate filter(Condition condition) {
        return new Aggregate(name, params, args, orNull, type, condition, defaultValue, stage);
    }

    /** Return this aggregate over only the rows matching the lookup {@code lookup=value}. */
    public Aggregate filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    /** Return this aggregate with {@code value} instead of NULL when no row is aggregated. */
    public Aggregate defaultValue(Object value) {
        if (stage == Stage.STATE || stage == Stage.MERGE_STATE) {
            throw new QueryException("Cannot give " + describe() + " a defaultValue: a state has no value to replace."
                    + " Give the defaultValue to the merge that reads it back.");
        }
        return new Aggregate(name, params, args, orNull, type, filter, value, stage);
    }

    /** Return the function name with its combinators, in the order explained in the class comment. */
    private String functionName() {
        return switch (stage) {
            case VALUE -> name + (filter != null ? "If" : "") + (orNull ? "OrNull" : "");
            case STATE -> name + "State" + (filter != null ? "If" : "");
            case MERGE -> name + "Merge" + (filter != null || orNull ? "If" : "") + (orNull ? "OrNull" : "");
            case MERGE_STATE -> name + "MergeState" + (filter != null ? "If" : "");
        };
    }

    @Override
    public void accept(RenderContext ctx) {
        if (defaultValue != null) {
            ctx.sql("coalesce(");
        }
        ctx.sql(functionName()).sql(parameters());
        ctx.sql('(').visit(args, ", ");
        if (filter != null) {
            ctx.sql(args.isEmpty() ? "" : ", ").visit(filter);
        } else if (stage == Stage.MERGE && orNull) {
            ctx.sql(", 1");
        }
        ctx.sql(')');
        if (defaultValue != null) {
            ctx.sql(", ").value(defaultValue, type).sql(')');
        }
    }

    /** Return the parameters as written after the name, {@code (0.5, 0.9)}, or nothing when there are none. */
    private String parameters() {
        if (params.isEmpty()) {
            return "";
        }
        RenderContext text = RenderContext.of(null).sql('(');
        for (int i = 0; i < params.size(); i++) {
            text.sql(i == 0 ? "" : ", ").value(params.get(i), null);
        }
        return text.sql(')').toString();
    }

    /** Return how this aggregate reads in a message: {@code sum(hits)}. */
    private String describe() {
        return name + args.stream().map(a -> a instanceof F f ? f.path() : "...")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String stageWord() {
        return (stage == Stage.MERGE ? "merge (" : "state (") + functionName() + ")";
    }

    @Override
    public DataType type(RenderContext ctx) {
        if (stage == Stage.STATE) {
            // count(*) has no argument type: its state is AggregateFunction(count); another function of * has none chorm knows.
            List<Expression> typed = args.stream().filter(a -> a != Func.STAR).toList();
            return typed.size() < args.size() && !name.equals("count") ? null
                    : AggregateTypes.state(name + parameters(), typed, ctx);
        }
        if (stage == Stage.MERGE) {
            DataType merged = AggregateTypes.merged(args.get(0), orNull, ctx);
            if (merged == null) {
                return type;
            }
            // coalesce(merge, default) is never NULL: the merged type without Nullable (the default is a value of it).
            return defaultValue != null && merged.kind() == TypeKind.NULLABLE ? merged.inner() : merged;
        }
        if (stage == Stage.MERGE_STATE) {
            DataType t = args.get(0).type(ctx);
            return t != null && t.kind() == TypeKind.AGGREGATE_FUNCTION ? t : null;
        }
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
