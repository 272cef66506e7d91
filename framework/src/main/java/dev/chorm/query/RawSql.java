package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.sql.SqlLexer;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fill the {@code {name:Type}} placeholders of raw SQL with typed, escaped literals
 * ({@code CAST(<literal> AS Type)}), never by pasting text: the type is parsed and re-rendered by
 * {@link DataType}, the value rendered by {@link SqlLiterals}. Placeholders inside string literals,
 * quoted identifiers, heredocs and comments ({@link SqlLexer#skipNonCode}) are left alone.
 */
final class RawSql {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*):([^{}]+)}");

    private RawSql() {
    }

    /** Return {@code sql} with every placeholder replaced by its value from {@code params}. */
    static String bind(String sql, Map<String, ?> params) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        Set<String> used = new HashSet<>();
        int i = 0;
        while (i < sql.length()) {
            int end = SqlLexer.skipNonCode(sql, i);
            if (end == i && sql.charAt(i) == '{') {
                Matcher m = PLACEHOLDER.matcher(sql).region(i, sql.length());
                if (m.lookingAt()) {
                    placeholder(m.group(1), m.group(2), params, out);
                    used.add(m.group(1));
                    i = m.end();
                    continue;
                }
            }
            end = Math.max(end, i + 1);
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
        SqlLiterals.literal(params.get(name), type, out);
        out.append(" AS ").append(type.sql()).append(')');
    }
}
