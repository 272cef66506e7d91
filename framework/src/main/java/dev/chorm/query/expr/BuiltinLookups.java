package dev.chorm.query.expr;

import dev.chorm.QueryException;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.Primitives;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * chorm's own Django lookups ({@code exact}, {@code icontains}, {@code in}, {@code range}, array and
 * map lookups, ...), each a {@link Lookup} that renders itself as a ClickHouse condition; the typed
 * {@link Expression} methods ({@code eq}, {@code gt}, ...) use these constants directly.
 *
 * <p>Text lookups use LIKE/ILIKE with {@code %}, {@code _} and {@code \} in the value escaped, and
 * apply {@code toString} to non-text operands (enums, IPs, UUIDs); a generic IP compares the text the
 * user reads, {@code 3.4.5.6} rather than {@code ::ffff:3.4.5.6}. Array lookups: {@code contains}
 * (hasAll), {@code contained_by}, {@code overlap} (hasAny), {@code any} (has); Map: {@code has_key}.
 * infi's names {@code ne}, {@code not_in} and {@code between} are accepted too.
 */
public final class BuiltinLookups {
    private static final Predicate<DataType> ARRAY = type -> kind(type) == TypeKind.ARRAY;
    private static final Predicate<DataType> MAP = type -> kind(type) == TypeKind.MAP;

    public static final Lookup EXACT = common("exact",
            (ctx, lhs, value) -> compare(ctx, lhs, value == null ? null : "=", value));
    public static final Lookup IEXACT = common("iexact", (ctx, lhs, value) -> ctx.sql("lowerUTF8(")
            .visit(text(lhs, kind(lhs.type(ctx)))).sql(") = lowerUTF8(").value(value, DataType.string()).sql(')'));
    public static final Lookup NE = common("ne", (ctx, lhs, value) -> {
        if (value == null) {
            // "not equal to NULL" asks for the rows that have a value, as infi's ne does.
            ctx.sql("isNotNull(").visit(lhs).sql(')');
        } else {
            compare(ctx, lhs, "!=", value);
        }
    });
    public static final Lookup GT = common("gt", (ctx, lhs, value) -> compare(ctx, lhs, ">", value));
    public static final Lookup GTE = common("gte", (ctx, lhs, value) -> compare(ctx, lhs, ">=", value));
    public static final Lookup LT = common("lt", (ctx, lhs, value) -> compare(ctx, lhs, "<", value));
    public static final Lookup LTE = common("lte", (ctx, lhs, value) -> compare(ctx, lhs, "<=", value));
    public static final Lookup IN = common("in", (ctx, lhs, value) -> in(ctx, lhs, Keyword.IN, value));
    public static final Lookup NOT_IN = common("not_in", (ctx, lhs, value) -> in(ctx, lhs, Keyword.NOT_IN, value));
    public static final Lookup RANGE = common("range", BuiltinLookups::range);
    public static final Lookup BETWEEN = common("between", BuiltinLookups::range);
    public static final Lookup ISNULL = common("isnull", (ctx, lhs, value) ->
            ctx.sql(Boolean.TRUE.equals(value) ? "isNull(" : "isNotNull(").visit(lhs).sql(')'));
    public static final Lookup CONTAINS = common("contains", (ctx, lhs, value) -> {
        DataType type = lhs.type(ctx);
        if (kind(type) == TypeKind.ARRAY) {
            call(ctx, "hasAll", lhs, value, type);
        } else {
            like(ctx, lhs, value, "%", "%", false);
        }
    });
    public static final Lookup ICONTAINS = common("icontains", (ctx, lhs, value) -> like(ctx, lhs, value, "%", "%", true));
    public static final Lookup STARTSWITH = common("startswith", (ctx, lhs, value) -> like(ctx, lhs, value, "", "%", false));
    public static final Lookup ISTARTSWITH = common("istartswith", (ctx, lhs, value) -> like(ctx, lhs, value, "", "%", true));
    public static final Lookup ENDSWITH = common("endswith", (ctx, lhs, value) -> like(ctx, lhs, value, "%", "", false));
    public static final Lookup IENDSWITH = common("iendswith", (ctx, lhs, value) -> like(ctx, lhs, value, "%", "", true));
    public static final Lookup REGEX = common("regex", (ctx, lhs, value) -> regex(ctx, lhs, value, false));
    public static final Lookup IREGEX = common("iregex", (ctx, lhs, value) -> regex(ctx, lhs, value, true));
    public static final Lookup LIKE = common("like", (ctx, lhs, value) -> ctx.visit(text(lhs, kind(lhs.type(ctx))))
            .sql(' ').visit(Keyword.LIKE).sql(' ').value(value, DataType.string()));
    public static final Lookup CONTAINED_BY = Lookup.of("contained_by", ARRAY,
            (ctx, lhs, value) -> call(ctx, "hasAll", value, lhs, lhs.type(ctx)));
    public static final Lookup OVERLAP = Lookup.of("overlap", ARRAY,
            (ctx, lhs, value) -> call(ctx, "hasAny", lhs, value, lhs.type(ctx)));
    public static final Lookup ANY = Lookup.of("any", ARRAY, (ctx, lhs, value) -> {
        DataType type = lhs.type(ctx);
        call(ctx, "has", lhs, value, kind(type) == TypeKind.ARRAY ? type.base().inner() : null);
    });
    public static final Lookup HAS_KEY = Lookup.of("has_key", MAP, (ctx, lhs, value) -> {
        DataType type = lhs.type(ctx);
        call(ctx, "mapContains", lhs, value, kind(type) == TypeKind.MAP ? type.base().keyType() : null);
    });

