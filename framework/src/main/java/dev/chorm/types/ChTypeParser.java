package dev.chorm.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Parse ClickHouse type text into {@link ChType}: the canonical spelling of {@code system.columns}
 * plus the aliases ClickHouse accepts in DDL ({@code Decimal32(S)}, {@code DateTime32}, {@code Enum(...)},
 * {@code Boolean}, {@code Decimal(P)}).
 */
final class ChTypeParser {
    private final String text;
    private int pos;

    ChTypeParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("type == null");
        }
        this.text = text;
    }

    ChType parseAll() {
        ChType t = parseType();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return t;
    }

    private ChType parseType() {
        skipSpaces();
        String name = identifier();
        return switch (name) {
            case "Int8", "Int16", "Int32", "Int64", "Int128", "Int256", "UInt8", "UInt16", "UInt32", "UInt64",
                 "UInt128", "UInt256", "Float32", "Float64", "Bool", "String", "UUID", "Date", "Date32",
                 "IPv4", "IPv6" -> ChType.of(TypeKind.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            case "Boolean" -> ChType.bool();
            case "Decimal" -> decimal();
            case "Decimal32" -> ChType.decimal(9, singleInt());
            case "Decimal64" -> ChType.decimal(18, singleInt());
            case "Decimal128" -> ChType.decimal(38, singleInt());
            case "Decimal256" -> ChType.decimal(76, singleInt());
            case "FixedString" -> ChType.fixedString(singleInt());
            case "DateTime", "DateTime32" -> ChType.dateTime(optionalZone());
            case "DateTime64" -> dateTime64();
            case "Enum8" -> ChType.enum8(enumEntries());
            case "Enum16" -> ChType.enum16(enumEntries());
            case "Enum" -> autoEnum(enumEntries());
            case "Array" -> ChType.array(single());
            case "Nullable" -> ChType.nullable(single());
            case "LowCardinality" -> ChType.lowCardinality(single());
            case "Map" -> map();
            case "Tuple" -> tuple();
            case "JSON" -> json();
            default -> throw error("unknown type '" + name + "'");
        };
    }

    private ChType decimal() {
        expect('(');
        int precision = integer();
        int scale = 0;
        if (peek(',')) {
            expect(',');
            scale = integer();
        }
        expect(')');
        return ChType.decimal(precision, scale);
    }

    private ChType dateTime64() {
        expect('(');
        int precision = integer();
        String zone = null;
        if (peek(',')) {
            expect(',');
            zone = quoted();
        }
        expect(')');
        return ChType.dateTime64(precision, zone);
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

    private List<ChType.EnumEntry> enumEntries() {
        expect('(');
        List<ChType.EnumEntry> entries = new ArrayList<>();
        do {
            String label = quoted();
            expect('=');
            entries.add(new ChType.EnumEntry(label, integer()));
        } while (comma());
        expect(')');
        return entries;
    }

    private static ChType autoEnum(List<ChType.EnumEntry> entries) {
        boolean fits8 = entries.stream().allMatch(e -> e.value() >= Byte.MIN_VALUE && e.value() <= Byte.MAX_VALUE);
        return fits8 ? ChType.enum8(entries) : ChType.enum16(entries);
    }

    private ChType single() {
        expect('(');
        ChType inner = parseType();
        expect(')');
        return inner;
    }

    private ChType map() {
        expect('(');
        ChType key = parseType();
        expect(',');
        ChType value = parseType();
        expect(')');
        return ChType.map(key, value);
    }

    private ChType tuple() {
        expect('(');
        List<String> names = new ArrayList<>();
        List<ChType> elements = new ArrayList<>();
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
        return ChType.tuple(names, elements);
    }

    private ChType json() {
        if (!peek('(')) {
            return ChType.json();
        }
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
        return ChType.json(params);
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
