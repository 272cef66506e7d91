package dev.chorm.embedded.stateless;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a ClickHouse functional test ({@code .sql}) into statements the way clickhouse-client
 * does in multi-query mode, and reads the test hints of each statement. A port of the splitter in
 * {@code /work/shared/tools/clickhouse-stateless-http.py}: quotes, backticks, nested comments and
 * heredocs are tokens; {@code INSERT ... VALUES} data ends at {@code ;}, {@code INSERT ... FORMAT
 * <fmt>} data ends at an empty line; {@code -- { serverError X }}, {@code clientError},
 * {@code echoOn}/{@code echoOff} hints are honoured.
 */
final class StatementSplitter {
    private static final String WS = " \t\n\r\f\u000b";
    private static final Pattern HEREDOC = Pattern.compile("\\$([A-Za-z0-9_]*)\\$");
    private static final Pattern HINT_TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\\S");

    /** One statement: the text to send and what the test expects of it. */
    static final class Statement {
        String send;
        String full;
        int line;
        List<Object> serverErrors;
        List<Object> clientErrors;
        Boolean echo;

        /** Codes (Integer) or names (String) of the errors the statement must fail with, or null. */
        List<Object> expectedErrors() {
            if (serverErrors == null && clientErrors == null) {
                return null;
            }
            List<Object> all = new ArrayList<>();
            if (serverErrors != null) {
                all.addAll(serverErrors);
            }
            if (clientErrors != null) {
                all.addAll(clientErrors);
            }
            return all;
        }
    }

    private enum Kind { WS, COMMENT, STR, QID, WORD, NUM, OP }

    private record Token(Kind kind, int end) {
    }

    private StatementSplitter() {
    }

