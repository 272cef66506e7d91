package dev.chorm.embedded.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lexical look at the text of one HTTP request, with the engine's own tokenizer rules: which
 * statement it is, where inline INSERT data begins, whether it holds more than one statement, and
 * the constructs the server refuses or rewrites ({@link StatementGuard}). It reads the SQL only,
 * never inline data, which may be any bytes. Quotes, back-quotes, double quotes, heredocs,
 * comments and parentheses are respected, so a keyword inside a literal is not mistaken for a
 * clause, and a construct the engine would read differently (an unterminated literal) is refused.
 */
public final class QueryText {
    /** What kind of statement a request holds, as far as the server needs to know. */
    public enum Kind { SELECT_LIKE, INSERT, SET, USE, DROP, OTHER }

    /** Table and database engines that read or write host files or reach the network. */
    static final Set<String> HOST_ENGINES = Set.of("file", "url", "s3", "s3queue", "azureblobstorage", "azurequeue",
            "hdfs", "hive", "mysql", "materializedmysql", "postgresql", "materializedpostgresql", "mongodb", "redis",
            "sqlite", "odbc", "jdbc", "kafka", "rabbitmq", "nats", "filelog", "executable", "executablepool",
            "embeddedrocksdb", "deltalake", "deltalakelocal", "deltalakes3", "deltalakeazure", "hudi", "iceberg",
            "iceberglocal", "icebergs3", "icebergazure", "iceberghdfs", "arrowflight", "ytsaurus", "filesystem",
            "distributed", "datalakecatalog", "backup", "paimon", "keepermap", "replicated");
    /** Dictionary sources that read host files, run programs or reach the network. */
    static final Set<String> HOST_SOURCES = Set.of("file", "http", "executable", "executable_pool", "mysql",
            "postgresql", "mongodb", "redis", "cassandra", "odbc", "jdbc", "yamlregexptree", "regexp_tree");

    private final byte[] text;
    private final int length;
    private Kind kind = Kind.OTHER;
    private String firstWord = "";
    private int formatStart = -1;   // offset of the FORMAT keyword of an INSERT
    private int settingsStart = -1; // offset of a SETTINGS keyword before FORMAT in an INSERT
    private String formatName;
    private int dataStart = -1;     // offset of inline data after "FORMAT name"
    private int extraStatement = -1;
    private int syncStart = -1;     // offset of a final SYNC keyword of a DROP or DETACH
    private boolean temporaryTable; // CREATE/DROP TEMPORARY TABLE
    private String outputFormat;    // the FORMAT clause of a SELECT-like statement
    private int unterminated = -1;  // offset of a literal or comment that never ends
    private int lastTokenEnd;       // end of the statement's last token (before a final ';')
    private int topSettings = -1;   // offset of the last top-level SETTINGS keyword
    private int formatAfterSettings = -1; // a top-level FORMAT keyword after it
    private boolean settingsClause; // a SETTINGS keyword anywhere
    private boolean assignsReadonly;
    private boolean valuesOrSelectSeen; // an INSERT's rows are SQL text or a query
    private String insertTarget;        // the table an INSERT writes to (null for INSERT INTO FUNCTION)
    /** What the statement does that reaches the host ("INTO OUTFILE", "ENGINE = File", ...). */
    private final List<String> hostAccess = new ArrayList<>();
    private boolean clickHouseSource; // inside SOURCE(CLICKHOUSE(...)) of a CREATE DICTIONARY
    /** The first argument of every {@code file(...)} call, as written (null if not a literal). */
    private final List<String> fileArguments = new ArrayList<>();
    /** Settings named in a SETTINGS clause or SET, lower case. */
    private final List<String> settingNames = new ArrayList<>();
    private Map<String, String> setAssignments; // lexed on first use, then kept

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

