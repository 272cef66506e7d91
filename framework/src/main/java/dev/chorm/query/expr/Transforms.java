package dev.chorm.query.expr;

import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apply Django transforms to an operand: date parts of dates and times, and the parts of arrays,
 * maps, tuples and JSON.
 *
 * <ul>
 * <li>dates and times: {@code date} (toDate32), {@code year}, {@code iso_year}, {@code quarter}, {@code month},
 *     {@code week} (ISO week), {@code week_day} (1 = Sunday .. 7 = Saturday, as Django), {@code iso_week_day},
 *     {@code day}; and for DateTime types {@code hour}, {@code minute}, {@code second}</li>
 * <li>Array: {@code len}, an index {@code 1} (0-based, as the reference backend: {@code tags__0} is the
 *     first element), a slice {@code 1_3} (Python's {@code [1:3]})</li>
 * <li>Map: {@code len}, {@code keys}, {@code values}, any other name is a key</li>
 * <li>Tuple: an index (0-based) or an element name</li>
 * <li>JSON: any name is a key, a number indexes an array</li>
 * </ul>
 */
final class Transforms {
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Pattern SLICE = Pattern.compile("(\\d+)_(\\d+)");
    private static final Map<String, String> DATE_PARTS = Map.of("year", "toYear", "iso_year", "toISOYear",
            "quarter", "toQuarter", "month", "toMonth", "week", "toISOWeek", "iso_week_day", "toDayOfWeek",
            "day", "toDayOfMonth");
    private static final Map<String, String> TIME_PARTS = Map.of("hour", "toHour", "minute", "toMinute",
            "second", "toSecond");

    private Transforms() {
    }

    /** Return {@code operand} transformed by {@code name}, or null when {@code name} does not apply to {@code type}. */
    static Expression apply(Expression operand, DataType type, String name) {
        DataType base = type == null ? null : type.base();
        if (base == null) {
            return null;
        }
        TypeKind k = base.kind();
        if (k.isTemporal()) {
            return temporal(operand, k, name);
        }
        return switch (k) {
            case ARRAY -> array(operand, base, name);
            case MAP -> map(operand, base, name);
            case TUPLE -> tuple(operand, base, name);
            case JSON -> INDEX.matcher(name).matches()
                    ? call("arrayElement", DataType.json(), operand, Integer.parseInt(name) + 1)
                    : new JsonPath(operand, name);
            default -> null;
        };
    }

    /** Return the transforms that apply to {@code type}, for error messages. */
    static List<String> choices(DataType type) {
        DataType base = type == null ? null : type.base();
        List<String> out = new ArrayList<>();
        if (base == null) {
            return out;
        }
        TypeKind k = base.kind();
        if (k.isTemporal()) {
            out.addAll(List.of("date", "year", "iso_year", "quarter", "month", "week", "week_day", "iso_week_day",
                    "day"));
            if (k == TypeKind.DATETIME || k == TypeKind.DATETIME64) {
                out.addAll(List.of("hour", "minute", "second"));
            }
        } else if (k == TypeKind.ARRAY) {
            out.addAll(List.of("len", "<index>", "<start>_<end>"));
        } else if (k == TypeKind.MAP) {
            out.addAll(List.of("len", "keys", "values", "<key>"));
        } else if (k == TypeKind.TUPLE) {
            out.add("<index>");
            out.addAll(base.names());
        } else if (k == TypeKind.JSON) {
            out.add("<key>");
        }
        return out;
    }

    private static Expression temporal(Expression operand, TypeKind k, String name) {
        if (name.equals("date")) {
            return call("toDate32", DataType.date32(), operand);
        }
        if (name.equals("week_day")) {
            return call("toDayOfWeek", DataType.uint8(), operand, 3);
        }
        String f = DATE_PARTS.get(name);
        if (f == null && (k == TypeKind.DATETIME || k == TypeKind.DATETIME64)) {
            f = TIME_PARTS.get(name);
        }
        if (f == null) {
            return null;
        }
        return call(f, name.equals("year") || name.equals("iso_year") ? DataType.uint16() : DataType.uint8(), operand);
    }

    private static Expression array(Expression operand, DataType base, String name) {
        if (name.equals("len")) {
            return call("length", DataType.uint64(), operand);
        }
        if (INDEX.matcher(name).matches()) {
            return call("arrayElement", base.inner(), operand, Long.parseLong(name) + 1);
        }
        Matcher m = SLICE.matcher(name);
        if (m.matches()) {
            long start = Long.parseLong(m.group(1));
            long end = Long.parseLong(m.group(2));
            return call("arraySlice", base, operand, start + 1, Math.max(end - start, 0));
        }
        return null;
    }

    private static Expression map(Expression operand, DataType base, String name) {
        return switch (name) {
            case "len" -> call("length", DataType.uint64(), operand);
            case "keys" -> call("mapKeys", DataType.array(base.keyType()), operand);
            case "values" -> call("mapValues", DataType.array(base.valueType()), operand);
            default -> new FunctionCall("arrayElement", List.of(operand, new Literal(name, base.keyType())),
                    base.valueType(), false);
        };
    }

    private static Expression tuple(Expression operand, DataType base, String name) {
        if (INDEX.matcher(name).matches()) {
            int i = Integer.parseInt(name);
            return i < base.arguments().size()
                    ? call("tupleElement", base.arguments().get(i), operand, i + 1) : null;
        }
        int i = base.names().indexOf(name);
        return i < 0 ? null : call("tupleElement", base.arguments().get(i), operand, new Literal(name, null));
    }

    private static Expression call(String function, DataType type, Object... args) {
        return new FunctionCall(function, List.of(args), type, false);
    }
}
