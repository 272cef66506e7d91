package dev.chorm.sql;

import dev.chorm.types.DataType;
import dev.chorm.types.JavaEnums;
import dev.chorm.types.JsonText;
import dev.chorm.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quote ClickHouse SQL: identifiers, string literals and Java values as typed literals. This is the
 * one quoter; every part of chorm that writes SQL text (queries, mutations, DDL, raw-SQL parameters)
 * goes through it.
 *
 * <pre>{@code
 * SqlLiterals.quoteIdentifier("order")                     // `order`
 * SqlLiterals.quoteString("it's")                          // 'it\'s'
 * SqlLiterals.literal("it's", DataType.string())             // 'it\'s'
 * SqlLiterals.literal(LocalDate.of(2024, 1, 2), DataType.date32())   // CAST('2024-01-02' AS Date32)
 * SqlLiterals.literal(instant, DataType.dateTime64(6, "UTC"))        // toDateTime64('2024-01-02 03:04:05.000000', 6, 'UTC')
 * SqlLiterals.literal(List.of(1, 2), null)                         // [1, 2]
 * }</pre>
 *
 * <p>chorm inlines escaped literals instead of binding server-side {@code {p:Type}} parameters, so that
 * the rendered SQL is the whole truth (tests assert it, {@code EXPLAIN} and logs show it) and the same
 * text works wherever a value may appear: IN lists, subqueries, CTEs, LIMIT BY, and the mutations
 * ({@code ALTER TABLE ... UPDATE}) of the write side. When the column type is known, values whose
 * literal is a string (dates, times, UUIDs, IPs, Decimals, big integers) are cast to it.
 * Strings escape backslash, quote and every control character; non-finite floats become
 * {@code nan}, {@code inf}, {@code -inf}.
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /** Return {@code name} in backticks, escaping backslashes and backticks inside it. */
    public static String quoteIdentifier(String name) {
        return '`' + escape(name, '`') + '`';
    }

    /** Return {@code database.table}, each part quoted; without database when it is empty. */
    public static String qualifiedName(String database, String table) {
        return database == null || database.isEmpty()
                ? quoteIdentifier(table) : quoteIdentifier(database) + '.' + quoteIdentifier(table);
    }

    /** Return {@code " ON CLUSTER c"} (a macro such as {@code '{cluster}'} as a string), or "" for no cluster. */
    public static String onCluster(String cluster) {
        if (cluster == null || cluster.isEmpty()) {
            return "";
        }
        return " ON CLUSTER " + (cluster.contains("{") ? quoteString(cluster) : quoteIdentifier(cluster));
    }

    /** Return {@code value} as a single-quoted string literal with backslash escapes. */
    public static String quoteString(String value) {
        return '\'' + escape(value, '\'') + '\'';
    }

    private static String escape(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Return the text of a single-quoted literal {@code literal} with its escapes resolved. */
    public static String unquoteString(String literal) {
        String body = literal.strip();
        if (body.length() < 2 || body.charAt(0) != '\'' || body.charAt(body.length() - 1) != '\'') {
            throw new IllegalArgumentException("not a string literal: " + literal);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < body.length() - 1; i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() - 1) {
                char n = body.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    default -> n;
                });
            } else if (c == '\'' && i + 1 < body.length() - 1 && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Return {@code value} as a literal of {@code type} (null: inferred from the Java value). */
    public static String literal(Object value, DataType type) {
        StringBuilder out = new StringBuilder();
        literal(value, type, out);
        return out.toString();
    }

    /** Append {@code value} as a literal of {@code type} (null: inferred from the Java value). */
    public static void literal(Object value, DataType type, StringBuilder out) {
        DataType base = type == null ? null : type.base();
        TypeKind kind = base == null ? null : base.kind();
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof CharSequence || value instanceof Character) {
            text(value.toString(), base, out);
        } else if (value instanceof Boolean b) {
            out.append(kind != null && kind.isNumber() ? (b ? "1" : "0") : b.toString());
        } else if (value instanceof Number n) {
            number(n, base, out);
        } else if (value instanceof Enum<?> e) {
            enumValue(e, kind, out);
        } else if (value instanceof UUID u) {
            call("toUUID", u.toString(), out);
        } else if (value instanceof InetAddress a) {
            boolean v4 = kind == TypeKind.IPV4 || kind != TypeKind.IPV6 && a instanceof Inet4Address;
            call(v4 ? "toIPv4" : "toIPv6", a.getHostAddress(), out);
        } else if (value instanceof byte[] bytes) {
            bytes(bytes, out);
        } else if (!temporal(value, base, out) && !container(value, base, out)) {
            throw new IllegalArgumentException("Cannot render a " + value.getClass().getName()
                    + " as a ClickHouse literal; pass a String, number, date, UUID, IP, List, Map or record.");
        }
    }

    /**
     * Append {@code text} as a single-quoted string literal: {@link #quoteString} escapes it,
     * then the control characters it leaves as they are become {@code \xNN}, so that no raw control
     * character reaches the SQL text.
     */
    public static void quote(String text, StringBuilder out) {
        String quoted = quoteString(text);
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                hex(c, out);
            } else {
                out.append(c);
            }
        }
    }

    private static void hex(int b, StringBuilder out) {
        out.append("\\x").append(Character.forDigit(b >> 4 & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }

    private static void text(String s, DataType base, StringBuilder out) {
        if (base != null && needsCast(base)) {
            cast(s, base, out);
        } else {
            quote(s, out);
        }
    }

    private static boolean needsCast(DataType base) {
        return switch (base.kind()) {
            case DATE, DATE32, DATETIME, DATETIME64, UUID, IPV4, IPV6, DECIMAL, INT128, INT256, UINT128, UINT256 ->
                    true;
            default -> false;
        };
    }

    private static void cast(String text, DataType base, StringBuilder out) {
        out.append("CAST(");
        quote(text, out);
        out.append(" AS ").append(base.sql()).append(')');
    }

    private static void call(String function, String text, StringBuilder out) {
        out.append(function).append('(');
        quote(text, out);
        out.append(')');
    }

    private static void number(Number n, DataType base, StringBuilder out) {
        TypeKind kind = base == null ? null : base.kind();
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            String text = Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
                    : n instanceof Float f ? Float.toString(f) : Double.toString(d);
            if (kind == TypeKind.FLOAT32 || kind == null && n instanceof Float) {
                out.append("toFloat32(").append(text).append(')');
            } else {
                out.append(text);
            }
        } else if (n instanceof BigDecimal d) {
            cast(d.toPlainString(), kind == TypeKind.DECIMAL ? base : decimalType(d), out);
        } else if (n instanceof BigInteger b && b.bitLength() > 63) {
            cast(b.toString(), base != null && needsCast(base) ? base : bigType(b), out);
        } else {
            out.append(n.toString());
        }
    }

    private static DataType decimalType(BigDecimal d) {
        int scale = Math.max(d.scale(), 0);
        int precision = Math.max(d.precision(), scale + 1);
        return DataType.decimal(precision <= 38 ? 38 : 76, scale);
    }

    private static DataType bigType(BigInteger b) {
        if (b.signum() >= 0) {
            return b.bitLength() <= 64 ? DataType.uint64() : b.bitLength() <= 128 ? DataType.uint128() : DataType.uint256();
        }
        return b.bitLength() <= 127 ? DataType.int128() : DataType.int256();
    }

    private static void enumValue(Enum<?> e, TypeKind kind, StringBuilder out) {
        if (kind != null && kind.isNumber()) {
            out.append(JavaEnums.value(e));
        } else {
            quote(JavaEnums.entries(e.getDeclaringClass()).get(e.ordinal()).label(), out);
        }
    }

    private static void bytes(byte[] bytes, StringBuilder out) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            quote(text, out);
            return;
        }
        out.append('\'');
        for (byte b : bytes) {
            hex(b & 0xff, out);
        }
        out.append('\'');
    }

    private static boolean temporal(Object value, DataType base, StringBuilder out) {
        TypeKind kind = base == null ? null : base.kind();
        if (value instanceof LocalDate d) {
            if (kind == TypeKind.DATE || kind == TypeKind.DATE32) {
                cast(d.toString(), base, out);
            } else {
                call("toDate32", d.toString(), out);
            }
        } else if (value instanceof LocalDateTime t) {
            int p = precision(base, t.getNano());
            out.append("toDateTime64(");
            quote(Temporals.format(t, p), out);
            out.append(", ").append(p).append(')');
        } else if (value instanceof LocalTime t) {
            quote(t.toString(), out);
        } else if (value instanceof Duration d) {
            time(d, out);
        } else if (value instanceof Instant || value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
            instant(toInstant(value), base, out);
        } else {
            return false;
        }
        return true;
    }

    /**
     * Append a Duration as a Time literal: {@code '-01:00:00'} when whole seconds (compared with a Time
     * or Time64 column ClickHouse converts the text), {@code toTime64('-00:00:01.500000000', 9)} with a
     * fraction (a Time refuses text with a fraction).
     */
    private static void time(Duration d, StringBuilder out) {
        Duration abs = d.abs();
        String text = (d.isNegative() ? "-" : "") + "%02d:%02d:%02d".formatted(abs.toHours(), abs.toMinutesPart(),
                abs.toSecondsPart());
        if (abs.getNano() == 0) {
            quote(text, out);
        } else {
            out.append("toTime64(");
            quote(text + "." + "%09d".formatted(abs.getNano()), out);
            out.append(", 9)");
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static void instant(Instant i, DataType base, StringBuilder out) {
        int p = precision(base, i.getNano());
        LocalDateTime utc = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        out.append("toDateTime64(");
        quote(Temporals.format(utc, p), out);
        out.append(", ").append(p).append(", 'UTC')");
    }

    private static int precision(DataType base, int nanos) {
        if (base != null && base.kind() == TypeKind.DATETIME64) {
            return base.precision();
        }
        if (base != null && (base.kind() == TypeKind.DATETIME || base.kind() == TypeKind.DATE
                || base.kind() == TypeKind.DATE32)) {
            return 0;
        }
        return nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    }

    private static boolean container(Object value, DataType base, StringBuilder out) {
        TypeKind kind = base == null ? null : base.kind();
        if (kind == TypeKind.JSON && (value instanceof Map<?, ?> || value instanceof Collection<?>)) {
            cast(JsonText.write(value), base, out);
        } else if (value instanceof Collection<?> c) {
            sequence(c.iterator(), kind == TypeKind.ARRAY ? base.inner() : null, out);
        } else if (value instanceof Object[] a) {
            sequence(List.of(a).iterator(), kind == TypeKind.ARRAY ? base.inner() : null, out);
        } else if (value.getClass().isArray()) {
            sequence(Primitives.boxed(value).iterator(), kind == TypeKind.ARRAY ? base.inner() : null, out);
        } else if (value instanceof Map<?, ?> m) {
            map(m, kind == TypeKind.MAP ? base : null, out);
        } else if (value.getClass().isRecord()) {
            tuple(Primitives.components(value), kind == TypeKind.TUPLE ? base.arguments() : null, out);
        } else {
            return false;
        }
        return true;
    }

    private static void sequence(Iterator<?> items, DataType element, StringBuilder out) {
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            literal(items.next(), element, out);
        }
        out.append(']');
    }

    private static void map(Map<?, ?> m, DataType type, StringBuilder out) {
        if (m.isEmpty() && type != null) {
            out.append("CAST(map() AS ").append(type.sql()).append(')');
            return;
        }
        out.append("map(");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            literal(e.getKey(), type == null ? null : type.keyType(), out);
            out.append(", ");
            literal(e.getValue(), type == null ? null : type.valueType(), out);
        }
        out.append(')');
    }

    private static void tuple(List<Object> items, List<DataType> types, StringBuilder out) {
        out.append("tuple(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            literal(items.get(i), types == null || i >= types.size() ? null : types.get(i), out);
        }
        out.append(')');
    }
}
