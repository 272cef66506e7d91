package dev.chorm.embedded.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A light lexical look at the text of one HTTP request: which statement it is, where inline
 * INSERT data begins, and whether it holds more than one statement. It reads only the SQL head,
 * never the data, which may be any bytes. Quotes, back-quotes, double quotes, comments and
 * parentheses are respected so that a keyword inside a literal is not mistaken for a clause.
 */
public final class QueryText {
    /** What kind of statement a request holds, as far as the server needs to know. */
    public enum Kind { SELECT_LIKE, INSERT, SET, USE, DROP, OTHER }

    private final byte[] text;
    private final int length;
    private Kind kind = Kind.OTHER;
    private int formatStart = -1;   // offset of the FORMAT keyword of an INSERT
    private int settingsStart = -1; // offset of a SETTINGS keyword before FORMAT in an INSERT
    private String formatName;
    private int dataStart = -1;     // offset of inline data after "FORMAT name"
    private int extraStatement = -1;
    private int syncStart = -1;     // offset of a final SYNC keyword of a DROP or DETACH
    private boolean temporaryTable; // CREATE/DROP TEMPORARY TABLE
    private String outputFormat;    // the FORMAT clause of a SELECT-like statement

    private QueryText(byte[] text, int length) {
        this.text = text;
        this.length = length;
    }

    /** Analyze the first {@code length} bytes of {@code text}. */
    public static QueryText analyze(byte[] text, int length) {
        QueryText q = new QueryText(text, length);
        q.scan();
        return q;
    }

    /** Return the statement kind. */
    public Kind kind() {
        return kind;
    }

    /** Return true for an INSERT whose rows follow {@code FORMAT name} in the request. */
    public boolean hasInlineData() {
        return dataStart >= 0;
    }

    /** Return the offset where inline data begins, or -1. */
    public int dataStart() {
        return dataStart;
    }

    /** Return the format named by an INSERT's FORMAT clause, or null. */
    public String formatName() {
        return formatName;
    }

    /** Return true for {@code CREATE TEMPORARY TABLE} and {@code DROP TEMPORARY TABLE}. */
    public boolean touchesTemporaryTable() {
        return temporaryTable;
    }

    /** Return the format a SELECT-like statement names in its own FORMAT clause, which wins over the request's. */
    public java.util.Optional<String> outputFormat() {
        return java.util.Optional.ofNullable(outputFormat);
    }

    /** Return true when a second statement follows a top-level semicolon. */
    public boolean hasSeveralStatements() {
        return extraStatement >= 0;
    }

    /**
     * Return the INSERT rewritten to read its data from {@code file}: {@code INSERT INTO t (...)
     * FROM INFILE 'file' [SETTINGS ...] FORMAT name}. The engine splits inline data at "\n\n" and
     * silently drops the rest; reading it from a file cannot truncate.
     */
    public byte[] insertFromFile(String file) {
        int headEnd = settingsStart >= 0 ? settingsStart : formatStart;
        StringBuilder sql = new StringBuilder()
                .append(new String(text, 0, headEnd, StandardCharsets.UTF_8).stripTrailing())
                .append(" FROM INFILE '").append(file.replace("\\", "\\\\").replace("'", "\\'"))
                .append("' COMPRESSION 'none' ");
        if (settingsStart >= 0) {
            sql.append(new String(text, settingsStart, formatStart - settingsStart, StandardCharsets.UTF_8).strip()).append(' ');
        }
        return sql.append("FORMAT ").append(formatName).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Return the statement without a final {@code SYNC} of a DROP or DETACH: the engine blocks
     * forever on {@code DROP TABLE ... SYNC} (measured), while a plain DROP frees the name at
     * once in an Atomic database and removes the data a little later.
     */
    public byte[] withoutSync() {
        if (syncStart < 0) {
            return java.util.Arrays.copyOf(text, length);
        }
        return java.util.Arrays.copyOf(text, syncStart);
    }

    /** Return the names assigned by a {@code SET a = 1, b = 2} statement. */
    public List<String> setNames() {
        List<String> names = new ArrayList<>();
        if (kind != Kind.SET) {
            return names;
        }
        boolean expectName = true;
        int depth = 0;
        for (Token t = next(skipWord(firstWordStart())); t != null; t = next(t.end)) {
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                depth--;
            } else if (depth == 0 && t.isPunct(',')) {
                expectName = true;
            } else if (expectName && t.type == TokenType.WORD) {
                names.add(t.text().toLowerCase(Locale.ROOT));
                expectName = false;
            } else if (depth == 0 && t.isPunct(';')) {
                break;
            }
        }
        return names;
    }

