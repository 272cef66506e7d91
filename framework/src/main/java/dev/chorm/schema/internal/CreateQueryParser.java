package dev.chorm.schema.internal;

import dev.chorm.sql.SqlLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pull out of a {@code system.tables.create_table_query} what no system table exposes on its own:
 * constraints, projections, column TTLs, the table TTL and the settings.
 */
public final class CreateQueryParser {
    private final List<String> elements;
    private final String tail;

    /** Parse {@code createTableQuery} as ClickHouse formats it. */
    public CreateQueryParser(String createTableQuery) {
        int open = createTableQuery.indexOf('(');
        int close = open < 0 ? -1 : SqlLexer.matchingBracket(createTableQuery, open);
        if (open < 0 || close < 0) {
            this.elements = List.of();
            this.tail = createTableQuery;
        } else {
            this.elements = SqlLexer.splitTopLevel(createTableQuery.substring(open + 1, close), ',');
            this.tail = createTableQuery.substring(close + 1);
        }
    }

    /** Return the column, index, constraint and projection definitions in declaration order. */
    public List<String> elements() {
        return elements;
    }

    /** Return each constraint as {name, CHECK|ASSUME, expression}, in declaration order. */
    public List<String[]> constraints() {
        List<String[]> out = new ArrayList<>();
        for (String e : elementsStartingWith("CONSTRAINT ")) {
            String rest = e.substring("CONSTRAINT ".length()).strip();
            int nameEnd = endOfName(rest);
            String name = unquote(rest.substring(0, nameEnd));
            String body = rest.substring(nameEnd).strip();
            int space = body.indexOf(' ');
            out.add(new String[] {name, body.substring(0, space), body.substring(space + 1).strip()});
        }
        return out;
    }

    /** Return each projection as {name, query}, in declaration order. */
    public List<String[]> projections() {
        List<String[]> out = new ArrayList<>();
        for (String e : elementsStartingWith("PROJECTION ")) {
            String rest = e.substring("PROJECTION ".length()).strip();
            int nameEnd = endOfName(rest);
            String body = rest.substring(nameEnd).strip();
            out.add(new String[] {unquote(rest.substring(0, nameEnd)), body.substring(1, body.length() - 1).strip()});
        }
        return out;
    }

    /** Return the names of the indexes in declaration order. */
    public List<String> indexNames() {
        List<String> out = new ArrayList<>();
        for (String e : elementsStartingWith("INDEX ")) {
            String rest = e.substring("INDEX ".length()).strip();
            out.add(unquote(rest.substring(0, endOfName(rest))));
        }
        return out;
    }

    /** Return column name to column TTL expression, for the columns that have one. */
    public Map<String, String> columnTtls() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : elements) {
            if (isSpecial(e)) {
                continue;
            }
            int ttl = SqlLexer.indexOfKeyword(e, "TTL", 0);
            if (ttl >= 0) {
                out.put(unquote(e.substring(0, endOfName(e))), until(e.substring(ttl + 3), "SETTINGS", "PRIMARY KEY"));
            }
        }
        return out;
    }

    /** Return the table TTL rules, empty when there is none. */
    public List<String> tableTtl() {
        int ttl = SqlLexer.indexOfKeyword(tail, "TTL", 0);
        return ttl < 0 ? List.of() : SqlLexer.splitTopLevel(until(tail.substring(ttl + 3), "SETTINGS", "COMMENT"), ',');
    }

    /** Return the table settings, name to SQL value, in written order. */
    public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        int at = SqlLexer.indexOfKeyword(tail, "SETTINGS", 0);
        if (at >= 0) {
            for (String pair : SqlLexer.splitTopLevel(until(tail.substring(at + 8), "COMMENT"), ',')) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private List<String> elementsStartingWith(String keyword) {
        return elements.stream().filter(e -> e.regionMatches(true, 0, keyword, 0, keyword.length())).toList();
    }

    private static boolean isSpecial(String element) {
        for (String k : List.of("INDEX ", "CONSTRAINT ", "PROJECTION ", "PRIMARY KEY")) {
            if (element.regionMatches(true, 0, k, 0, k.length())) {
                return true;
            }
        }
        return false;
    }

    private static String until(String text, String... keywords) {
        int end = text.length();
        for (String k : keywords) {
            int i = SqlLexer.indexOfKeyword(text, k, 0);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return text.substring(0, end).strip();
    }

    private static int endOfName(String text) {
        if (text.startsWith("`")) {
            return SqlLexer.skipQuoted(text, 0);
        }
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Return {@code name} without backticks and with its escapes resolved. */
    public static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("`") && n.endsWith("`")) {
            return n.substring(1, n.length() - 1).replace("\\`", "`").replace("\\\\", "\\");
        }
        return n;
    }
}