    /** Return the first keyword in upper case ("" when there is none). */
    public String firstWord() {
        return firstWord;
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

    /** Return true when a quoted literal, heredoc or comment is not closed. */
    public boolean hasUnterminatedLiteral() {
        return unterminated >= 0;
    }

    /** Return true when the text assigns a setting in a SETTINGS clause anywhere. */
    boolean hasSettingsClause() {
        return settingsClause;
    }

    /** Return the table an INSERT writes to as written, or null. */
    String insertTarget() {
        return insertTarget;
    }

    /** Return true when the text assigns the {@code readonly} setting. */
    boolean assignsReadonly() {
        return assignsReadonly;
    }

    /** Return the host-reaching constructs found, in order. */
    List<String> hostAccess() {
        return hostAccess;
    }

    /** Return the first argument of each {@code file(...)} call (null when not a string literal). */
    List<String> fileArguments() {
        return fileArguments;
    }

    /** Return the setting names that SETTINGS clauses and SET assign, lower case. */
    List<String> settingNames() {
        return settingNames;
    }

    /**
     * Return the INSERT rewritten to read its data from {@code file}: {@code INSERT INTO t (...)
     * FROM INFILE 'file' [SETTINGS ...] FORMAT name}. The engine splits inline data at "\n\n" and
     * silently drops the rest; reading it from a file cannot truncate. {@code extraSettings} is
     * added to the statement's SETTINGS.
     */
    public byte[] insertFromFile(String file, String extraSettings) {
        int headEnd = settingsStart >= 0 ? settingsStart : formatStart;
        StringBuilder sql = new StringBuilder()
                .append(new String(text, 0, headEnd, StandardCharsets.UTF_8).stripTrailing())
                .append(" FROM INFILE '").append(file.replace("\\", "\\\\").replace("'", "\\'"))
                .append("' COMPRESSION 'none' ");
        String settings = settingsStart >= 0
                ? new String(text, settingsStart, formatStart - settingsStart, StandardCharsets.UTF_8).strip() : "";
        if (!extraSettings.isEmpty()) {
            settings = settings.isEmpty() ? "SETTINGS " + extraSettings : settings + ", " + extraSettings;
        }
        if (!settings.isEmpty()) {
            sql.append(settings).append(' ');
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

    /**
     * Return the statement with {@code setting = value} added to its top-level SETTINGS clause
     * (or a new one at its end), for settings the engine must receive for this statement only.
     */
    byte[] withQuerySetting(String setting, String value) {
        int at = topSettings < 0 ? lastTokenEnd : formatAfterSettings >= 0 ? formatAfterSettings : lastTokenEnd;
        String insert = (topSettings < 0 ? "\nSETTINGS " : ", ") + setting + " = " + value + (at < lastTokenEnd ? " " : "");
        byte[] add = insert.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[at + add.length + (lastTokenEnd - at)];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(text, at, out, at + add.length, lastTokenEnd - at);
        return out;
    }

    /**
     * Return the value of the last {@code name = 'text'} assignment in the statement (a SETTINGS
     * clause's), escapes undone; literals and comments are skipped as the lexer skips them. Null if none.
     */
    public String lastStringAssignment(String name) {
        String value = null;
        Token a = next(0);
        Token b = a == null ? null : next(a.end);
        for (Token c = b == null ? null : next(b.end); c != null; a = b, b = c, c = next(c.end)) {
            if (a.type == TokenType.WORD && a.text().equalsIgnoreCase(name) && b.isPunct('=')
                    && c.type == TokenType.QUOTED && text[c.start] == '\'') {
                value = c.stringValue();
            }
        }
        return value;
    }

    /** Return the database a {@code USE db} statement names, or null. */
    public String usedDatabase() {
        if (kind != Kind.USE) {
            return null;
        }
        Token last = null;
        for (Token t = next(skipWord(firstWordStart())); t != null && !t.isPunct(';'); t = next(t.end)) {
            last = t;
        }
        return last == null || last.type == TokenType.PUNCT ? null : last.text();
    }


    /**
     * Return what a {@code SET a = 1, b = 'x', c} statement assigns: each name (lower case) with
     * its value as written ({@code 1} for a bare name), in order; a later one wins.
     */
    public Map<String, String> setAssignments() {
        if (setAssignments == null) {
            setAssignments = kind == Kind.SET ? java.util.Collections.unmodifiableMap(lexSetAssignments()) : Map.of();
        }
        return setAssignments;
    }

    /** Lex what a {@code SET} statement assigns (once: {@link #setAssignments} keeps it). */
    private Map<String, String> lexSetAssignments() {
        Map<String, String> assignments = new LinkedHashMap<>();
        String name = null;
        int valueStart = -1;
        int depth = 0;
        Token t = next(skipWord(firstWordStart()));
        for (; t != null && !(depth == 0 && t.isPunct(';')); t = next(t.end)) {
            if (t.isPunct('(') || t.isPunct('[') || t.isPunct('{')) {
                depth++;
            } else if (t.isPunct(')') || t.isPunct(']') || t.isPunct('}')) {
                depth--;
            } else if (depth == 0 && t.isPunct(',')) {
                put(assignments, name, valueStart, t.start);
                name = null;
                valueStart = -1;
                continue;
            }
            if (name == null && t.type != TokenType.PUNCT) {
                name = t.text().toLowerCase(Locale.ROOT);
            } else if (name != null && valueStart < 0 && depth == 0 && t.isPunct('=')) {
                valueStart = t.end;
            }
        }
        put(assignments, name, valueStart, t == null ? length : t.start);
        return assignments;
    }

    private void put(Map<String, String> assignments, String name, int valueStart, int end) {
        if (name != null) {
            assignments.remove(name);
            assignments.put(name, valueStart < 0 ? "1" : new String(text, valueStart, end - valueStart, StandardCharsets.UTF_8).strip());
        }
    }

    private void scan() {
        Token first = next(0);
        if (first == null) {
            return;
        }
        firstWord = first.type == TokenType.WORD ? first.text().toUpperCase(Locale.ROOT) : "";
        Token second = next(first.end);
        kind = switch (firstWord) {
            case "SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "EXISTS" -> Kind.SELECT_LIKE;
            case "INSERT" -> Kind.INSERT;
            // SET ROLE, SET DEFAULT ROLE and SET TRANSACTION SNAPSHOT assign no setting.
            case "SET" -> second != null && (second.isWord("ROLE") || second.isWord("DEFAULT") || second.isWord("TRANSACTION"))
                    ? Kind.OTHER : Kind.SET;
            case "USE" -> Kind.USE;
            case "DROP", "DETACH" -> Kind.DROP;
            default -> Kind.OTHER;
        };
        if (kind == Kind.INSERT) {
            Token t = second;
            while (t != null && (t.isWord("INTO") || t.isWord("TABLE"))) {
                t = next(t.end);
            }
            insertTarget = t == null || t.type == TokenType.PUNCT || t.isWord("FUNCTION") ? null : t.text();
        }
        temporaryTable = (firstWord.equals("CREATE") || firstWord.equals("TRUNCATE") || kind == Kind.DROP) && second != null
                && (second.isWord("TEMPORARY") || second.isWord("OR") && isWordAt(next(second.end), "REPLACE")
                        && isWordAt(next(next(second.end).end), "TEMPORARY"));
        if (firstWord.equals("BACKUP") || firstWord.equals("RESTORE")) {
            hostAccess.add(firstWord); // backups are written to and read from host paths
        }
        int depth = 0;
        Token previous = null;
        Token beforePrevious = null;
        boolean inSettings = false;
        int settingsKeyword = -1; // a top-level SETTINGS keyword not yet followed by an assignment
        int settingsDepth = 0;    // the parenthesis depth of the SETTINGS clause being read
        boolean fileArgumentNext = false;
        lastTokenEnd = first.end;
        for (Token t = first; t != null; beforePrevious = previous, previous = t, t = next(t.end)) {
            if (fileArgumentNext) {
                fileArguments.add(t.type == TokenType.QUOTED && text[t.start] == '\'' ? t.stringValue() : null);
                fileArgumentNext = false;
            }
            if (depth == 0 && t.isPunct(';')) {
                if (next(t.end) != null) {
                    extraStatement = t.start;
                }
                break; // the statement ends here; a SET's names are still recorded below
            }
            lastTokenEnd = t.end;
            if (kind == Kind.SELECT_LIKE && depth == 0 && t.isWord("FORMAT") && isFormatClause(previous)) {
                Token name = next(t.end);
                if (name != null && (name.type == TokenType.WORD || name.type == TokenType.QUOTED && text[name.start] != '\'')
                        && !CLAUSE_WORDS.contains(name.text().toUpperCase(Locale.ROOT))) {
                    outputFormat = name.text();
                }
            }
            if (kind == Kind.DROP) {
                syncStart = depth == 0 && t.isWord("SYNC") ? t.start : -1;
            }
            if (t.isPunct('(')) {
                depth++;
                if (previous != null && previous.isWord("FILE")) {
                    hostAccess.add("file()");
                    fileArgumentNext = true;
                }
            } else if (t.isPunct(')')) {
                depth--;
                inSettings = inSettings && depth >= settingsDepth; // a subquery's SETTINGS ends with it
            }
            noteHostAccess(t, previous, beforePrevious);
            if (t.isWord("SETTINGS")) {
                inSettings = true;
                settingsDepth = depth;
                settingsKeyword = depth == 0 ? t.start : -1;
            } else if (inSettings && t.isPunct('=') && previous != null && previous.type != TokenType.PUNCT) {
                // An assignment makes it a SETTINGS clause (SHOW SETTINGS LIKE ... is none).
                settingsClause = true;
                noteSettingName(previous.text());
                if (settingsKeyword >= 0) {
                    topSettings = settingsKeyword;
                    formatAfterSettings = -1;
                    settingsKeyword = -1;
                }
            } else if (t.isWord("FORMAT") && depth == 0) {
                inSettings = false;
                if (topSettings >= 0) {
                    formatAfterSettings = t.start;
                }
            }
            if (kind == Kind.INSERT && depth == 0 && t.isWord("SETTINGS") && !(previous != null && previous.isWord("INFILE"))) {
                settingsStart = t.start;
            } else if (kind == Kind.INSERT && depth == 0 && t.isWord("FORMAT") && formatStart < 0 && !valuesOrSelectSeen) {
                Token name = next(t.end);
                if (name != null && name.type == TokenType.WORD) {
                    formatStart = t.start;
                    formatName = name.text();
                    dataStart = inlineDataStart(name.end);
                    lastTokenEnd = name.end;
                    return; // inline data follows: never read it as SQL
                }
            } else if (kind == Kind.INSERT && (depth == 0 && t.isWord("VALUES") || t.isWord("SELECT"))) {
                valuesOrSelectSeen = true; // rows as SQL text or a query: no inline data
            }
        }
        if (kind == Kind.SET) {
            setAssignments().keySet().forEach(this::noteSettingName);
        }
    }

    private void noteSettingName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        settingNames.add(lower);
        if (lower.equals("readonly")) {
            assignsReadonly = true;
        }
    }

    /** Record INTO OUTFILE, FROM INFILE, ENGINE = File(...), SOURCE(HTTP(...)) and the like. */
    private void noteHostAccess(Token t, Token previous, Token beforePrevious) {
        if (previous == null) {
            return;
        }
        if (t.isWord("OUTFILE") && previous.isWord("INTO")) {
            hostAccess.add("INTO OUTFILE");
        } else if (t.isWord("INFILE") && previous.isWord("FROM")) {
            hostAccess.add("FROM INFILE");
        } else if (t.type == TokenType.WORD && (previous.isWord("ENGINE")
                || previous.isPunct('=') && beforePrevious != null && beforePrevious.isWord("ENGINE"))) {
            if (HOST_ENGINES.contains(t.text().toLowerCase(Locale.ROOT))) {
                hostAccess.add("ENGINE = " + t.text());
            }
        } else if (t.type == TokenType.WORD && previous.isPunct('(') && beforePrevious != null && beforePrevious.isWord("SOURCE")) {
            if (HOST_SOURCES.contains(t.text().toLowerCase(Locale.ROOT))) {
                hostAccess.add("SOURCE(" + t.text() + ")");
            }
            clickHouseSource = t.isWord("CLICKHOUSE");
        } else if (clickHouseSource && t.isPunct(')')) {
            clickHouseSource = false; // the source's arguments are literals: the first ')' ends them
        } else if (clickHouseSource && t.type == TokenType.WORD && (t.isWord("HOST") || t.isWord("PORT")
                || t.isWord("NAME"))) {
            // Without HOST and PORT the source reads the engine itself; with them it opens a connection
            // to any address (no grant guards that), and a named collection may hold one.
            hostAccess.add("SOURCE(CLICKHOUSE(" + t.text().toUpperCase(Locale.ROOT) + " ...))");
        } else if (t.isPunct('(') && previous.isWord("DISK")) {
            hostAccess.add("disk()");
        }
    }

    private static boolean isWordAt(Token t, String upper) {
        return t != null && t.isWord(upper);
    }

    /** Words that follow a column named {@code format}, never a format name. */
    private static final java.util.Set<String> CLAUSE_WORDS = java.util.Set.of("FROM", "WHERE", "PREWHERE", "GROUP",
            "ORDER", "LIMIT", "OFFSET", "HAVING", "UNION", "EXCEPT", "INTERSECT", "SETTINGS", "AS", "AND", "OR", "INTO",
            "JOIN", "WINDOW", "QUALIFY", "ARRAY", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "GLOBAL", "ANY", "ALL", "IS",
            "NOT", "IN", "LIKE", "BETWEEN", "DESC", "ASC");

    /** A FORMAT keyword after these tokens is a column name ({@code SELECT format}, {@code AS format}). */
    private boolean isFormatClause(Token previous) {
        return previous != null && !(previous.isWord("SELECT") || previous.isWord("AS") || previous.isWord("DISTINCT") || previous.isPunct(',')
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

        /** The value of a single-quoted literal, escapes undone. */
        String stringValue() {
            return Sql.unescapeTsv(new String(text, start + 1, Math.max(0, end - start - 2), StandardCharsets.UTF_8)
                    .replace("''", "'"));
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
        markUnterminated(pos);
        return length;
    }

    private void markUnterminated(int pos) {
        if (unterminated < 0) {
            unterminated = pos;
        }
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
        markUnterminated(pos);
        return length;
    }

    /**
     * Return the end of a heredoc {@code $tag$ ... $tag$} starting at {@code pos}, or -1. As in
     * the engine's lexer, the tag runs to the next {@code $}, and a heredoc that is never closed
     * is no heredoc at all: its text (and any {@code ;} in it) is read as ordinary tokens.
     */
    private int skipHeredoc(int pos) {
        int tagEnd = pos + 1;
        while (tagEnd < length && text[tagEnd] != '$') {
            tagEnd++;
        }
        if (tagEnd >= length) {
            return -1;
        }
        int tagLength = tagEnd - pos + 1;
        int close = indexOf(pos, tagLength, tagEnd + 1);
        return close < 0 ? -1 : close + tagLength;
    }

    /** Return the next offset at or after {@code from} where the {@code n} bytes at {@code at} recur. */
    private int indexOf(int at, int n, int from) {
        outer:
        for (int i = from; i + n <= length; i++) {
            for (int j = 0; j < n; j++) {
                if (text[i + j] != text[at + j]) {
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