    private void scan() {
        Token first = next(0);
        if (first == null) {
            return;
        }
        String word = first.type == TokenType.WORD ? first.text().toUpperCase(Locale.ROOT) : "";
        kind = switch (word) {
            case "SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "EXISTS" -> Kind.SELECT_LIKE;
            case "INSERT" -> Kind.INSERT;
            case "SET" -> Kind.SET;
            case "USE" -> Kind.USE;
            case "DROP", "DETACH" -> Kind.DROP;
            default -> Kind.OTHER;
        };
        Token second = next(first.end);
        temporaryTable = (word.equals("CREATE") || kind == Kind.DROP) && second != null && second.isWord("TEMPORARY");
        int depth = 0;
        Token previous = first;
        for (Token t = next(first.end); t != null; previous = t, t = next(t.end)) {
            if (kind == Kind.DROP && !t.isPunct(';')) {
                syncStart = depth == 0 && t.isWord("SYNC") ? t.start : -1;
            }
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                depth--;
            } else if (depth == 0 && t.isPunct(';')) {
                if (next(t.end) != null) {
                    extraStatement = t.start;
                }
                return;
            } else if (kind == Kind.SELECT_LIKE && depth == 0 && t.isWord("FORMAT") && isFormatClause(previous)) {
                Token name = next(t.end);
                if (name != null && (name.type == TokenType.WORD || name.type == TokenType.QUOTED && text[name.start] != '\'')
                        && !CLAUSE_WORDS.contains(name.text().toUpperCase(Locale.ROOT))) {
                    outputFormat = name.text();
                }
            } else if (kind == Kind.INSERT && depth == 0 && t.isWord("VALUES") || kind == Kind.INSERT && t.isWord("SELECT")) {
                return; // rows as SQL text or a query: nothing binary follows
            } else if (kind == Kind.INSERT && depth == 0 && t.isWord("SETTINGS") && !previous.isWord("INFILE")) {
                settingsStart = t.start;
            } else if (kind == Kind.INSERT && depth == 0 && t.isWord("FORMAT")) {
                Token name = next(t.end);
                if (name != null && name.type == TokenType.WORD) {
                    formatStart = t.start;
                    formatName = name.text();
                    dataStart = inlineDataStart(name.end);
                }
                return;
            }
        }
    }

    /** Words that follow a column named {@code format}, never a format name. */
    private static final java.util.Set<String> CLAUSE_WORDS = java.util.Set.of("FROM", "WHERE", "PREWHERE", "GROUP",
            "ORDER", "LIMIT", "OFFSET", "HAVING", "UNION", "EXCEPT", "INTERSECT", "SETTINGS", "AS", "AND", "OR", "INTO",
            "JOIN", "WINDOW", "QUALIFY", "ARRAY", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "GLOBAL", "ANY", "ALL", "IS",
            "NOT", "IN", "LIKE", "BETWEEN", "DESC", "ASC");

    /** A FORMAT keyword after these tokens is a column name ({@code SELECT format}, {@code AS format}). */
    private boolean isFormatClause(Token previous) {
        return !(previous.isWord("SELECT") || previous.isWord("AS") || previous.isWord("DISTINCT") || previous.isPunct(',')
                || previous.isPunct('.') || previous.isWord("BY"));
    }

    /** Inline data begins after the format name, spaces and tabs, one optional CR and one LF. */
    private int inlineDataStart(int pos) {
        while (pos < length && (text[pos] == ' ' || text[pos] == '\t')) {
            pos++;
        }
        if (pos < length && text[pos] == '\r') {
            pos++;
        }
        if (pos < length && text[pos] == '\n') {
            pos++;
        }
        return pos;
    }

    private int firstWordStart() {
        Token t = next(0);
        return t == null ? length : t.start;
    }

    private int skipWord(int pos) {
        while (pos < length && isWordByte(text[pos])) {
            pos++;
        }
        return pos;
    }

    private enum TokenType { WORD, QUOTED, PUNCT }

    private final class Token {
        final TokenType type;
        final int start;
        final int end;

        Token(TokenType type, int start, int end) {
            this.type = type;
            this.start = start;
            this.end = end;
        }

        String text() {
            if (type == TokenType.QUOTED && (text[start] == '`' || text[start] == '"')) {
                return new String(text, start + 1, end - start - 2, StandardCharsets.UTF_8);
            }
            return new String(text, start, end - start, StandardCharsets.UTF_8);
        }

        boolean isPunct(char c) {
            return type == TokenType.PUNCT && text[start] == c;
        }

        boolean isWord(String upper) {
            return type == TokenType.WORD && end - start == upper.length() && text().equalsIgnoreCase(upper);
        }
    }

    /** Return the next token at or after {@code pos}, skipping whitespace and comments. */
    private Token next(int pos) {
        pos = skipSpaceAndComments(pos);
        if (pos >= length) {
            return null;
        }
        byte b = text[pos];
        if (b == '\'' || b == '"' || b == '`') {
            return new Token(TokenType.QUOTED, pos, skipQuoted(pos, b));
        }
        int heredocEnd = b == '$' ? skipHeredoc(pos) : -1;
        if (heredocEnd > 0) {
            return new Token(TokenType.QUOTED, pos, heredocEnd);
        }
        if (isWordByte(b)) {
            return new Token(TokenType.WORD, pos, skipWord(pos));
        }
        return new Token(TokenType.PUNCT, pos, pos + 1);
    }

    private int skipQuoted(int pos, byte quote) {
        int i = pos + 1;
        while (i < length) {
            byte c = text[i];
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < length && text[i + 1] == quote) {
                    i += 2; // doubled quote inside the literal
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    private int skipSpaceAndComments(int pos) {
        while (pos < length) {
            byte b = text[pos];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
                pos++;
            } else if (b == '-' && pos + 1 < length && text[pos + 1] == '-' || b == '#' && pos + 1 < length && (text[pos + 1] == ' ' || text[pos + 1] == '!')) {
                while (pos < length && text[pos] != '\n') {
                    pos++;
                }
            } else if (b == '/' && pos + 1 < length && text[pos + 1] == '*') {
                pos = skipBlockComment(pos);
            } else {
                return pos;
            }
        }
        return pos;
    }

    /** Block comments nest in ClickHouse: {@code /* a /* b *\/ c *\/}. */
    private int skipBlockComment(int pos) {
        int depth = 0;
        int i = pos;
        while (i + 1 < length) {
            if (text[i] == '/' && text[i + 1] == '*') {
                depth++;
                i += 2;
            } else if (text[i] == '*' && text[i + 1] == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    /** Return the end of a heredoc string {@code $tag$ ... $tag$} starting at {@code pos}, or -1. */
    private int skipHeredoc(int pos) {
        int tagEnd = pos + 1;
        while (tagEnd < length && text[tagEnd] != '$' && isWordByte(text[tagEnd]) && text[tagEnd] != '.') {
            tagEnd++;
        }
        if (tagEnd >= length || text[tagEnd] != '$') {
            return -1;
        }
        String tag = new String(text, pos, tagEnd - pos + 1, StandardCharsets.UTF_8);
        int close = indexOf(tag, tagEnd + 1);
        return close < 0 ? length : close + tag.length();
    }

    private int indexOf(String s, int from) {
        outer:
        for (int i = from; i + s.length() <= length; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (text[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isWordByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '.' || b < 0;
    }
}
