package dev.chorm.schema.internal;

import dev.chorm.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Pull out of a view's {@code system.tables.create_table_query} what no system table column holds:
 * the {@code TO} table and the refresh clause ({@code REFRESH EVERY|AFTER ... [DEPENDS ON a, b] [APPEND]}).
 * Names come back as ClickHouse writes them, {@code db.name} with backticks where needed.
 */
public final class CreateViewParser {
    private static final List<String> AFTER_SCHEDULE = List.of("DEPENDS ON", "SETTINGS", "APPEND", "TO", "ENGINE", "DEFINER",
            "SQL SECURITY", "EMPTY");
    private final String head;

    /** Parse {@code createTableQuery} as ClickHouse formats it, up to the query ({@code AS SELECT ...}). */
    public CreateViewParser(String createTableQuery) {
        int as = SqlLexer.indexOfKeyword(createTableQuery, "AS", 0);
        this.head = as < 0 ? createTableQuery : createTableQuery.substring(0, as);
    }

    /** Return the {@code TO} table as written ({@code db.name}), or null for none. */
    public String to() {
        int to = SqlLexer.indexOfKeyword(head, "TO", 0);
        // TO comes before the column list and ENGINE; a later TO is a TTL move (TTL ... TO VOLUME 'cold')
        int storage = SqlLexer.indexOfKeyword(head, "ENGINE", 0);
        int columns = head.indexOf('(');
        boolean inStorage = (storage >= 0 && to > storage) || (columns >= 0 && to > columns);
        return to < 0 || inStorage ? null : name(head.substring(to + 2).strip());
    }

    /** Return the schedule after {@code REFRESH} ({@code EVERY 1 HOUR ...}), or null for a view that is not refreshable. */
    public String schedule() {
        int refresh = SqlLexer.indexOfKeyword(head, "REFRESH", 0);
        if (refresh < 0) {
            return null;
        }
        int start = refresh + "REFRESH".length();
        return head.substring(start, end(start)).strip();
    }

    /** Return whether the refresh clause has {@code APPEND}. */
    public boolean append() {
        return SqlLexer.indexOfKeyword(head, "APPEND", 0) >= 0;
    }

    /** Return the {@code DEPENDS ON} names as written, in order; empty for none. */
    public List<String> dependsOn() {
        int depends = SqlLexer.indexOfKeyword(head, "DEPENDS ON", 0);
        if (depends < 0) {
            return List.of();
        }
        int start = depends + "DEPENDS ON".length();
        List<String> out = new ArrayList<>();
        for (String n : SqlLexer.splitTopLevel(head.substring(start, end(start)), ',')) {
            out.add(n.strip());
        }
        return out;
    }

    /** Return where the clause starting at {@code from} ends: at the next clause keyword or column list. */
    private int end(int from) {
        int end = head.length();
        for (String k : AFTER_SCHEDULE) {
            int at = SqlLexer.indexOfKeyword(head, k, from);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int bracket = head.indexOf('(', from);
        return bracket >= 0 && bracket < end ? bracket : end;
    }

    private static String name(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                i = SqlLexer.skipQuoted(text, i);
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return text.substring(0, i);
    }

    /**
     * Return {@code query} without the qualification {@code database.} (or {@code `database`.}) that ClickHouse
     * adds to every table of the view's own database, so that it compares with the query as declared.
     */
    public static String unqualify(String query, String database) {
        String plain = database + ".";
        String quoted = "`" + database + "`.";
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < query.length()) {
            char before = i == 0 ? ' ' : query.charAt(i - 1);
            boolean boundary = !(Character.isLetterOrDigit(before) || before == '_' || before == '.' || before == '`');
            if (boundary && query.startsWith(quoted, i)) {
                i += quoted.length();
                continue;
            }
            if (boundary && query.startsWith(plain, i)) {
                i += plain.length();
                continue;
            }
            int skipped = SqlLexer.skipNonCode(query, i);
            if (skipped > i && query.startsWith("'" + plain, i) && isDictionaryArgument(out)) {
                // ClickHouse also qualifies the dictionary named in dictGet('d', ...) as 'db.d'
                out.append('\'').append(query, i + 1 + plain.length(), skipped);
                i = skipped;
            } else if (skipped > i) {
                out.append(query, i, skipped);
                i = skipped;
            } else {
                out.append(query.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Return whether {@code before} ends with the opening of a dictionary function, {@code dictGet(} and the like. */
    private static boolean isDictionaryArgument(StringBuilder before) {
        int end = before.length();
        while (end > 0 && Character.isWhitespace(before.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || before.charAt(end - 1) != '(') {
            return false;
        }
        int start = end - 1;
        while (start > 0 && (Character.isLetterOrDigit(before.charAt(start - 1)) || before.charAt(start - 1) == '_')) {
            start--;
        }
        return before.substring(start, end - 1).toLowerCase(java.util.Locale.ROOT).startsWith("dict");
    }
}
