package dev.chorm.query.internal;

import dev.chorm.query.QueryException;
import dev.chorm.types.DataType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fill the {@code {name:Type}} placeholders of raw SQL with typed, escaped literals
 * ({@code CAST(<literal> AS Type)}), never by pasting text: the type is parsed and re-rendered by
 * {@link DataType}, the value rendered by {@link ValueLiterals}. Placeholders inside string literals,
 * quoted identifiers and comments are left alone.
 */
public final class RawSql {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*):([^{}]+)}");

    private RawSql() {
    }

    /** Return {@code sql} with every placeholder replaced by its value from {@code params}. */
    public static String bind(String sql, Map<String, ?> params) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        Set<String> used = new HashSet<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '`' || c == '"') {
                end = skipQuoted(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? sql.length() : close + 2;
            } else if (c == '{') {
                Matcher m = PLACEHOLDER.matcher(sql).region(i, sql.length());
                if (m.lookingAt()) {
                    placeholder(m.group(1), m.group(2), params, out);
                    used.add(m.group(1));
                    i = m.end();
                    continue;
                }
                end = i + 1;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        for (String name : params.keySet()) {
            if (!used.contains(name)) {
                throw new QueryException("The parameter '" + name + "' is not used in the SQL; write {" + name
                        + ":Type} where it goes.");
            }
        }
        return out.toString();
    }

    private static void placeholder(String name, String typeText, Map<String, ?> params, StringBuilder out) {
        if (!params.containsKey(name)) {
            throw new QueryException("The SQL uses {" + name + ":" + typeText + "} but no value named '" + name
                    + "' was given. Given: " + params.keySet() + ".");
        }
        DataType type;
        try {
            type = DataType.parse(typeText.strip());
        } catch (RuntimeException e) {
            throw new QueryException("{" + name + ":" + typeText + "}: '" + typeText + "' is not a ClickHouse type. "
                    + e.getMessage());
        }
        out.append("CAST(");
        ValueLiterals.render(params.get(name), type, out);
        out.append(" AS ").append(type.sql()).append(')');
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int start) {
        int nl = sql.indexOf('\n', start);
        return nl < 0 ? sql.length() : nl + 1;
    }
}
