package dev.chorm.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Parse ClickHouse type text into {@link DataType}: the canonical spelling of {@code system.columns}
 * plus the aliases ClickHouse accepts in DDL ({@code Decimal32(S)}, {@code DateTime32}, {@code Enum(...)},
 * {@code Boolean}, {@code Decimal(P)}).
 */
final class DataTypeParser {
    private final String text;
    private int pos;

    DataTypeParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("type == null");
        }
        this.text = text;
    }

    DataType parseAll() {
        DataType t = parseType();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return t;
    }

    private DataType parseType() {
        skipSpaces();
        String name = identifier();
        return switch (name) {
            case "Int8", "Int16", "Int32", "Int64", "Int128", "Int256", "UInt8", "UInt16", "UInt32", "UInt64",
                 "UInt128", "UInt256", "Float32", "Float64", "Bool", "String", "UUID", "Date", "Date32",
                 "IPv4", "IPv6" -> DataType.of(TypeKind.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            case "Boolean" -> DataType.bool();
            case "BFloat16" -> DataType.bfloat16();
            case "Time" -> DataType.time();
            case "Time64" -> DataType.time64(singleInt());
            case "Point" -> DataType.point();
            case "Ring" -> DataType.ring();
            case "LineString" -> DataType.lineString();
            case "MultiLineString" -> DataType.multiLineString();
            case "Polygon" -> DataType.polygon();
            case "MultiPolygon" -> DataType.multiPolygon();
            case "Variant" -> variant();
            case "Dynamic" -> peek('(') ? DataType.dynamic(parenthesized()) : DataType.dynamic();
            case "Nested" -> nested();
            case "Decimal" -> decimal();
            case "Decimal32" -> DataType.decimal(9, singleInt());
            case "Decimal64" -> DataType.decimal(18, singleInt());
            case "Decimal128" -> DataType.decimal(38, singleInt());
            case "Decimal256" -> DataType.decimal(76, singleInt());
            case "FixedString" -> DataType.fixedString(singleInt());
            case "DateTime", "DateTime32" -> DataType.dateTime(optionalZone());
            case "DateTime64" -> dateTime64();
            case "Enum8" -> DataType.enum8(enumEntries());
            case "Enum16" -> DataType.enum16(enumEntries());
            case "Enum" -> autoEnum(enumEntries());
            case "Array" -> DataType.array(single());
            case "Nullable" -> DataType.nullable(single());
            case "LowCardinality" -> DataType.lowCardinality(single());
            case "Map" -> map();
            case "Tuple" -> tuple();
            case "JSON" -> json();
            case "AggregateFunction" -> aggregateFunction();
            case "SimpleAggregateFunction" -> simpleAggregateFunction();
            default -> throw error("unknown type '" + name + "'");
        };
    }

    private DataType decimal() {
        expect('(');
        int precision = integer();
        int scale = 0;
        if (peek(',')) {
            expect(',');
            scale = integer();
        }
        expect(')');
        return DataType.decimal(precision, scale);
    }

    private DataType dateTime64() {
        expect('(');
        int precision = integer();
        String zone = null;
        if (peek(',')) {
            expect(',');
            zone = quoted();
        }
        expect(')');
        return DataType.dateTime64(precision, zone);
    }

    private String optionalZone() {
        if (!peek('(')) {
            return null;
        }
        expect('(');
        String zone = quoted();
        expect(')');
        return zone;
    }

    private List<DataType.EnumEntry> enumEntries() {
        expect('(');
        List<DataType.EnumEntry> entries = new ArrayList<>();
        do {
            String label = quoted();
            expect('=');
            entries.add(new DataType.EnumEntry(label, integer()));
        } while (comma());
        expect(')');
        return entries;
    }

    private static DataType autoEnum(List<DataType.EnumEntry> entries) {
        boolean fits8 = entries.stream().allMatch(e -> e.value() >= Byte.MIN_VALUE && e.value() <= Byte.MAX_VALUE);
        return fits8 ? DataType.enum8(entries) : DataType.enum16(entries);
    }

    private DataType single() {
        expect('(');
        DataType inner = parseType();
        expect(')');
        return inner;
    }

    private DataType map() {
        expect('(');
        DataType key = parseType();
        expect(',');
        DataType value = parseType();
        expect(')');
        return DataType.map(key, value);
    }

    private DataType tuple() {
        expect('(');
        List<String> names = new ArrayList<>();
        List<DataType> elements = new ArrayList<>();
        do {
            skipSpaces();
            int start = pos;
            String name = peek('`') ? backQuoted() : identifier();
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')' && text.charAt(pos) != '(') {
                names.add(name);
                elements.add(parseType());
            } else {
                pos = start;
                elements.add(parseType());
            }
        } while (comma());
        expect(')');
        if (!names.isEmpty() && names.size() != elements.size()) {
            throw error("a Tuple must name all of its elements or none");
        }
        return DataType.tuple(names, elements);
    }

    private DataType variant() {
        expect('(');
        List<DataType> variants = new ArrayList<>();
        do {
            variants.add(parseType());
        } while (comma());
        expect(')');
        return DataType.variant(variants);
    }

    private DataType nested() {
        DataType t = tuple();
        if (t.names().isEmpty()) {
            throw error("a Nested must name its columns");
        }
        return DataType.nested(t.names(), t.arguments());
    }

    private DataType json() {
        return peek('(') ? DataType.json(parenthesized()) : DataType.json();
    }

    /** Read {@code (text)} with balanced parentheses and return the text as written. */
    private String parenthesized() {
        expect('(');
        int start = pos;
        int depth = 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'' || c == '`') {
                skipQuoted(c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
            pos++;
        }
        String params = text.substring(start, pos);
        expect(')');
        return params;
    }

    /** Read {@code AggregateFunction([version, ]function[(params)][, T...])}. */
    private DataType aggregateFunction() {
        expect('(');
        skipSpaces();
        int version = -1;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            version = integer();
            expect(',');
        }
        String function = function();
        List<DataType> args = new ArrayList<>();
        while (comma()) {
            args.add(parseType());
        }
        expect(')');
        // Without a version the column has the function's default one, as ClickHouse would create it.
        return version < 0 ? DataType.aggregateFunction(function, args) : DataType.aggregateFunction(version, function, args);
    }

    private DataType simpleAggregateFunction() {
        expect('(');
        String function = function();
        expect(',');
        DataType arg = parseType();
        expect(')');
        return DataType.simpleAggregateFunction(function, arg);
    }

    /** Read a function name with its optional parameter list, such as {@code quantiles(0.5, 0.9)}. */
    private String function() {
        skipSpaces();
        int start = pos;
        identifier();
        if (peek('(')) {
            int depth = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\'' || c == '`') {
                    skipQuoted(c);
                    continue;
                }
                pos++;
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            if (depth != 0) {
                throw error("unbalanced parentheses in the aggregate function");
            }
        }
        try {
            return AggregateFunctionText.normalize(text.substring(start, pos));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private void skipQuoted(char quote) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private int singleInt() {
        expect('(');
        int value = integer();
        expect(')');
        return value;
    }

    private boolean comma() {
        if (peek(',')) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private int integer() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a number");
        }
    }

    private String quoted() {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != '\'') {
            throw error("expected a quoted string");
        }
        return unescape('\'');
    }

    private String backQuoted() {
        return unescape('`');
    }

    /** Read a literal quoted with {@code quote}, undoing backslash escapes and doubled quotes. */
    private String unescape(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated " + quote + "-quoted text");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    out.append(quote);
                    pos++;
                    continue;
                }
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(
                "Cannot parse ClickHouse type '" + text + "' at position " + pos + ": " + what + ".");
    }
}
