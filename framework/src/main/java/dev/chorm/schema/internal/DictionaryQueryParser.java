package dev.chorm.schema.internal;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.DictionarySpec;
import dev.chorm.sql.SqlLexer;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read a dictionary back from its {@code system.tables.create_table_query}, as ClickHouse formats it:
 * {@code CREATE DICTIONARY db.d (`id` UInt64, `name` String DEFAULT '' INJECTIVE) PRIMARY KEY id
 * SOURCE(CLICKHOUSE(TABLE 't' DB 'db')) LIFETIME(MIN 0 MAX 300) LAYOUT(HASHED()) [RANGE(MIN a MAX b)]}.
 * No system table holds a dictionary's attribute options, so this text is the one complete record.
 */
public final class DictionaryQueryParser {
    private static final String[] ATTRIBUTE_WORDS = {"DEFAULT", "EXPRESSION", "HIERARCHICAL", "INJECTIVE", "IS_OBJECT_ID"};
    private static final String[] CLAUSES = {"PRIMARY KEY", "SOURCE", "LIFETIME", "LAYOUT", "RANGE", "SETTINGS", "COMMENT"};

    private final List<ColumnSpec> columns = new ArrayList<>();
    private final DictionarySpec dictionary;

    /** Parse {@code createQuery}; fails with IllegalArgumentException when it is no CREATE DICTIONARY text. */
    public DictionaryQueryParser(String createQuery) {
        int open = createQuery.indexOf('(');
        int close = open < 0 ? -1 : SqlLexer.matchingBracket(createQuery, open);
        if (close < 0) {
            throw new IllegalArgumentException("not a CREATE DICTIONARY query: " + createQuery);
        }
        List<String> hierarchical = new ArrayList<>();
        List<String> injective = new ArrayList<>();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (String element : SqlLexer.splitTopLevel(createQuery.substring(open + 1, close), ',')) {
            readColumn(element.strip(), hierarchical, injective, expressions);
        }
        String tail = createQuery.substring(close + 1);
        List<String> key = SqlLexer.splitTopLevel(clause(tail, "PRIMARY KEY"), ',').stream()
                .map(CreateQueryParser::unquote).toList();
        Map<String, String> source = pairs(inner(inner(clause(tail, "SOURCE"))));
        Map<String, String> lifetime = pairs(inner(clause(tail, "LIFETIME")));
        Map<String, String> range = pairs(inner(clause(tail, "RANGE")));
        String layout = inner(clause(tail, "LAYOUT"));
        layout = layout.contains("(") ? layout.substring(0, layout.indexOf('(')) : layout;
        dictionary = new DictionarySpec(literal(source.get("TABLE")), literal(source.get("DB")),
                literal(source.get("QUERY")), key, DictionaryLayout.parse(layout), number(lifetime.get("MIN")),
                number(lifetime.get("MAX")), CreateQueryParser.unquote(range.getOrDefault("MIN", "")),
                CreateQueryParser.unquote(range.getOrDefault("MAX", "")), hierarchical, injective, expressions);
    }

    /** Return the key and attribute columns with their DEFAULT expressions, in order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Return the dictionary's source, layout, key, lifetime, range and attribute options. */
    public DictionarySpec dictionary() {
        return dictionary;
    }

    private void readColumn(String element, List<String> hierarchical, List<String> injective,
                            Map<String, String> expressions) {
        int nameEnd = element.startsWith("`") ? SqlLexer.skipQuoted(element, 0) : element.indexOf(' ');
        String name = CreateQueryParser.unquote(element.substring(0, nameEnd));
        String rest = element.substring(nameEnd).strip();
        int typeEnd = firstKeyword(rest, 0);
        ColumnSpec.Builder column = ColumnSpec.builder(name, DataType.parse(rest.substring(0, typeEnd).strip()));
        int i = typeEnd;
        while (i < rest.length()) {
            int wordEnd = i;
            while (wordEnd < rest.length() && !Character.isWhitespace(rest.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = rest.substring(i, wordEnd).toUpperCase(java.util.Locale.ROOT);
            int next = firstKeyword(rest, wordEnd);
            String value = rest.substring(wordEnd, next).strip();
            switch (word) {
                case "DEFAULT" -> column.defaultExpression(DefaultKind.DEFAULT, value);
                case "EXPRESSION" -> expressions.put(name, value);
                case "HIERARCHICAL" -> hierarchical.add(name);
                case "INJECTIVE" -> injective.add(name);
                default -> { } // IS_OBJECT_ID: not declared by chorm
            }
            i = next;
        }
        columns.add(column.build());
    }

    /** Return where the first attribute keyword at depth 0 starts at or after {@code from}, or the end. */
    private static int firstKeyword(String text, int from) {
        int end = text.length();
        for (String k : ATTRIBUTE_WORDS) {
            int i = SqlLexer.indexOfKeyword(text, k, from);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end;
    }

    /** Return the text of clause {@code keyword} up to the next clause, without the keyword; empty if absent. */
    private static String clause(String tail, String keyword) {
        int start = SqlLexer.indexOfKeyword(tail, keyword, 0);
        if (start < 0) {
            return "";
        }
        int from = start + keyword.length();
        int end = tail.length();
        for (String k : CLAUSES) {
            int i = SqlLexer.indexOfKeyword(tail, k, from);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return tail.substring(from, end).strip();
    }

    /** Return what is inside the outer brackets of {@code NAME(...)}, or empty. */
    private static String inner(String text) {
        int open = text.indexOf('(');
        int close = open < 0 ? -1 : SqlLexer.matchingBracket(text, open);
        return close < 0 ? "" : text.substring(open + 1, close).strip();
    }

    /** Return the {@code KEY value} pairs of a source, lifetime or range argument list, keys in upper case. */
    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int keyEnd = i;
            while (keyEnd < text.length() && !Character.isWhitespace(text.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd == i) {
                break;
            }
            int valueStart = keyEnd;
            while (valueStart < text.length() && Character.isWhitespace(text.charAt(valueStart))) {
                valueStart++;
            }
            int valueEnd = valueStart;
            int skipped = valueStart < text.length() ? SqlLexer.skipNonCode(text, valueStart) : valueStart;
            if (skipped > valueStart) {
                valueEnd = skipped; // a quoted literal or identifier
            } else {
                while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd))) {
                    valueEnd++;
                }
            }
            out.put(text.substring(i, keyEnd).toUpperCase(java.util.Locale.ROOT), text.substring(valueStart, valueEnd));
            i = valueEnd;
        }
        return out;
    }

    private static String literal(String value) {
        return value == null || value.isEmpty() ? "" : value.startsWith("'") ? SqlLiterals.unquoteString(value) : value;
    }

    private static long number(String value) {
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }
}
