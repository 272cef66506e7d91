package dev.chorm.model;

import java.util.Locale;

/** Derive SQL names from Java names. */
final class NameStyle {
    private NameStyle() {
    }

    /**
     * Return the snake_case of a Java name: {@code createdAt} becomes {@code created_at},
     * {@code HTTPRequest} becomes {@code http_request}, {@code IPTest} becomes {@code ip_test}.
     */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && startsWord(name, i)) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWord(String name, int i) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        // A capital starts a word after a lower-case letter or digit, or ends an acronym ("HTTPRequest").
        return prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
                || (Character.isUpperCase(prev) && nextLower));
    }
}
