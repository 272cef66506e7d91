package dev.chorm.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Write and read JSON text: maps, lists, strings, numbers, booleans and null, for JSON columns (one
 * line) and migration files ({@link #writePretty}).
 *
 * <p>Small on purpose: the framework needs no JSON library for this one job.
 */
public final class JsonText {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private JsonText() {
    }

    /** Return the JSON text of {@code value} (a Map, Collection, array, CharSequence, Number, Boolean or null). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            writeArray(c, out);
        } else if (v instanceof Object[] a) {
            writeArray(List.of(a), out);
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())
                || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("JSON has no " + v + "; store it as null or a string");
        } else if (v instanceof BigDecimal b) {
            out.append(b.toPlainString());
        } else if (v instanceof Number) {
            out.append(v);
        } else {
            quote(v.toString(), out);
        }
    }

    private static void writeArray(Collection<?> c, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object o : c) {
            out.append(first ? "" : ",");
            first = false;
            write(o, out);
        }
        out.append(']');
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Return {@code value} as JSON for people to review, ending with a newline: two-space indentation,
     * keys in the order given, and objects or lists of plain values kept on one line when that line
     * stays short. Same input, same bytes (migration files are written this way).
     */
    public static String writePretty(Object value) {
        StringBuilder out = new StringBuilder();
        writePretty(value, "", out);
        return out.append('\n').toString();
    }

    private static void writePretty(Object value, String indent, StringBuilder out) {
        String inline = inline(value);
        if (inline != null && indent.length() + inline.length() <= WIDTH) {
            out.append(inline);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, indent, out);
        } else if (value instanceof Collection<?> list) {
            writeList(list, indent, out);
        } else {
            out.append(write(value));
        }
    }

    private static void writeMap(Map<?, ?> map, String indent, StringBuilder out) {
        String inner = indent + INDENT;
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(inner).append(write(String.valueOf(e.getKey()))).append(": ");
            writePretty(e.getValue(), inner, out);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeList(Collection<?> list, String indent, StringBuilder out) {
        String inner = indent + INDENT;
        out.append("[\n");
        int i = 0;
        for (Object item : list) {
            out.append(inner);
            writePretty(item, inner, out);
            out.append(++i < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    /** Return the one-line form of {@code value} when it holds no nested object or list; else null. */
    private static String inline(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.values().stream().anyMatch(JsonText::isNonEmptyContainer)) {
                return map.isEmpty() ? "{}" : null;
            }
            StringBuilder s = new StringBuilder("{ ");
            map.forEach((k, v) -> s.append(s.length() > 2 ? ", " : "").append(write(String.valueOf(k)))
                    .append(": ").append(inline(v)));
            return map.isEmpty() ? "{}" : s.append(" }").toString();
        }
        if (value instanceof Collection<?> list) {
            if (list.stream().anyMatch(JsonText::isNonEmptyContainer)) {
                return list.isEmpty() ? "[]" : null;
            }
            return list.isEmpty() ? "[]" : list.stream().map(JsonText::inline)
                    .collect(Collectors.joining(", ", "[ ", " ]"));
        }
        return write(value);
    }

    private static boolean isNonEmptyContainer(Object v) {
        return v instanceof Map<?, ?> m && !m.isEmpty() || v instanceof Collection<?> c && !c.isEmpty();
    }

    /** Parse JSON text into LinkedHashMaps, ArrayLists, Strings, Longs (BigIntegers when larger), Doubles, Booleans and nulls. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.spaces();
        if (p.pos != text.length()) {
            throw p.error("trailing text");
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            spaces();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{' -> {
                    return object();
                }
                case '[' -> {
                    return array();
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", pos)) {
                        pos += 4;
                        return Boolean.TRUE;
                    } else if (s.startsWith("false", pos)) {
                        pos += 5;
                        return Boolean.FALSE;
                    } else if (s.startsWith("null", pos)) {
                        pos += 4;
                        return null;
                    }
                    return number();
                }
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            spaces();
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            do {
                spaces();
                String key = string();
                spaces();
                expect(':');
                m.put(key, value());
                spaces();
            } while (s.charAt(pos++) == ',');
            if (s.charAt(pos - 1) != '}') {
                throw error("expected '}'");
            }
            return m;
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            spaces();
            if (s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            do {
                l.add(value());
                spaces();
            } while (s.charAt(pos++) == ',');
            if (s.charAt(pos - 1) != ']') {
                throw error("expected ']'");
            }
            return l;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            if (n.isEmpty()) {
                throw error("unexpected '" + s.charAt(pos) + "'");
            }
            if (n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0) {
                return Double.parseDouble(n);
            }
            BigInteger b = new BigInteger(n);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        void spaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Invalid JSON at position " + pos + ": " + what);
        }
    }
}