    private static boolean ws(char c) {
        return WS.indexOf(c) >= 0;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static Token scan(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (ws(c)) {
            int j = i + 1;
            while (j < n && ws(text.charAt(j))) {
                j++;
            }
            return new Token(Kind.WS, j);
        }
        if (c == '-' && text.startsWith("--", i) || c == '#' && i + 1 < n && " !".indexOf(text.charAt(i + 1)) >= 0) {
            int j = text.indexOf('\n', i);
            return new Token(Kind.COMMENT, j < 0 ? n : j);
        }
        if (c == '/' && text.startsWith("/*", i)) {
            int depth = 1;
            int j = i + 2;
            while (j < n && depth > 0) {
                if (text.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (text.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            return new Token(Kind.COMMENT, j);
        }
        if (c == '\'' || c == '"' || c == '`') {
            Kind kind = c == '\'' ? Kind.STR : Kind.QID;
            int j = i + 1;
            while (j < n) {
                char d = text.charAt(j);
                if (d == '\\') {
                    j += 2;
                    continue;
                }
                if (d == c) {
                    if (j + 1 < n && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return new Token(kind, j + 1);
                }
                j++;
            }
            return new Token(kind, n);
        }
        if (c == '$') {
            Matcher m = HEREDOC.matcher(text).region(i, n);
            if (m.lookingAt()) {
                int k = text.indexOf(m.group(), m.end());
                if (k >= 0) {
                    return new Token(Kind.STR, k + m.group().length());
                }
            }
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            int j = i + 1;
            while (j < n && wordChar(text.charAt(j))) {
                j++;
            }
            return new Token(Kind.WORD, j);
        }
        if (Character.isDigit(c)) {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '.')) {
                j++;
            }
            return new Token(Kind.NUM, j);
        }
        return new Token(Kind.OP, i + 1);
    }

    /** Position of the next token that is not whitespace or a comment. */
    private static int nextSignificant(String text, int i) {
        while (i < text.length()) {
            Token t = scan(text, i);
            if (t.kind != Kind.WS && t.kind != Kind.COMMENT) {
                return i;
            }
            i = t.end;
        }
        return text.length();
    }

    /** clickhouse-client skips a leading {@code -- Tags:} block when it echoes statements. */
    private static int tagsLength(String text) {
        int pos = 0;
        boolean first = true;
        while (true) {
            int lineStart = pos;
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
            if (!text.startsWith("--", pos)) {
                return lineStart;
            }
            pos += 2;
            if (first) {
                while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                }
                if (!text.startsWith("Tags:", pos)) {
                    return 0;
                }
                first = false;
            }
            int cr = text.indexOf('\r', pos);
            int lf = text.indexOf('\n', pos);
            int eol = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
            if (eol < 0) {
                return text.length();
            }
            boolean two = eol + 1 < text.length() && "\r\n".indexOf(text.charAt(eol + 1)) >= 0 && text.charAt(eol + 1) != text.charAt(eol);
            pos = eol + (two ? 2 : 1);
        }
    }

    /** Split {@code text} into its statements. */
    static List<Statement> split(String text) {
        List<Statement> out = new ArrayList<>();
        int n = text.length();
        int pos = tagsLength(text);
        while (true) {
            while (pos < n && ws(text.charAt(pos))) {
                pos++;
            }
            int begin = pos;
            int sig = nextSignificant(text, pos);
            if (sig >= n) {
                break;
            }
            Token firstToken = scan(text, sig);
            String first = firstToken.kind == Kind.WORD ? text.substring(sig, firstToken.end).toUpperCase() : "";
            int i = sig;
            int end = -1;
            boolean dataMode = false;
            int depth = 0;
            while (i < n) {
                Token t = scan(text, i);
                int e = t.end;
                if (t.kind == Kind.OP) {
                    char ch = text.charAt(i);
                    if (ch == ';') {
                        end = i;
                        break;
                    }
                    if ("([{".indexOf(ch) >= 0) {
                        depth++;
                    } else if (")]}".indexOf(ch) >= 0) {
                        depth--;
                    }
                } else if (t.kind == Kind.WORD && first.equals("INSERT") && depth == 0 && !dataMode) {
                    String w = text.substring(i, e).toUpperCase();
                    if (w.equals("SELECT") || w.equals("WITH")) {
                        first = "INSERT_SELECT";
                    } else if (w.equals("FORMAT")) {
                        int j = nextSignificant(text, e);
                        if (j < n) {
                            Token f = scan(text, j);
                            if (f.kind == Kind.WORD || f.kind == Kind.QID) {
                                String format = text.substring(j, f.end).replaceAll("^[`\"]+|[`\"]+$", "");
                                if (!format.equalsIgnoreCase("values")) {
                                    int p = f.end;
                                    while (p < n && " \t\f".indexOf(text.charAt(p)) >= 0) {
                                        p++;
                                    }
                                    if (p < n && text.charAt(p) == ';') {
                                        end = p;
                                        break;
                                    }
                                    if (p < n && text.charAt(p) == '\r') {
                                        p++;
                                    }
                                    if (p < n && text.charAt(p) == '\n') {
                                        p++;
                                    }
                                    int q = text.indexOf("\n\n", p);
                                    end = q < 0 ? n : q;
                                    dataMode = true;
                                    break;
                                }
                                e = f.end;
                            }
                        }
                    }
                }
                i = e;
            }
            if (end < 0) {
                end = n;
            }
            Statement s = new Statement();
            s.line = (int) text.substring(0, sig).chars().filter(ch -> ch == '\n').count() + 1;
            s.send = text.substring(begin, end);
            int fullEnd = end;
            if (!dataMode) {
                int j = end;
                int j2;
                while (true) {
                    j2 = nextSignificant(text, j);
                    if (j2 < n && text.charAt(j2) == ';') {
                        fullEnd = j = j2 + 1;
                        continue;
                    }
                    break;
                }
                int nl = text.indexOf('\n', fullEnd);
                nl = nl < 0 ? n : nl;
                if (nl <= j2) {
                    fullEnd = nl;
                }
            }
            s.full = text.substring(begin, fullEnd);
            for (int k = begin; k < fullEnd; ) {
                Token t = scan(text, k);
                if (t.kind == Kind.COMMENT) {
                    parseHint(s, text.substring(k, t.end), k < sig);
                }
                k = t.end;
            }
            out.add(s);
            pos = fullEnd > begin ? fullEnd : end + 1;
        }
        return out;
    }

    /** The part of a comment between the first '{' and the next '}'; error hints only after the statement's start. */
    private static void parseHint(Statement s, String comment, boolean leading) {
        int a = comment.indexOf('{');
        if (a < 0) {
            return;
        }
        int b = comment.indexOf('}', a);
        if (b < 0) {
            return;
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = HINT_TOKEN.matcher(comment.substring(a + 1, b));
        while (m.find()) {
            tokens.add(m.group());
        }
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i++);
            switch (t) {
                case "echo", "echoOn" -> s.echo = true;
                case "echoOff" -> s.echo = false;
                case "serverError", "clientError", "error" -> {
                    if (leading) {
                        break;
                    }
                    List<Object> codes = new ArrayList<>();
                    while (i < tokens.size()) {
                        String c = tokens.get(i++);
                        codes.add(c.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(c) : c);
                        if (i < tokens.size() && tokens.get(i).equals(",")) {
                            i++;
                            continue;
                        }
                        break;
                    }
                    if (t.equals("serverError")) {
                        s.serverErrors = codes;
                    } else {
                        s.clientErrors = codes;
                    }
                }
                default -> {
                }
            }
        }
    }
}