    /** Every built-in lookup: those for every type first, then the Array and Map ones, the order of the choices messages list. */
    public static final List<Lookup> ALL = List.of(EXACT, IEXACT, NE, GT, GTE, LT, LTE, IN, NOT_IN, RANGE, BETWEEN,
            ISNULL, CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH, REGEX, IREGEX, LIKE, CONTAINED_BY,
            OVERLAP, ANY, HAS_KEY);

    private BuiltinLookups() {
    }

    private static Lookup common(String name, Lookup.Renderer renderer) {
        return Lookup.of(name, renderer);
    }

    private static TypeKind kind(DataType type) {
        return type == null ? null : type.base().kind();
    }

    private static void compare(RenderContext ctx, Expression lhs, String op, Object value) {
        if (op == null) {
            ctx.sql("isNull(").visit(lhs).sql(')');
            return;
        }
        ctx.visit(lhs).sql(' ').sql(op).sql(' ').value(value, lhs.type(ctx));
    }

    private static void call(RenderContext ctx, String function, Object first, Object second, DataType type) {
        ctx.sql(function).sql('(');
        ctx.value(first, first instanceof QueryPart ? null : type);
        ctx.sql(", ");
        ctx.value(second, second instanceof QueryPart ? null : type);
        ctx.sql(')');
    }

    private static void in(RenderContext ctx, Expression lhs, Keyword keyword, Object value) {
        DataType type = lhs.type(ctx);
        if (value instanceof QueryPart) { // a QuerySet is one
            ctx.visit(lhs).sql(' ').visit(keyword).sql(' ').value(value, null);
            return;
        }
        List<Object> items = items(value, "in");
        if (items.isEmpty()) {
            ctx.sql(keyword == Keyword.IN ? "0" : "1");
            return;
        }
        ctx.visit(lhs).sql(' ').visit(keyword).sql(" (");
        for (int i = 0; i < items.size(); i++) {
            ctx.sql(i == 0 ? "" : ", ").value(items.get(i), type);
        }
        ctx.sql(')');
    }

    private static void range(RenderContext ctx, Expression lhs, Object value) {
        DataType type = lhs.type(ctx);
        List<Object> bounds = items(value, "range");
        if (bounds.size() != 2) {
            throw new QueryException("A range lookup needs two bounds, got " + bounds.size() + ": " + value);
        }
        ctx.visit(lhs).sql(' ').visit(Keyword.BETWEEN).sql(' ').value(bounds.get(0), type).sql(' ')
                .visit(Keyword.AND).sql(' ').value(bounds.get(1), type);
    }

    private static List<Object> items(Object value, String lookup) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        if (value != null && value.getClass().isArray()) {
            return Primitives.boxed(value);
        }
        throw new QueryException("The '" + lookup + "' lookup needs a collection or a QuerySet, got "
                + (value == null ? "null" : value.getClass().getSimpleName()) + ".");
    }

    private static void like(RenderContext ctx, Expression lhs, Object value, String before, String after,
                             boolean insensitive) {
        ctx.visit(text(lhs, kind(lhs.type(ctx)))).sql(' ').visit(insensitive ? Keyword.ILIKE : Keyword.LIKE).sql(' ');
        if (value instanceof QueryPart part) {
            ctx.sql("concat(").value(before, null).sql(", ").visit(part).sql(", ").value(after, null).sql(')');
        } else {
            ctx.value(before + escapeLike(String.valueOf(value)) + after, DataType.string());
        }
    }

    private static void regex(RenderContext ctx, Expression lhs, Object value, boolean insensitive) {
        ctx.sql("match(").visit(text(lhs, kind(lhs.type(ctx)))).sql(", ");
        if (value instanceof QueryPart part) {
            ctx.visit(part);
        } else {
            ctx.value((insensitive ? "(?i)" : "") + value, DataType.string());
        }
        ctx.sql(')');
    }

    private static Expression text(Expression lhs, TypeKind kind) {
        if (lhs instanceof JavaView.GenericIpOperand ip) {
            return ip.text();
        }
        boolean isText = kind == null || kind == TypeKind.STRING || kind == TypeKind.FIXED_STRING
                || kind == TypeKind.JSON;
        return isText ? lhs : new FunctionCall("toString", List.of(lhs), DataType.string(), false);
    }

    /** Return {@code text} with LIKE's wildcards and escape character escaped. */
    static String escapeLike(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
