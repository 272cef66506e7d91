package dev.chorm.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scan ClickHouse SQL text without parsing it: the one lexer for every part of chorm that must
 * understand SQL text (DDL read back from the server, model expressions, raw SQL with placeholders).
 * It splits at top-level separators, finds top-level keywords and lists the column names an
 * expression refers to. String literals ({@code 'it''s'}, {@code 'it\\'s'}), quoted identifiers,
 * heredocs ({@code $$text$$}, {@code $tag$text$tag$}), comments and brackets are respected everywhere.
 */
public final class SqlLexer {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE",
            "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "INTERVAL", "TO", "DELETE", "RECOMPRESS", "CODEC", "GROUP", "BY", "SET",
            "WHERE", "TRUE", "FALSE", "DESC", "ASC", "AS", "SELECT", "ORDER", "VOLUME", "DISK", "GLOBAL",
            "DISTINCT", "CAST", "NULLS", "FIRST", "LAST", "WITH", "FILL", "ARRAY", "EXISTS");
    /** The unit after {@code INTERVAL n}, which is a keyword only there ({@code day} may well be a column). */
    private static final java.util.regex.Pattern INTERVAL_UNIT =
            java.util.regex.Pattern.compile("(?is).*\\bINTERVAL\\s+\\S+\\s+$");

    private SqlLexer() {
    }

    /** Return the parts of {@code text} between top-level occurrences of {@code separator}, trimmed. */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int skipped = skipNonCode(text, i);
            if (skipped > i) {
                i = skipped - 1;
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

    /**
     * Return the index just after the quoted run (string, quoted identifier or heredoc) that opens at
     * {@code open}: a doubled quote ({@code 'it''s'}) and a backslash escape ({@code 'it\\'s'}) stay
     * inside it; an unterminated run ends with the text.
     */
    public static int skipQuoted(String text, int open) {
        char quote = text.charAt(open);
        if (quote == '$') {
            return skipHeredoc(text, open);
        }
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /**
     * Return the index just after what is not SQL code at {@code i}: a quoted run, a heredoc or a
     * comment ({@code -- ...} to the end of the line, {@code /* ... *}{@code /}); {@code i} itself
     * when code starts there.
     */
    public static int skipNonCode(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '`' || c == '"' || c == '$' && heredocTagEnd(text, i) > 0) {
            return skipQuoted(text, i);
        }
        if (text.startsWith("--", i)) {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? text.length() : nl + 1;
        }
        if (text.startsWith("/*", i)) {
            int close = text.indexOf("*/", i + 2);
            return close < 0 ? text.length() : close + 2;
        }
        return i;
    }

    /** Return the index after the tag {@code $name$} opening at {@code open}, or -1 when none opens there. */
    private static int heredocTagEnd(String text, int open) {
        int i = open + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }

    private static int skipHeredoc(String text, int open) {
        int tagEnd = heredocTagEnd(text, open);
        if (tagEnd < 0) {
            return open + 1;
        }
        int close = text.indexOf(text.substring(open, tagEnd), tagEnd);
        return close < 0 ? text.length() : close + tagEnd - open;
    }

    /** Return the index of the bracket closing the one at {@code open}, or -1 when unbalanced. */
    public static int matchingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            int skipped = skipNonCode(text, i);
            if (skipped > i) {
                i = skipped - 1;
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
            int skipped = skipNonCode(text, i);
            if (skipped > i) {
                i = skipped - 1;
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
            int skipped = c == '`' ? i : skipNonCode(expression, i);
            if (skipped > i) {
                i = skipped;
            } else if (Character.isDigit(c)) {
                i = skipWord(expression, i);
            } else if (c == '`' || Character.isLetter(c) || c == '_') {
                int end = c == '`' ? skipQuoted(expression, i) : skipWord(expression, i);
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
