package dev.chorm.query.write;

import dev.chorm.model.TableSpec;
import dev.chorm.sql.SqlLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Find the columns a table's keys use (sorting key, primary key, partition key, sampling key): the
 * columns ClickHouse refuses to update.
 */
final class KeyColumns {
    private KeyColumns() {
    }

    /** Return the names that appear as identifiers in the key expressions of {@code table}. */
    static Set<String> of(TableSpec table) {
        List<String> expressions = new ArrayList<>(table.orderBy());
        expressions.addAll(table.primaryKey());
        expressions.add(table.partitionBy());
        expressions.add(table.sampleBy());
        Set<String> names = new LinkedHashSet<>();
        expressions.forEach(e -> identifiers(e, names));
        return names;
    }

    /** Return the plain column names among the sorting key (or primary key) expressions, in order. */
    static List<String> plainSortingKey(TableSpec table) {
        List<String> key = table.primaryKey().isEmpty() ? table.orderBy() : table.primaryKey();
        List<String> out = new ArrayList<>();
        for (String e : key) {
            String name = e.strip();
            if (name.length() > 1 && name.startsWith("`") && name.endsWith("`")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                out.add(name);
            }
        }
        return out;
    }

    private static void identifiers(String expression, Set<String> out) {
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            boolean quotedName = c == '`' || c == '"';
            int skipped = quotedName ? i : SqlLexer.skipNonCode(expression, i);
            if (skipped > i) {
                i = skipped; // a string literal, heredoc or comment names no column
            } else if (quotedName) {
                int end = SqlLexer.skipQuoted(expression, i);
                out.add(expression.substring(i + 1, Math.max(i + 1, end - 1)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                out.add(expression.substring(start, i));
            } else {
                i++;
            }
        }
    }
}
