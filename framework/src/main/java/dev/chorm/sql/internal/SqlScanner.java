package dev.chorm.sql.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scan ClickHouse SQL text without parsing it: split at top-level separators, find top-level
 * keywords and list the column names an expression refers to. Quotes, backticks and brackets are
 * respected everywhere.
 */
public final class SqlScanner {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE",
            "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "INTERVAL", "TO", "DELETE", "RECOMPRESS", "CODEC", "GROUP", "BY", "SET",
            "WHERE", "TRUE", "FALSE", "DESC", "ASC", "AS", "SELECT", "ORDER", "VOLUME", "DISK", "GLOBAL",
            "DISTINCT", "CAST", "NULLS", "FIRST", "LAST", "WITH", "FILL", "ARRAY", "EXISTS");
    /** The unit after {@code INTERVAL n}, which is a keyword only there ({@code day} may well be a column). */
    private static final java.util.regex.Pattern INTERVAL_UNIT =
            java.util.regex.Pattern.compile("(?is).*\\bINTERVAL\\s+\\S+\\s+$");

    private SqlScanner() {
    }

    /** Return the parts of {@code text} between top-level occurrences of {@code separator}, trimmed. */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = skipQuoted(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = text.substring(start).strip();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Return the index of the quote that closes the quoted run starting at {@code open}. */
    public static int skipQuoted(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /** Return the index of the bracket closing the one at {@code open}, or -1 when unbalanced. */
    public static int matchingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = skipQuoted(text, i);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Return the index where the whole word {@code keyword} (may contain one space, as in
     * {@code ORDER BY}) occurs at bracket depth 0 from {@code from} on, or -1.
     */
    public static int indexOfKeyword(String text, String keyword, int from) {
        int depth = 0;
        String upperKeyword = keyword.toUpperCase(Locale.ROOT);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = skipQuoted(text, i);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && isWordAt(text, i, upperKeyword)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordAt(String text, int i, String word) {
        if (!text.regionMatches(true, i, word, 0, word.length())) {
            return false;
        }
        boolean startOk = i == 0 || !isIdentifierPart(text.charAt(i - 1));
        int end = i + word.length();
        return startOk && (end >= text.length() || !isIdentifierPart(text.charAt(end)));
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /**
     * Return the column names {@code expression} refers to: bare or backticked identifiers that are
     * neither function names, keywords, lambda parameters nor parts of literals. A dotted name such
     * as {@code n.x} is returned whole.
     */
    public static Set<String> columnReferences(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> lambdaParameters = new LinkedHashSet<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(expression, i) + 1;
            } else if (Character.isDigit(c)) {
                i = skipWord(expression, i);
            } else if (c == '`' || Character.isLetter(c) || c == '_') {
                int end = c == '`' ? skipQuoted(expression, i) + 1 : skipWord(expression, i);
                String word = c == '`' ? expression.substring(i + 1, end - 1) : expression.substring(i, end);
                classify(expression, i, end, word, c == '`', names, lambdaParameters);
                i = end;
            } else {
                i++;
            }
        }
        names.removeAll(lambdaParameters);
        return names;
    }

    private static void classify(String expr, int start, int end, String word, boolean quoted,
                                 Set<String> names, Set<String> lambdaParameters) {
        String next = expr.substring(end).stripLeading();
        boolean afterDot = start > 0 && expr.charAt(start - 1) == '.';
        boolean typedLiteral = next.startsWith("'");
        if (typedLiteral || INTERVAL_UNIT.matcher(expr.substring(0, start)).matches()) {
            return;
        }
        if (next.startsWith("->")) {
            lambdaParameters.add(word);
        } else if (next.startsWith("(") || afterDot) {
            return;
        } else if (quoted || !KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
            names.add(word);
        }
    }

    private static int skipWord(String text, int i) {
        int j = i;
        while (j < text.length() && isIdentifierPart(text.charAt(j))) {
            j++;
        }
        return j;
    }
}
