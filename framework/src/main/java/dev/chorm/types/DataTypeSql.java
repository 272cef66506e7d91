package dev.chorm.types;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Render {@link DataType} values in the spelling of ClickHouse's {@code system.columns}. */
final class DataTypeSql {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Keywords ClickHouse back-quotes even though they look like identifiers (observed in 26.5). */
    private static final Set<String> QUOTED_KEYWORDS = Set.of("from", "select", "all", "null", "distinct");

    private DataTypeSql() {
    }

    static void render(DataType t, StringBuilder out) {
        TypeKind kind = t.kind();
        out.append(kind.chName());
        switch (kind) {
            case DECIMAL -> out.append('(').append(t.precision()).append(", ").append(t.scale()).append(')');
            case FIXED_STRING -> out.append('(').append(t.length()).append(')');
            case DATETIME -> t.timezone().ifPresent(tz -> quoteString(tz, out.append('(')).append(')'));
            case DATETIME64 -> {
                out.append('(').append(t.precision());
                t.timezone().ifPresent(tz -> quoteString(tz, out.append(", ")));
                out.append(')');
            }
            case ENUM8, ENUM16 -> {
                out.append('(');
                for (int i = 0; i < t.enumEntries().size(); i++) {
                    DataType.EnumEntry e = t.enumEntries().get(i);
                    quoteString(e.label(), out.append(i == 0 ? "" : ", ")).append(" = ").append(e.value());
                }
                out.append(')');
            }
            case JSON -> {
                if (!t.jsonParams().isEmpty()) {
                    out.append('(').append(t.jsonParams()).append(')');
                }
            }
            case TUPLE, NESTED -> renderTuple(t, out);
            case TIME64 -> out.append('(').append(t.precision()).append(')');
            case DYNAMIC -> {
                if (!t.dynamicParams().isEmpty()) {
                    out.append('(').append(t.dynamicParams()).append(')');
                }
            }
            case AGGREGATE_FUNCTION, SIMPLE_AGGREGATE_FUNCTION -> {
                out.append('(');
                // Version 0 is written only where a column without one would get another version.
                if (t.version() > 0 || t.kind() == TypeKind.AGGREGATE_FUNCTION
                        && AggregateFunctionText.defaultVersion(t.function(), t.arguments()) != 0) {
                    out.append(t.version()).append(", ");
                }
                out.append(t.function());
                for (DataType arg : t.arguments()) {
                    render(arg, out.append(", "));
                }
                out.append(')');
            }
            case ARRAY, MAP, NULLABLE, LOW_CARDINALITY, VARIANT -> {
                out.append('(');
                for (int i = 0; i < t.arguments().size(); i++) {
                    render(t.arguments().get(i), out.append(i == 0 ? "" : ", "));
                }
                out.append(')');
            }
            default -> { }
        }
    }

    private static void renderTuple(DataType t, StringBuilder out) {
        out.append('(');
        for (int i = 0; i < t.arguments().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (!t.names().isEmpty()) {
                out.append(quoteIdentifier(t.names().get(i))).append(' ');
            }
            render(t.arguments().get(i), out);
        }
        out.append(')');
    }

    /** Return {@code name} as ClickHouse prints it: bare when it is a plain identifier, back-quoted otherwise. */
    static String quoteIdentifier(String name) {
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !QUOTED_KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** Append {@code s} as a single-quoted ClickHouse string literal with backslash escapes. */
    static StringBuilder quoteString(String s, StringBuilder out) {
        out.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'');
    }
}
