package dev.chorm.query.internal;

import dev.chorm.query.Expression;
import dev.chorm.query.Keyword;
import dev.chorm.query.QueryException;
import dev.chorm.query.QueryPart;
import dev.chorm.query.QuerySet;
import dev.chorm.query.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Render Django lookups ({@code exact}, {@code icontains}, {@code in}, {@code range}, array and map
 * lookups, ...) as ClickHouse conditions.
 *
 * <p>Text lookups use LIKE/ILIKE with {@code %}, {@code _} and {@code \} in the value escaped, and
 * apply {@code toString} to non-text operands (enums, IPs, UUIDs); a generic IP compares the text the
 * user reads, {@code 3.4.5.6} rather than {@code ::ffff:3.4.5.6}. Array lookups: {@code contains}
 * (hasAll), {@code contained_by}, {@code overlap} (hasAny), {@code any} (has); Map: {@code has_key}.
 * infi's names {@code ne}, {@code not_in} and {@code between} are accepted too.
 */
public final class Lookups {
    /** The lookups that apply to every type. */
    public static final List<String> COMMON = List.of("exact", "iexact", "ne", "gt", "gte", "lt", "lte", "in",
            "not_in", "range", "between", "isnull", "contains", "icontains", "startswith", "istartswith", "endswith",
            "iendswith", "regex", "iregex", "like");
    private static final List<String> ARRAY = List.of("contained_by", "overlap", "any");
    private static final List<String> MAP = List.of("has_key");
    private static final Set<String> ALL = allNames();

    private Lookups() {
    }

    private static Set<String> allNames() {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(ARRAY);
        all.addAll(MAP);
        return Set.copyOf(all);
    }

    /** Return {@code name} if it is a lookup chorm knows, else throw. */
    static String check(String name) {
        if (!ALL.contains(name)) {
            throw new QueryException("Unknown lookup '" + name + "'. Choices: " + String.join(", ", COMMON) + ", "
                    + String.join(", ", ARRAY) + ", " + String.join(", ", MAP) + ".");
        }
        return name;
    }

    /** Return the lookups that apply to an operand of {@code type} (null: unknown). */
    public static List<String> choices(DataType type) {
        List<String> out = new ArrayList<>(COMMON);
        TypeKind k = type == null ? null : type.base().kind();
        if (k == TypeKind.ARRAY) {
            out.addAll(ARRAY);
        } else if (k == TypeKind.MAP) {
            out.addAll(MAP);
        }
        return out;
    }

    /** Return whether {@code name} is a lookup that applies to an operand of {@code type}. */
    public static boolean applies(String name, DataType type) {
        return choices(type).contains(name);
    }

    /** Write {@code lhs <lookup> value} into {@code ctx}. */
    static void render(RenderContext ctx, Expression lhs, String lookup, Object value) {
        DataType type = lhs.type(ctx);
        TypeKind kind = type == null ? null : type.base().kind();
        switch (lookup) {
            case "exact" -> compare(ctx, lhs, value == null ? null : "=", value, type);
            case "ne" -> {
                if (value == null) {
                    // "not equal to NULL" asks for the rows that have a value, as infi's ne does.
                    ctx.sql("isNotNull(").visit(lhs).sql(')');
                } else {
                    compare(ctx, lhs, "!=", value, type);
                }
            }
            case "gt" -> compare(ctx, lhs, ">", value, type);
            case "gte" -> compare(ctx, lhs, ">=", value, type);
            case "lt" -> compare(ctx, lhs, "<", value, type);
            case "lte" -> compare(ctx, lhs, "<=", value, type);
            case "iexact" -> ctx.sql("lowerUTF8(").visit(text(lhs, kind)).sql(") = lowerUTF8(")
                    .value(value, DataType.string()).sql(')');
            case "in" -> in(ctx, lhs, Keyword.IN, value, type);
            case "not_in" -> in(ctx, lhs, Keyword.NOT_IN, value, type);
            case "range", "between" -> range(ctx, lhs, value, type);
            case "isnull" -> ctx.sql(Boolean.TRUE.equals(value) ? "isNull(" : "isNotNull(").visit(lhs).sql(')');
            case "contained_by" -> call(ctx, "hasAll", value, lhs, type);
            case "overlap" -> call(ctx, "hasAny", lhs, value, type);
            case "any" -> call(ctx, "has", lhs, value, kind == TypeKind.ARRAY ? type.base().inner() : null);
            case "has_key" -> call(ctx, "mapContains", lhs, value, kind == TypeKind.MAP ? type.base().keyType() : null);
            case "regex", "iregex" -> regex(ctx, lhs, kind, value, lookup.equals("iregex"));
            case "like" -> ctx.visit(text(lhs, kind)).sql(' ').visit(Keyword.LIKE).sql(' ').value(value, DataType.string());
            case "contains" -> {
                if (kind == TypeKind.ARRAY) {
                    call(ctx, "hasAll", lhs, value, type);
                } else {
                    like(ctx, lhs, kind, value, "%", "%", false);
                }
            }
            case "icontains" -> like(ctx, lhs, kind, value, "%", "%", true);
            case "startswith" -> like(ctx, lhs, kind, value, "", "%", false);
            case "istartswith" -> like(ctx, lhs, kind, value, "", "%", true);
            case "endswith" -> like(ctx, lhs, kind, value, "%", "", false);
            case "iendswith" -> like(ctx, lhs, kind, value, "%", "", true);
            default -> throw new QueryException("Unknown lookup '" + lookup + "'.");
        }
    }

    private static void compare(RenderContext ctx, Expression lhs, String op, Object value, DataType type) {
        if (op == null) {
            ctx.sql("isNull(").visit(lhs).sql(')');
            return;
        }
        ctx.visit(lhs).sql(' ').sql(op).sql(' ').value(value, type);
    }

    private static void call(RenderContext ctx, String function, Object first, Object second, DataType type) {
        ctx.sql(function).sql('(');
        ctx.value(first, first instanceof QueryPart ? null : type);
        ctx.sql(", ");
        ctx.value(second, second instanceof QueryPart ? null : type);
        ctx.sql(')');
    }

    private static void in(RenderContext ctx, Expression lhs, Keyword keyword, Object value, DataType type) {
        if (value instanceof QuerySet<?> || value instanceof QueryPart) {
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

    private static void range(RenderContext ctx, Expression lhs, Object value, DataType type) {
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

    private static void like(RenderContext ctx, Expression lhs, TypeKind kind, Object value, String before,
                             String after, boolean insensitive) {
        ctx.visit(text(lhs, kind)).sql(' ').visit(insensitive ? Keyword.ILIKE : Keyword.LIKE).sql(' ');
        if (value instanceof QueryPart part) {
            ctx.sql("concat(").value(before, null).sql(", ").visit(part).sql(", ").value(after, null).sql(')');
        } else {
            ctx.value(before + escapeLike(String.valueOf(value)) + after, DataType.string());
        }
    }

    private static void regex(RenderContext ctx, Expression lhs, TypeKind kind, Object value, boolean insensitive) {
        ctx.sql("match(").visit(text(lhs, kind)).sql(", ");
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
