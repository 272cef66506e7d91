package dev.chorm.sql;

/**
 * Quote identifiers and string literals for ClickHouse SQL: the one place that does it.
 *
 * <pre>{@code
 * SqlLiterals.quoteIdentifier("order")   // `order`
 * SqlLiterals.quoteString("it's")        // 'it\'s'
 * }</pre>
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /** Return {@code name} in backticks, escaping backslashes and backticks inside it. */
    public static String quoteIdentifier(String name) {
        return '`' + escape(name, '`') + '`';
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

    /** Return {@code database.table}, each part quoted; without database when it is empty. */
    public static String qualifiedName(String database, String table) {
        return database == null || database.isEmpty()
                ? quoteIdentifier(table) : quoteIdentifier(database) + '.' + quoteIdentifier(table);
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
}
