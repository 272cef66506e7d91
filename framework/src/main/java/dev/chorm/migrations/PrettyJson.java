package dev.chorm.migrations;

import dev.chorm.types.JsonText;
import java.util.Collection;
import java.util.Map;

/**
 * Write JSON for people to review: two-space indentation, keys in the order given, and objects or
 * lists of plain values kept on one line when that line stays short. Same input, same bytes.
 */
final class PrettyJson {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private PrettyJson() {
    }

    /** Return {@code value} (maps, collections, strings, numbers, booleans) as text ending with a newline. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.append('\n').toString();
    }

    private static void write(Object value, String indent, StringBuilder out) {
        String inline = inline(value);
        if (inline != null && indent.length() + inline.length() <= WIDTH) {
            out.append(inline);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, indent, out);
        } else if (value instanceof Collection<?> list) {
            writeList(list, indent, out);
        } else {
            out.append(JsonText.write(value));
        }
    }

    private static void writeMap(Map<?, ?> map, String indent, StringBuilder out) {
        String inner = indent + INDENT;
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(inner).append(JsonText.write(String.valueOf(e.getKey()))).append(": ");
            write(e.getValue(), inner, out);
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
            write(item, inner, out);
            out.append(++i < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    /** Return the one-line form of {@code value} when it holds no nested object or list; else null. */
    private static String inline(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.values().stream().anyMatch(PrettyJson::isNonEmptyContainer)) {
                return map.isEmpty() ? "{}" : null;
            }
            StringBuilder s = new StringBuilder("{ ");
            map.forEach((k, v) -> s.append(s.length() > 2 ? ", " : "").append(JsonText.write(String.valueOf(k)))
                    .append(": ").append(inline(v)));
            return map.isEmpty() ? "{}" : s.append(" }").toString();
        }
        if (value instanceof Collection<?> list) {
            if (list.stream().anyMatch(PrettyJson::isNonEmptyContainer)) {
                return list.isEmpty() ? "[]" : null;
            }
            return list.isEmpty() ? "[]" : list.stream().map(PrettyJson::inline)
                    .collect(java.util.stream.Collectors.joining(", ", "[ ", " ]"));
        }
        return JsonText.write(value);
    }

    private static boolean isNonEmptyContainer(Object v) {
        return v instanceof Map<?, ?> m && !m.isEmpty() || v instanceof Collection<?> c && !c.isEmpty();
    }
}
