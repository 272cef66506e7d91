package dev.chorm.embedded.internal;

/** Quoting for the few statements the server writes itself. */
final class Sql {
    private Sql() {
    }

    /** Return {@code name} as a back-quoted identifier. */
    static String quoteIdentifier(String name) {
        return '`' + name.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }

    /** Return {@code value} as a single-quoted string literal. */
    static String quoteString(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\0' -> sb.append("\\0");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** Return the value of a SQL literal as written ({@code 'a\'b'} gives {@code a'b}); null stays null. */
    static String literalValue(String literal) {
        if (literal == null) {
            return null;
        }
        String s = literal.strip();
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return unescapeTsv(s.substring(1, s.length() - 1).replace("''", "'"));
        }
        return s;
    }

    /** Undo TSV escaping of one field. */
    static String unescapeTsv(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
