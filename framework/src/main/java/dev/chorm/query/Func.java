package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.FunctionCall;
import dev.chorm.query.expr.Literal;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Build ClickHouse function calls, typed helpers for the common ones and {@link #of} for any other.
 *
 * <p>As in Django, a {@code String} argument is a field path ({@code "timestamp"},
 * {@code "customer__country"}); wrap a literal string in {@link #value(Object)}. Other arguments
 * (numbers, dates, expressions, conditions) are used as given.
 * <pre>{@code
 * events.values("protocol").annotate("day", Func.toStartOfDay("timestamp"))
 * Func.of("replaceAll", "protocol", Func.value("-"), Func.value("_"))
 * }</pre>
 */
public final class Func {
    private Func() {
    }

    /** Return the call {@code name(args...)} of any ClickHouse function; the name must be a plain identifier. */
    public static Expression of(String name, Object... args) {
        return new FunctionCall(name, args(args), null, false);
    }

    /** Return the call {@code name(args...)} whose result has ClickHouse type {@code type}. */
    public static Expression typed(String name, DataType type, Object... args) {
        return new FunctionCall(name, args(args), type, false);
    }

    /** Return {@code value} as a literal operand (a string stays a string, not a field path). */
    public static Expression value(Object value) {
        return new Literal(value, null);
    }

    /** Return {@code value} as a literal of ClickHouse type {@code type}. */
    public static Expression value(Object value, DataType type) {
        return new Literal(value, type);
    }

    /** Return a quoted name as an operand: a CTE ({@code in} a {@link QuerySet#withCte} name), an alias. */
    public static Expression identifier(String name) {
        return new Identifier(Objects.requireNonNull(name, "name == null"));
    }

    /** Turn arguments into operands: strings into field references, expressions as they are, the rest into literals. */
    static List<Expression> args(Object... args) {
        List<Expression> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add("*".equals(a) ? STAR : a instanceof String s ? F.of(s) : a instanceof Expression e ? e
                    : a instanceof Condition c ? new ConditionExpression(c) : new Literal(a, null));
        }
        return out;
    }

    private static Expression call(String name, DataType type, Object... args) {
        return new FunctionCall(name, args(args), type, false);
    }

    /** Return {@code toYYYYMM(t)}. */
    public static Expression toYYYYMM(Object t) {
        return call("toYYYYMM", DataType.uint32(), t);
    }

    /** Return {@code toYYYYMMDD(t)}. */
    public static Expression toYYYYMMDD(Object t) {
        return call("toYYYYMMDD", DataType.uint32(), t);
    }

    /** Return {@code toStartOfDay(t)}. */
    public static Expression toStartOfDay(Object t) {
        return call("toStartOfDay", null, t);
    }

    /** Return {@code toStartOfHour(t)}. */
    public static Expression toStartOfHour(Object t) {
        return call("toStartOfHour", null, t);
    }

    /** Return {@code toStartOfMinute(t)}. */
    public static Expression toStartOfMinute(Object t) {
        return call("toStartOfMinute", null, t);
    }

    /** Return {@code toStartOfMonth(t)}. */
    public static Expression toStartOfMonth(Object t) {
        return call("toStartOfMonth", DataType.date(), t);
    }

    /**
     * Return {@code toStartOfInterval(t, toIntervalUnit(n))}, for example
     * {@code toStartOfInterval("timestamp", 15, "minute")}.
     *
     * @param unit one of second, minute, hour, day, week, month, quarter, year
     */
    public static Expression toStartOfInterval(Object t, long n, String unit) {
        String u = switch (unit.toLowerCase(java.util.Locale.ROOT)) {
            case "second" -> "Second";
            case "minute" -> "Minute";
            case "hour" -> "Hour";
            case "day" -> "Day";
            case "week" -> "Week";
            case "month" -> "Month";
            case "quarter" -> "Quarter";
            case "year" -> "Year";
            default -> throw new QueryException("Unknown interval unit '" + unit
                    + "'. Choices: second, minute, hour, day, week, month, quarter, year.");
        };
        return call("toStartOfInterval", null, t, call("toInterval" + u, null, n));
    }

    /** Return {@code toDate(t)}. */
    public static Expression toDate(Object t) {
        return call("toDate", DataType.date(), t);
    }

    /** Return {@code dateDiff('unit', start, end)}, for example {@code dateDiff("day", "start", "end")}. */
    public static Expression dateDiff(String unit, Object start, Object end) {
        return call("dateDiff", DataType.int64(), value(unit), start, end);
    }

    /** Return {@code now()}. */
    public static Expression now() {
        return call("now", DataType.dateTime());
    }

    /** Return {@code today()}. */
    public static Expression today() {
        return call("today", DataType.date());
    }

    /** Return {@code lowerUTF8(s)}. */
    public static Expression lower(Object s) {
        return call("lowerUTF8", DataType.string(), s);
    }

    /** Return {@code upperUTF8(s)}. */
    public static Expression upper(Object s) {
        return call("upperUTF8", DataType.string(), s);
    }

    /** Return {@code length(x)}: bytes of a string, elements of an array or map. */
    public static Expression length(Object x) {
        return call("length", DataType.uint64(), x);
    }

    /** Return {@code concat(parts...)}. */
    public static Expression concat(Object... parts) {
        return call("concat", DataType.string(), parts);
    }

    /** Return {@code if(condition, then, otherwise)}. */
    public static Expression ifElse(Condition condition, Object then, Object otherwise) {
        return call("if", null, condition, then, otherwise);
    }

    /** Return {@code multiIf(cond1, then1, cond2, then2, ..., otherwise)}. */
    public static Expression multiIf(Object... conditionsAndValues) {
        if (conditionsAndValues.length % 2 == 0) {
            throw new QueryException("multiIf needs condition/value pairs and a final value, got "
                    + conditionsAndValues.length + " arguments.");
        }
        return call("multiIf", null, conditionsAndValues);
    }

    /** Return {@code coalesce(values...)}: the first non-NULL value. */
    public static Expression coalesce(Object... values) {
        return call("coalesce", null, values);
    }

    /** Return {@code cityHash64(values...)}. */
    public static Expression cityHash64(Object... values) {
        return call("cityHash64", DataType.uint64(), values);
    }

    /** Return {@code sipHash64(values...)}. */
    public static Expression sipHash64(Object... values) {
        return call("sipHash64", DataType.uint64(), values);
    }

    /** Return {@code xxHash64(values...)}. */
    public static Expression xxHash64(Object... values) {
        return call("xxHash64", DataType.uint64(), values);
    }

    /** Return {@code murmurHash3_64(values...)}. */
    public static Expression murmurHash3_64(Object... values) {
        return call("murmurHash3_64", DataType.uint64(), values);
    }

    /** Return {@code rand()}: a random UInt32. */
    public static Expression rand() {
        return call("rand", DataType.uint32());
    }

    /** Return {@code generateUUIDv4()}. */
    public static Expression generateUUIDv4() {
        return call("generateUUIDv4", DataType.uuid());
    }

    /** Return {@code generateUUIDv7()}: time-ordered UUIDs. */
    public static Expression generateUUIDv7() {
        return call("generateUUIDv7", DataType.uuid());
    }

    /** Return {@code generateSnowflakeID()}: time-ordered 64-bit ids, like chorm's {@code Model.id}. */
    public static Expression generateSnowflakeID() {
        return call("generateSnowflakeID", DataType.uint64());
    }

    /** The argument {@code *} of {@code count(*)} or {@code uniq(*)}: the whole row. */
    static final Expression STAR = ctx -> ctx.sql('*');

    /** Render a quoted identifier. */
    private record Identifier(String name) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.identifier(name);
        }
    }

    /** Wrap a condition so that it can be an argument ({@code if}, {@code multiIf}). */
    private record ConditionExpression(Condition condition) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.visit(condition);
        }
    }
}
